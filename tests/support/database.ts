import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import sqlite3 from 'sqlite3'
import type { DataSource } from 'typeorm'
import { withRawConnection } from '../../src/main/database/rawConnection'
import type { Database } from '../../src/main/database/database'

/** Anything that answers raw SQL: the app's DataSource, a transaction's manager, a RawConnection. */
type Queryable = DataSource | { query(sql: string, params?: unknown[]): Promise<unknown> }

/** Counts rows with plain SQL, so a test never trusts the ORM it is checking. */
export async function countRows(db: Queryable, table: string): Promise<number> {
  const rows = (await db.query(`SELECT COUNT(*) AS n FROM "${table}"`)) as { n: number | string }[]
  // PostgreSQL's COUNT is a bigint, which the driver hands over as a string.
  return Number(rows[0].n)
}

/**
 * Row count of every table of a backend's database, on either engine: SQLite through a
 * connection of its own to the file, PostgreSQL through the pool (always committed rows).
 */
export async function rowCounts(backend: { database: Database }): Promise<Record<string, number>> {
  if (backend.database.engine.kind === 'sqlite') return rowCountsInFile(backend.database.location.file)
  const source = backend.database.dataSource
  const tables: { name: string }[] = await source.query(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
     ORDER BY table_name`,
  )
  const counts: Record<string, number> = {}
  for (const { name } of tables) counts[name] = await countRows(source, name)
  return counts
}

/**
 * Rows of a portable query (`?` placeholders) on committed data, on either engine: SQLite on
 * a read-only connection of its own to the file, PostgreSQL through the pool.
 */
export async function queryCommitted<T = Record<string, unknown>>(
  backend: { database: Database },
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  if (backend.database.engine.kind === 'sqlite') return queryFile<T>(backend.database.location.file, sql, params)
  return (await backend.database.dataSource.query(sql, params)) as T[]
}

/** Row count of every table in the file, read on a connection of its own. */
export function rowCountsInFile(file: string): Promise<Record<string, number>> {
  return withRawConnection(file, 'read-only', async (db) => {
    const tables = await db.all<{ name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    const counts: Record<string, number> = {}
    for (const { name } of tables) {
      counts[name] = (await db.all<{ n: number }>(`SELECT COUNT(*) AS n FROM "${name}"`))[0].n
    }
    return counts
  })
}

/** Rows of a query on a separate read-only connection (backups, files the app has closed). */
export function queryFile<T = Record<string, unknown>>(
  file: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  return withRawConnection(file, 'read-only', (db) => db.all<T>(sql, params))
}

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex')
}

/** Creates a plain SQLite file that no Frontdesk migration has touched (an old or foreign file). */
export function createPlainSqliteFile(file: string, statements: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, (error) => {
      if (error) return reject(error)
      db.exec(statements.join(';\n'), (execError) => {
        db.close((closeError) => ((execError ?? closeError) ? reject(execError ?? closeError) : resolve()))
      })
    })
  })
}
