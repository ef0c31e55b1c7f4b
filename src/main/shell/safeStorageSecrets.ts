import type { SecretBox } from '../system/deskDatabaseConfig'

/** What the shell needs of Electron's `safeStorage`; the real one satisfies it. */
export interface SafeStorage {
  isEncryptionAvailable(): boolean
  encryptString(plainText: string): Buffer
  decryptString(encrypted: Buffer): string
}

/**
 * The server password sealed by the operating system (DPAPI on Windows, the keychain on macOS,
 * the secret service on Linux), stored as base64 in the desk's `database.json`.
 * `available` is asked each time: Electron knows it only once the app is ready.
 */
export function safeStorageSecrets(storage: SafeStorage): SecretBox {
  return {
    get available() {
      return storage.isEncryptionAvailable()
    },
    seal: (secret) => storage.encryptString(secret).toString('base64'),
    open: (sealed) => storage.decryptString(Buffer.from(sealed, 'base64')),
  }
}
