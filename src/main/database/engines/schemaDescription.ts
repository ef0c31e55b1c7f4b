/**
 * A schema as both engines' catalogues describe it, in one normalised shape: the same
 * migrations must give the same description on SQLite and on PostgreSQL. Names of the
 * indexes that back a constraint differ per engine and are left out; everything else counts.
 */
export interface SchemaDescription {
  tables: TableDescription[]
}

export interface TableDescription {
  name: string
  columns: ColumnDescription[]
  primaryKey: string[]
  /** Column lists of UNIQUE constraints (not of unique indexes, which are listed as indexes). */
  uniques: string[][]
  indexes: IndexDescription[]
  foreignKeys: ForeignKeyDescription[]
  triggers: TriggerDescription[]
}

export interface ColumnDescription {
  name: string
  /** The type family (integer, text, boolean, real, numeric, blob), with a declared length: `text(80)`. */
  type: string
  notNull: boolean
  /** Normalised: `identity` for generated ids, booleans as true/false, no casts or parentheses. */
  default: string | null
}

export interface IndexDescription {
  name: string
  /** Key columns in order, `DESC` appended where descending; an expression as `<expression>`. */
  columns: string[]
  unique: boolean
  partial: boolean
}

export interface ForeignKeyDescription {
  columns: string[]
  table: string
  references: string[]
  onDelete: ReferentialAction
  onUpdate: ReferentialAction
}

export type ReferentialAction = 'NO ACTION' | 'RESTRICT' | 'CASCADE' | 'SET NULL' | 'SET DEFAULT'

export interface TriggerDescription {
  name: string
  /** `BEFORE UPDATE`, `AFTER INSERT`… */
  event: string
}

/** The family of a declared type, by SQLite's affinity rules plus boolean; PostgreSQL names mapped alike. */
export function typeFamily(declared: string, length: number | null = null): string {
  const type = declared.toLowerCase()
  const family = /bool/.test(type)
    ? 'boolean'
    : /int|serial/.test(type)
      ? 'integer'
      : /char|clob|text/.test(type)
        ? 'text'
        : /real|floa|doub/.test(type)
          ? 'real'
          : /blob|bytea/.test(type) || type === ''
            ? 'blob'
            : 'numeric'
  const declaredLength = length ?? Number(/\((\d+)\)/.exec(type)?.[1] ?? NaN)
  return family === 'text' && Number.isFinite(declaredLength) ? `text(${declaredLength})` : family
}

/** A default as written by either engine, in one spelling. */
export function normaliseDefault(value: string | null, type: string): string | null {
  if (value === null) return null
  let text = value.trim()
  if (/^nextval\(/i.test(text)) return 'identity'
  while (text.startsWith('(') && text.endsWith(')')) text = text.slice(1, -1).trim()
  text = text.replace(/::[a-z ]+(\(\d+\))?$/i, '')
  if (type === 'boolean') {
    if (text === '1' || /^true$/i.test(text)) return 'true'
    if (text === '0' || /^false$/i.test(text)) return 'false'
  }
  return text
}

const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) => {
    const [x, y] = [key(a), key(b)]
    return x < y ? -1 : x > y ? 1 : 0
  }

/** One order for what the catalogues list in their own orders (columns keep the table's order). */
export function inCanonicalOrder(schema: SchemaDescription): SchemaDescription {
  return {
    tables: [...schema.tables].sort(byKey((table) => table.name)).map((table) => ({
      ...table,
      uniques: [...table.uniques].sort(byKey((columns) => columns.join(','))),
      indexes: [...table.indexes].sort(byKey((index) => index.name)),
      foreignKeys: [...table.foreignKeys].sort(byKey((key) => `${key.columns.join(',')}>${key.table}`)),
      triggers: [...table.triggers].sort(byKey((trigger) => trigger.name)),
    })),
  }
}

/** One line per fact, each naming its table: two descriptions are equal when their facts are. */
export function schemaFacts(schema: SchemaDescription): string[] {
  const facts: string[] = []
  const list = (columns: string[]) => `(${columns.join(', ')})`
  for (const table of schema.tables) {
    const t = table.name
    facts.push(`table ${t}`)
    for (const column of table.columns) {
      const nullability = column.notNull ? 'NOT NULL' : 'NULL'
      const byDefault = column.default === null ? '' : ` DEFAULT ${column.default}`
      facts.push(`column ${t}.${column.name} ${column.type} ${nullability}${byDefault}`)
    }
    if (table.primaryKey.length > 0) facts.push(`primary key ${t} ${list(table.primaryKey)}`)
    for (const unique of table.uniques) facts.push(`unique ${t} ${list(unique)}`)
    for (const index of table.indexes) {
      const kind = `${index.unique ? 'unique ' : ''}${index.partial ? 'partial ' : ''}index`
      facts.push(`${kind} ${index.name} ON ${t} ${list(index.columns)}`)
    }
    for (const key of table.foreignKeys) {
      facts.push(
        `foreign key ${t} ${list(key.columns)} -> ${key.table} ${list(key.references)}` +
          ` ON DELETE ${key.onDelete} ON UPDATE ${key.onUpdate}`,
      )
    }
    for (const trigger of table.triggers) facts.push(`trigger ${trigger.name} ${trigger.event} ON ${t}`)
  }
  return facts.sort()
}

/** What one schema has that the other lacks, readably; empty when they are equal. */
export function schemaDifferences(
  left: SchemaDescription,
  right: SchemaDescription,
  names: [string, string] = ['left', 'right'],
): string[] {
  const leftFacts = new Set(schemaFacts(left))
  const rightFacts = new Set(schemaFacts(right))
  return [
    ...[...leftFacts].filter((fact) => !rightFacts.has(fact)).map((fact) => `only on ${names[0]}: ${fact}`),
    ...[...rightFacts].filter((fact) => !leftFacts.has(fact)).map((fact) => `only on ${names[1]}: ${fact}`),
  ]
}
