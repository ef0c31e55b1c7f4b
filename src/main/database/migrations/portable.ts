import type { QueryRunner } from 'typeorm'
import { engineOf } from '../engines'

/** Runs DDL written in the portable (SQLite) spelling, in this engine's spelling. */
export async function ddl(db: QueryRunner, sql: string): Promise<void> {
  await db.query(engineOf(db).ddl(sql))
}
