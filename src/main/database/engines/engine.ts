import type { DataSource, EntityManager, QueryRunner } from 'typeorm'
import type { SchemaDescription } from './schemaDescription'

export type EngineKind = 'sqlite' | 'postgres'

/** A table and column that refer to another table's id, as the database's catalogue declares it. */
export interface ColumnReference {
  table: string
  column: string
}

/**
 * Everything that is written differently per database engine. Contexts write portable SQL
 * (`?` placeholders, double-quoted names) and ask the engine for the rest, so the two
 * dialects live in two small files and nowhere else.
 */
export interface Engine {
  kind: EngineKind
  /** Portable DDL (SQLite spelling: `integer PRIMARY KEY AUTOINCREMENT`, `WITHOUT ROWID`) in this engine's spelling. */
  ddl(sql: string): string
  /** Statements making a table append-only: the database refuses UPDATE and DELETE. */
  appendOnly(table: string): string[]
  /** Statements undoing `appendOnly` (a migration's `down`). */
  dropAppendOnly(table: string): string[]
  /** Every column with a foreign key to `table`. */
  referencesTo(em: EntityManager, table: string): Promise<ColumnReference[]>
  /** A hint that makes the planner walk one index (`INDEXED BY` on SQLite; PostgreSQL chooses well itself). */
  indexHint(index: string): string
  /** The larger of two values in one row (`MAX(a, b)` on SQLite, `GREATEST` on PostgreSQL). */
  greatest(a: string, b: string): string
  /**
   * A token that changes whenever another connection committed a write, or null when the
   * engine offers no reliable one (then nothing may be cached across reads).
   */
  changeToken(em: EntityManager): Promise<number | string | null>
  /**
   * After an erasure committed: make the erased values unreachable in the files as well.
   * Answers the tables this connection was not allowed to clean (the caller says so in the log).
   */
  afterErasure(source: DataSource, tables: string[]): Promise<string[]>
  /** A failure worth retrying the whole transaction for (serialization failure, deadlock). */
  isRetryable(error: unknown): boolean
  /** A unique constraint refused the write. */
  isUniqueViolation(error: unknown): boolean
  /** The schema as this engine's catalogue declares it, in the shape shared by both engines. */
  describeSchema(em: EntityManager): Promise<SchemaDescription>
  /**
   * `count` unused ids of `table`'s identity column, ascending, for a bulk insert that must know
   * them up front (its rows refer to each other); the table's own counter moves past them.
   */
  reserveIds(em: EntityManager, table: string, count: number): Promise<number[]>
  /** Many rows (each in `columns` order) into `table` in the caller's transaction, as fast as the engine allows. */
  insertMany(em: EntityManager, table: string, columns: readonly string[], rows: readonly unknown[][]): Promise<void>
}

type WithConnection = EntityManager | QueryRunner | DataSource

/** The engine behind a manager, query runner or data source. */
export function kindOf(db: WithConnection): EngineKind {
  const source = 'options' in db && 'driver' in db ? db : (db as EntityManager | QueryRunner).connection
  return source.options.type === 'postgres' ? 'postgres' : 'sqlite'
}
