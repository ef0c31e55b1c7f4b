import type { DataSource, EntityManager } from 'typeorm'
import type { ColumnReference, Engine } from './engine'
import { describeSqliteSchema } from './sqliteCatalogue'

/** SQLite: the embedded file of a single desk. */
export const sqliteEngine: Engine = {
  kind: 'sqlite',
  ddl: (sql) => sql,
  appendOnly: (table) =>
    ['UPDATE', 'DELETE'].map(
      (action) => `CREATE TRIGGER "${table}_no_${action.toLowerCase()}" BEFORE ${action} ON "${table}"
      BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
    ),
  dropAppendOnly: (table) => ['delete', 'update'].map((action) => `DROP TRIGGER "${table}_no_${action}"`),
  referencesTo: (em: EntityManager, table: string): Promise<ColumnReference[]> =>
    em.query(
      `SELECT m.name AS "table", f."from" AS "column"
       FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f
       WHERE m.type = 'table' AND f."table" = ? ORDER BY m.name, f."from"`,
      [table],
    ),
  indexHint: (index) => `INDEXED BY ${index}`,
  greatest: (a, b) => `MAX(${a}, ${b})`,
  // Changes whenever another connection commits to the file.
  async changeToken(em) {
    const [{ data_version: version }]: { data_version: number }[] = await em.query('PRAGMA data_version')
    return version
  },
  // secure_delete has overwritten the freed pages; the old values may still sit in the WAL until a checkpoint.
  async afterErasure(source: DataSource) {
    await source.query('PRAGMA wal_checkpoint(TRUNCATE)')
    return []
  },
  isRetryable: () => false,
  isUniqueViolation: (error) => error instanceof Error && /UNIQUE constraint failed/.test(error.message),
  describeSchema: describeSqliteSchema,
  // Writes are serialised: the ids past the highest one (and past AUTOINCREMENT's record of deleted
  // rows) stay free until the caller's transaction inserts them, which moves sqlite_sequence on.
  async reserveIds(em, table, count) {
    const [{ next }]: { next: number }[] = await em.query(
      `SELECT MAX(COALESCE((SELECT MAX("id") FROM "${table}"), 0),
                  COALESCE((SELECT "seq" FROM sqlite_sequence WHERE "name" = ?), 0)) + 1 AS "next"`,
      [table],
    )
    return Array.from({ length: count }, (_, i) => next + i)
  },
  // Multi-row VALUES, in chunks under SQLite's limit of 32 766 bound parameters per statement.
  async insertMany(em, table, columns, rows) {
    if (rows.length === 0) return
    const chunk = Math.floor(30_000 / columns.length)
    const placeholders = `(${columns.map(() => '?').join(', ')})`
    const into = `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) VALUES`
    for (let start = 0; start < rows.length; start += chunk) {
      const part = rows.slice(start, start + chunk)
      await em.query(`${into} ${part.map(() => placeholders).join(', ')}`, part.flat())
    }
  },
}
