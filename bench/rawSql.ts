import pg from 'pg'
import { CONNECTION_PRAGMAS } from '../src/main/database/dataSourceOptions'
import { numberedPlaceholders } from '../src/main/database/engines/postgresEngine'
import type { ServerTarget } from '../src/main/database/postgresServer'
import { RawConnection } from '../src/main/database/rawConnection'

/**
 * A second connection of the bench's own for the raw-SQL baselines, on either engine: the same
 * portable SQL (`?` placeholders) the app writes, without TypeORM, the router or DTOs.
 */
export interface RawSql {
  engine: 'sqlite' | 'postgres'
  all<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>
  run(sql: string, params?: unknown[]): Promise<void>
  /** Opens a write transaction as the app's writes do on this engine. */
  begin(): Promise<void>
  close(): Promise<void>
}

/** The sqlite3 driver on the same file, with the app's durability settings so the baseline is not flattered. */
export async function sqliteRaw(file: string): Promise<RawSql> {
  const raw = await RawConnection.open(file, 'read-write')
  for (const pragma of CONNECTION_PRAGMAS) await raw.run(pragma)
  return {
    engine: 'sqlite',
    all: (sql, params) => raw.all(sql, params),
    run: (sql, params) => raw.run(sql, params),
    // Every second connection in the app writes with BEGIN IMMEDIATE.
    begin: () => raw.run('BEGIN IMMEDIATE'),
    close: () => raw.close(),
  }
}

/** The `pg` driver on the same database, as the desk role. */
export async function postgresRaw(target: ServerTarget): Promise<RawSql> {
  const client = new pg.Client({
    host: target.host,
    port: target.port,
    database: target.database,
    user: target.user,
    password: target.password,
  })
  await client.connect()
  const query = async (sql: string, params: unknown[] = []) =>
    (await client.query(params.length ? numberedPlaceholders(sql) : sql, params)).rows
  return {
    engine: 'postgres',
    all: async <T>(sql: string, params?: unknown[]) => (await query(sql, params)) as T[],
    run: async (sql, params) => void (await query(sql, params)),
    // The router runs every write on PostgreSQL in a SERIALIZABLE transaction.
    begin: async () => void (await client.query('BEGIN ISOLATION LEVEL SERIALIZABLE')),
    close: () => client.end(),
  }
}
