import type { EntityManager } from 'typeorm'
import {
  inCanonicalOrder,
  normaliseDefault,
  typeFamily,
  type ReferentialAction,
  type SchemaDescription,
  type TableDescription,
} from './schemaDescription'

const ACTIONS: Record<string, ReferentialAction> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
}

// pg_trigger.tgtype bits (src/include/catalog/pg_trigger.h).
const TRIGGER_BEFORE = 2
const TRIGGER_INSTEAD = 64
const TRIGGER_EVENTS: [number, string][] = [
  [4, 'INSERT'],
  [8, 'DELETE'],
  [16, 'UPDATE'],
  [32, 'TRUNCATE'],
]

/** Tables of the current schema, as the same query shape for every catalogue below. */
const IN_SCHEMA = `rel.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())`

/**
 * The schema of the current PostgreSQL schema from pg_catalog (not information_schema, which
 * hides what the connected role does not own, such as triggers for the desk role).
 */
export async function describePostgresSchema(em: EntityManager): Promise<SchemaDescription> {
  const tables: { name: string }[] = await em.query(
    `SELECT rel.relname AS "name" FROM pg_class rel
     WHERE ${IN_SCHEMA} AND rel.relkind IN ('r', 'p') ORDER BY rel.relname COLLATE "C"`,
  )
  const columns: {
    table: string
    name: string
    type: string
    length: number | null
    notNull: boolean
    identity: string
    default: string | null
  }[] = await em.query(
    `SELECT rel.relname AS "table", att.attname AS "name", format_type(att.atttypid, NULL) AS "type",
       CASE WHEN att.atttypmod > 4 AND att.atttypid IN ('varchar'::regtype, 'bpchar'::regtype)
         THEN att.atttypmod - 4 END AS "length",
       att.attnotnull AS "notNull", att.attidentity AS "identity",
       pg_get_expr(def.adbin, def.adrelid) AS "default"
     FROM pg_attribute att
     JOIN pg_class rel ON rel.oid = att.attrelid
     LEFT JOIN pg_attrdef def ON def.adrelid = att.attrelid AND def.adnum = att.attnum
     WHERE ${IN_SCHEMA} AND rel.relkind IN ('r', 'p') AND att.attnum > 0 AND NOT att.attisdropped
     ORDER BY rel.relname COLLATE "C", att.attnum`,
  )
  const constraints: {
    table: string
    kind: 'p' | 'u' | 'f'
    columns: string[]
    target: string | null
    references: string[] | null
    onDelete: string
    onUpdate: string
  }[] = await em.query(
    `SELECT rel.relname AS "table", con.contype AS "kind",
       ARRAY(SELECT att.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, n)
             JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = k.attnum ORDER BY k.n) AS "columns",
       target.relname AS "target",
       ARRAY(SELECT att.attname::text FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, n)
             JOIN pg_attribute att ON att.attrelid = con.confrelid AND att.attnum = k.attnum ORDER BY k.n) AS "references",
       con.confdeltype AS "onDelete", con.confupdtype AS "onUpdate"
     FROM pg_constraint con
     JOIN pg_class rel ON rel.oid = con.conrelid
     LEFT JOIN pg_class target ON target.oid = con.confrelid
     WHERE ${IN_SCHEMA} AND con.contype IN ('p', 'u', 'f')
     ORDER BY rel.relname COLLATE "C", con.conname COLLATE "C"`,
  )
  // Indexes that back a primary key or UNIQUE constraint are described by the constraint.
  const indexes: { table: string; name: string; unique: boolean; partial: boolean; columns: string[] }[] =
    await em.query(
      `SELECT rel.relname AS "table", idx.relname AS "name", ind.indisunique AS "unique",
         ind.indpred IS NOT NULL AS "partial",
         ARRAY(SELECT CASE WHEN k.attnum = 0 THEN '<expression>' ELSE att.attname::text END
                      || CASE WHEN (ind.indoption[(k.n - 1)::integer] & 1) = 1 THEN ' DESC' ELSE '' END
               FROM unnest(ind.indkey::int2[]) WITH ORDINALITY AS k(attnum, n)
               LEFT JOIN pg_attribute att ON att.attrelid = ind.indrelid AND att.attnum = k.attnum
               WHERE k.n <= ind.indnkeyatts ORDER BY k.n) AS "columns"
       FROM pg_index ind
       JOIN pg_class rel ON rel.oid = ind.indrelid
       JOIN pg_class idx ON idx.oid = ind.indexrelid
       WHERE ${IN_SCHEMA}
         AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = ind.indexrelid
                         AND con.conrelid = ind.indrelid AND con.contype IN ('p', 'u', 'x'))
       ORDER BY rel.relname COLLATE "C", idx.relname COLLATE "C"`,
    )
  const triggers: { table: string; name: string; type: number }[] = await em.query(
    `SELECT rel.relname AS "table", tg.tgname AS "name", tg.tgtype::integer AS "type"
     FROM pg_trigger tg JOIN pg_class rel ON rel.oid = tg.tgrelid
     WHERE ${IN_SCHEMA} AND NOT tg.tgisinternal
     ORDER BY tg.tgname COLLATE "C"`,
  )
  return inCanonicalOrder({
    tables: tables.map(({ name }): TableDescription => {
      const own = <T extends { table: string }>(rows: T[]) => rows.filter((row) => row.table === name)
      const keys = own(constraints)
      return {
        name,
        columns: own(columns).map((column) => {
          const type = typeFamily(column.type, column.length)
          return {
            name: column.name,
            type,
            notNull: column.notNull,
            default: column.identity !== '' ? 'identity' : normaliseDefault(column.default, type),
          }
        }),
        primaryKey: keys.find((key) => key.kind === 'p')?.columns ?? [],
        uniques: keys.filter((key) => key.kind === 'u').map((key) => key.columns),
        indexes: own(indexes).map(({ name: index, columns: keyColumns, unique, partial }) => ({
          name: index,
          columns: keyColumns,
          unique,
          partial,
        })),
        foreignKeys: keys
          .filter((key) => key.kind === 'f')
          .map((key) => ({
            columns: key.columns,
            table: key.target ?? '?',
            references: key.references ?? [],
            onDelete: ACTIONS[key.onDelete],
            onUpdate: ACTIONS[key.onUpdate],
          })),
        triggers: own(triggers).map((trigger) => ({ name: trigger.name, event: triggerEvent(trigger.type) })),
      }
    }),
  })
}

function triggerEvent(type: number): string {
  const timing = type & TRIGGER_INSTEAD ? 'INSTEAD OF' : type & TRIGGER_BEFORE ? 'BEFORE' : 'AFTER'
  const events = TRIGGER_EVENTS.filter(([bit]) => type & bit).map(([, event]) => event)
  return `${timing} ${events.join(' OR ')}`
}
