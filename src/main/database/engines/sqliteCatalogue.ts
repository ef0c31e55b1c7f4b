import type { EntityManager } from 'typeorm'
import {
  inCanonicalOrder,
  normaliseDefault,
  typeFamily,
  type ForeignKeyDescription,
  type ReferentialAction,
  type SchemaDescription,
  type TableDescription,
} from './schemaDescription'

interface ColumnRow {
  cid: number
  name: string
  type: string
  notnull: number
  dflt_value: string | null
  pk: number
}

interface IndexRow {
  name: string
  unique: number
  origin: 'c' | 'u' | 'pk'
  partial: number
}

interface IndexColumnRow {
  name: string | null
  desc: number
  key: number
}

interface ForeignKeyRow {
  id: number
  seq: number
  table: string
  from: string
  to: string | null
  on_update: string
  on_delete: string
}

/** The schema of a SQLite file from `sqlite_master` and the table-valued pragmas. */
export async function describeSqliteSchema(em: EntityManager): Promise<SchemaDescription> {
  const tables: { name: string; sql: string }[] = await em.query(
    `SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`,
  )
  const triggers: { name: string; table: string; sql: string }[] = await em.query(
    `SELECT name, tbl_name AS "table", sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`,
  )
  const described: TableDescription[] = []
  for (const table of tables) {
    const columns: ColumnRow[] = await em.query('SELECT * FROM pragma_table_info(?) ORDER BY cid', [table.name])
    const primaryKey = columns.filter((column) => column.pk > 0).sort((a, b) => a.pk - b.pk)
    // `integer PRIMARY KEY AUTOINCREMENT` is what PostgreSQL spells as an identity column.
    const generated =
      primaryKey.length === 1 && /^integer$/i.test(primaryKey[0].type) && /\bAUTOINCREMENT\b/i.test(table.sql)
        ? primaryKey[0].name
        : null
    const indexRows: IndexRow[] = await em.query('SELECT * FROM pragma_index_list(?) ORDER BY name', [table.name])
    const indexes: TableDescription['indexes'] = []
    const uniques: string[][] = []
    for (const index of indexRows) {
      if (index.origin === 'pk') continue
      const keyColumns: IndexColumnRow[] = await em.query(
        'SELECT name, "desc", "key" FROM pragma_index_xinfo(?) WHERE "key" = 1 ORDER BY seqno',
        [index.name],
      )
      const names = keyColumns.map((column) => `${column.name ?? '<expression>'}${column.desc ? ' DESC' : ''}`)
      if (index.origin === 'u') uniques.push(names)
      else indexes.push({ name: index.name, columns: names, unique: index.unique === 1, partial: index.partial === 1 })
    }
    const keyRows: ForeignKeyRow[] = await em.query('SELECT * FROM pragma_foreign_key_list(?) ORDER BY id, seq', [
      table.name,
    ])
    const foreignKeys = new Map<number, ForeignKeyDescription>()
    for (const row of keyRows) {
      const key = foreignKeys.get(row.id) ?? {
        columns: [],
        table: row.table,
        references: [],
        onDelete: row.on_delete.toUpperCase() as ReferentialAction,
        onUpdate: row.on_update.toUpperCase() as ReferentialAction,
      }
      key.columns.push(row.from)
      // Without a column list the key refers to the other table's primary key.
      key.references.push(row.to ?? '<primary key>')
      foreignKeys.set(row.id, key)
    }
    described.push({
      name: table.name,
      columns: columns.map((column) => {
        const type = typeFamily(column.type)
        return {
          name: column.name,
          type,
          notNull: column.notnull === 1,
          default: column.name === generated ? 'identity' : normaliseDefault(column.dflt_value, type),
        }
      }),
      primaryKey: primaryKey.map((column) => column.name),
      uniques,
      indexes,
      foreignKeys: [...foreignKeys.values()],
      triggers: triggers
        .filter((trigger) => trigger.table === table.name)
        .map((trigger) => ({ name: trigger.name, event: triggerEvent(trigger.sql) })),
    })
  }
  return inCanonicalOrder({ tables: described })
}

/** `BEFORE UPDATE` from a trigger's CREATE statement (SQLite keeps no other record of it). */
function triggerEvent(sql: string): string {
  const match = /\b(BEFORE|AFTER|INSTEAD\s+OF)\s+(INSERT|UPDATE|DELETE)\b/i.exec(sql)
  if (!match) return 'BEFORE ' + (/\b(INSERT|UPDATE|DELETE)\b/i.exec(sql)?.[1] ?? '?').toUpperCase()
  return `${match[1].toUpperCase().replace(/\s+/, ' ')} ${match[2].toUpperCase()}`
}
