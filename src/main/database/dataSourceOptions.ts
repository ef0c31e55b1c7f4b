import sqlite3 from 'sqlite3'
import type { DataSourceOptions } from 'typeorm'
import { entities, migrations } from './schema'

/**
 * The only place that knows which driver we use. TypeORM 1.x drops `sqlite3`, so a switch
 * (or PostgreSQL for several desks) is a change here and nowhere else.
 */
export function sqliteOptions(file: string, options: { readOnly: boolean }): DataSourceOptions {
  return {
    type: 'sqlite',
    database: file,
    entities,
    migrations,
    migrationsRun: false,
    synchronize: false,
    logging: false,
    enableWAL: !options.readOnly,
    flags: options.readOnly ? sqlite3.OPEN_READONLY : sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE,
  }
}

/**
 * Applied to every connection we open ourselves. FULL: NORMAL may lose the last commits on
 * power loss. secure_delete: an erased person's old values must not linger in free pages.
 */
export const CONNECTION_PRAGMAS = [
  'PRAGMA synchronous = FULL',
  'PRAGMA busy_timeout = 5000',
  'PRAGMA foreign_keys = ON',
  'PRAGMA secure_delete = ON',
]
