import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ServerSettings } from '../../shared/contract/databaseServer'
import type { DatabaseTarget } from '../database/database'
import { dataFiles } from '../backend'

/**
 * Keeps a password unreadable at rest: Electron's safeStorage (DPAPI on Windows) in the shell.
 * Preview, tools and tests have no OS keyring: they take the password from the environment.
 */
export interface SecretBox {
  /** Whether `seal` can be used here; when not, the password comes from FRONTDESK_DB_PASSWORD. */
  readonly available: boolean
  seal(secret: string): string
  open(sealed: string): string
}

/** Where this desk's data lives. Local to the desk (its data folder), never in the shared database. */
export type DeskDatabaseConfig =
  { engine: 'sqlite' } | { engine: 'postgres'; server: ServerSettings; sealedPassword: string | null }

const CONFIG_FILE = 'database.json'
export const PASSWORD_VARIABLE = 'FRONTDESK_DB_PASSWORD'

/** No environment password and no OS keyring: nothing can be sealed. */
export const environmentSecrets: SecretBox = {
  available: false,
  seal: () => {
    throw new Error('No OS keyring here: set the password in FRONTDESK_DB_PASSWORD')
  },
  open: () => {
    throw new Error('No OS keyring here: set the password in FRONTDESK_DB_PASSWORD')
  },
}

export function readDeskDatabase(dataDir: string): DeskDatabaseConfig {
  const file = join(dataDir, CONFIG_FILE)
  if (!existsSync(file)) return { engine: 'sqlite' }
  return JSON.parse(readFileSync(file, 'utf8')) as DeskDatabaseConfig
}

/** Written under a temporary name and renamed: a crash never leaves half a configuration. */
export function writeDeskDatabase(dataDir: string, config: DeskDatabaseConfig): void {
  const file = join(dataDir, CONFIG_FILE)
  writeFileSync(`${file}.tmp`, JSON.stringify(config, null, 2))
  renameSync(`${file}.tmp`, file)
}

/** The configuration sealed for storage: the password through the box when it can, else left to the environment. */
export function serverConfig(server: ServerSettings, password: string, secrets: SecretBox): DeskDatabaseConfig {
  return { engine: 'postgres', server, sealedPassword: secrets.available ? secrets.seal(password) : null }
}

/** What `Database.open` needs for the configured database. */
export function targetOf(
  dataDir: string,
  config: DeskDatabaseConfig,
  secrets: SecretBox,
  env: NodeJS.ProcessEnv = process.env,
): DatabaseTarget {
  if (config.engine === 'sqlite') return { engine: 'sqlite', location: dataFiles(dataDir) }
  const password = config.sealedPassword ? secrets.open(config.sealedPassword) : (env[PASSWORD_VARIABLE] ?? '')
  return {
    engine: 'postgres',
    server: { ...config.server, password, allowSuperuser: env.FRONTDESK_ALLOW_SUPERUSER === '1' },
  }
}
