import { describe, expect, it } from 'vitest'
import { safeStorageSecrets } from '../../src/main/shell/safeStorageSecrets'
import { serverConfig, targetOf } from '../../src/main/system/deskDatabaseConfig'
import { FakeSafeStorage } from './fakes'

const SERVER = {
  host: 'db.centre.lan',
  port: 5432,
  database: 'frontdesk',
  user: 'frontdesk_desk',
  tls: 'require' as const,
}

describe('the server password sealed by the operating system', () => {
  it('is stored sealed, not as the password, and opened again for the connection', () => {
    const secrets = safeStorageSecrets(new FakeSafeStorage())
    const config = serverConfig(SERVER, 'Heslo-recepce-1', secrets)
    expect(config).toMatchObject({ engine: 'postgres', server: SERVER })
    const sealed = config.engine === 'postgres' ? config.sealedPassword : null
    expect(sealed).toEqual(expect.any(String))
    expect(JSON.stringify(config)).not.toContain('Heslo-recepce-1')
    const target = targetOf('/desk', config, secrets, {})
    expect(target).toEqual({
      engine: 'postgres',
      server: { ...SERVER, password: 'Heslo-recepce-1', allowSuperuser: false },
    })
  })

  it('cannot be opened by another machine’s keyring', () => {
    const sealed = safeStorageSecrets(new FakeSafeStorage(0x5a)).seal('Heslo-recepce-1')
    expect(safeStorageSecrets(new FakeSafeStorage(0x33)).open(sealed)).not.toBe('Heslo-recepce-1')
  })

  it('asks Electron whether it can seal each time, because it knows only once the app is ready', () => {
    const storage = new FakeSafeStorage()
    const secrets = safeStorageSecrets(storage)
    storage.available = false
    expect(secrets.available).toBe(false)
    expect(serverConfig(SERVER, 'Heslo-recepce-1', secrets)).toMatchObject({ sealedPassword: null })
    storage.available = true
    expect(secrets.available).toBe(true)
  })
})
