import type { DataSource, EntityManager, QueryRunner } from 'typeorm'
import { kindOf, type Engine, type EngineKind } from './engine'
import { postgresEngine } from './postgresEngine'
import { sqliteEngine } from './sqliteEngine'

export type { Engine, EngineKind, ColumnReference } from './engine'
export type { SchemaDescription } from './schemaDescription'
export { schemaDifferences } from './schemaDescription'

/** The engine behind a manager, query runner or data source. */
export function engineOf(db: EntityManager | QueryRunner | DataSource): Engine {
  return kindOf(db) === 'postgres' ? postgresEngine : sqliteEngine
}

/** The engine of a kind, for a database not connected yet (a server that did not answer at start). */
export function engineNamed(kind: EngineKind): Engine {
  return kind === 'postgres' ? postgresEngine : sqliteEngine
}
