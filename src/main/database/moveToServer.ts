import { createHash, type Hash } from 'node:crypto'
import type { DataSource, QueryRunner } from 'typeorm'
import { RawConnection } from './rawConnection'
import { connectServer, migrateServer, ServerRefused, userTables, type ServerTarget } from './postgresServer'
import { migrations } from './schema'

/** Who moved the centre and when: the audit row written on the server says so. */
export interface MoveNote {
  staffUserId: number | null
  staffName: string
  at: string
}

export interface MoveResult {
  /** Rows copied per table (the target's own migrations table is not copied). */
  copiedRows: Record<string, number>
  /** sha256 of every table's rows in primary-key order, equal on both sides. */
  checksums: Record<string, string>
}

export interface MoveOptions {
  /** Rows read and inserted at a time; small in tests so that paging is exercised. */
  batchRows?: number
}

/** Why a move stopped after it reached the server; the server was left as it was. */
export type MoveProblem = 'file_not_current' | 'copy_failed' | 'copy_mismatch'

export class MoveRefused extends Error {
  constructor(
    readonly problem: MoveProblem,
    detail: string,
  ) {
    super(detail)
    this.name = 'MoveRefused'
  }
}

interface Column {
  name: string
  boolean: boolean
}

interface Table {
  name: string
  columns: Column[]
  primaryKey: string[]
  /** Columns referring to the table's own primary key (a unit's parent): parents are inserted first. */
  selfReferences: string[]
  identity: string | null
}

type Row = Record<string, unknown>

const MOVE_COMMAND = 'database/move-to-server'
const DEFAULT_BATCH_ROWS = 5000
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

/**
 * Copies a centre from its SQLite file into an empty PostgreSQL database: the target is
 * migrated, then every table is copied in one transaction keeping ids, sequences are set
 * past the highest ids, row counts and checksums are compared, and an audit row is written.
 * Any difference rolls everything back. The file is only read.
 */
export async function moveToServer(
  file: string,
  target: ServerTarget,
  note: MoveNote,
  options: MoveOptions = {},
): Promise<MoveResult> {
  const batchRows = options.batchRows ?? DEFAULT_BATCH_ROWS
  const source = await RawConnection.open(file, 'read-only')
  try {
    await refuseOutdatedFile(source)
    const server = await connectServer(target)
    try {
      // Refused before the migrations run, so a refused target is left exactly as it was.
      await refuseUnlessEmpty(server)
      await migrateServer(server)
      const tables = await describeTarget(server)
      await refuseDifferentTables(source, tables)
      return await copyInOneTransaction(source, server, tables, file, note, batchRows)
    } finally {
      await server.destroy()
    }
  } finally {
    await source.close()
  }
}

async function copyInOneTransaction(
  source: RawConnection,
  server: DataSource,
  tables: Table[],
  file: string,
  note: MoveNote,
  batchRows: number,
): Promise<MoveResult> {
  const runner = server.createQueryRunner()
  await runner.connect()
  try {
    await runner.startTransaction()
    // No desk may write while the centre arrives; checked for emptiness again under the lock.
    await runner.query(`LOCK TABLE ${tables.map((table) => quote(table.name)).join(', ')} IN EXCLUSIVE MODE`)
    await refuseUnlessEmpty(server, runner)
    // One read transaction on the file: every table from the same moment.
    await source.run('BEGIN')
    const copiedRows: Record<string, number> = {}
    const checksums: Record<string, string> = {}
    try {
      for (const table of tables) {
        const copied = await copyTable(source, runner, table, batchRows)
        copiedRows[table.name] = copied.rows
        checksums[table.name] = copied.checksum
      }
      await setSequences(source, runner, tables)
    } finally {
      await source.run('COMMIT')
    }
    for (const table of tables) {
      const arrived = await tableChecksum(runner, table, batchRows)
      if (arrived.rows !== copiedRows[table.name] || arrived.checksum !== checksums[table.name]) {
        throw new MoveRefused(
          'copy_mismatch',
          `${table.name}: ${copiedRows[table.name]} rows left the file, ${arrived.rows} arrived; ` +
            `checksums ${checksums[table.name]} and ${arrived.checksum}`,
        )
      }
    }
    const total = Object.values(copiedRows).reduce((sum, rows) => sum + rows, 0)
    await runner.query(
      `INSERT INTO "audit_log" ("at", "staff_user_id", "staff_name", "command", "target", "summary")
       VALUES (?, ?, ?, ?, ?, ?)`,
      [note.at, note.staffUserId, note.staffName, MOVE_COMMAND, null, `Moved from file ${file}, ${total} rows`],
    )
    await runner.commitTransaction()
    // Fresh statistics, while connected as the owner (a desk role may not ANALYZE): without them
    // the planner guesses on 100 000 freshly copied people and a search can take seconds.
    await runner.query('ANALYZE').catch(() => undefined)
    return { copiedRows, checksums }
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined)
    if (error instanceof MoveRefused || error instanceof ServerRefused) throw error
    throw new MoveRefused('copy_failed', error instanceof Error ? error.message : String(error))
  } finally {
    await runner.release()
  }
}

/** The file must have exactly this version's migrations, so its tables are the target's tables. */
async function refuseOutdatedFile(source: RawConnection): Promise<void> {
  const [history] = await source.all<{ n: number }>(
    `SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'migrations'`,
  )
  if (history.n === 0) throw new MoveRefused('file_not_current', 'The file is not a Frontdesk centre')
  const done = new Set((await source.all<{ name: string }>('SELECT name FROM migrations')).map((row) => row.name))
  const unknown = [...done].filter((name) => !migrations.some((migration) => migration.name === name))
  if (unknown.length > 0) {
    throw new MoveRefused('file_not_current', `The file was written by a newer version (${unknown[0]})`)
  }
  const missing = migrations.filter((migration) => !done.has(migration.name))
  if (missing.length > 0) {
    throw new MoveRefused('file_not_current', `Open the desk once with this version first (${missing[0].name} pending)`)
  }
}

/** Only an empty database (or one with empty Frontdesk tables) may receive a centre. */
async function refuseUnlessEmpty(server: DataSource, db: DataSource | QueryRunner = server): Promise<void> {
  const tables = await userTables(server)
  if (tables.length > 0 && !tables.includes('migrations')) {
    throw new ServerRefused('foreign_database', `Tables of another application: ${tables.slice(0, 5).join(', ')}`)
  }
  for (const table of tables.filter((name) => name !== 'migrations')) {
    const [{ filled }]: { filled: boolean }[] = await db.query(
      `SELECT EXISTS (SELECT 1 FROM ${quote(table)}) AS "filled"`,
    )
    if (filled) throw new ServerRefused('not_empty', `The table ${table} already has rows`)
  }
}

/** Tables the migrations made on the target, parents before the tables that refer to them. */
async function describeTarget(server: DataSource): Promise<Table[]> {
  const columns: { table: string; column: string; type: string; identity: string }[] = await server.query(
    `SELECT table_name AS "table", column_name AS "column", data_type AS "type", is_identity AS "identity"
     FROM information_schema.columns WHERE table_schema = current_schema()
     ORDER BY table_name, ordinal_position`,
  )
  const keys: { table: string; column: string }[] = await server.query(
    `SELECT tc.table_name AS "table", kcu.column_name AS "column"
     FROM information_schema.table_constraints tc
     JOIN information_schema.key_column_usage kcu
       ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
     WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = current_schema()
     ORDER BY tc.table_name, kcu.ordinal_position`,
  )
  const references: { child: string; parent: string; column: string }[] = await server.query(
    `SELECT child.relname AS "child", parent.relname AS "parent", att.attname AS "column"
     FROM pg_constraint con
     JOIN pg_class child ON child.oid = con.conrelid
     JOIN pg_class parent ON parent.oid = con.confrelid
     JOIN pg_namespace ns ON ns.oid = child.relnamespace
     JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = ANY (con.conkey)
     WHERE con.contype = 'f' AND ns.nspname = current_schema()`,
  )
  const names = (await userTables(server)).filter((name) => name !== 'migrations')
  const tables = names.map((name): Table => {
    const own = columns.filter((column) => column.table === name)
    const primaryKey = keys.filter((key) => key.table === name).map((key) => key.column)
    if (primaryKey.length === 0) throw new MoveRefused('copy_failed', `The table ${name} has no primary key`)
    return {
      name,
      columns: own.map((column) => ({ name: column.column, boolean: column.type === 'boolean' })),
      primaryKey,
      selfReferences: references.filter((ref) => ref.child === name && ref.parent === name).map((ref) => ref.column),
      identity: own.find((column) => column.identity === 'YES')?.column ?? null,
    }
  })
  const parents = (name: string) =>
    references.filter((ref) => ref.child === name && ref.parent !== name).map((ref) => ref.parent)
  return foreignKeyOrder(tables, parents)
}

function foreignKeyOrder(tables: Table[], parents: (name: string) => string[]): Table[] {
  const ordered: Table[] = []
  const placed = new Set<string>()
  while (ordered.length < tables.length) {
    const ready = tables.filter(
      (table) => !placed.has(table.name) && parents(table.name).every((parent) => placed.has(parent)),
    )
    if (ready.length === 0) throw new MoveRefused('copy_failed', 'The tables refer to each other in a cycle')
    for (const table of ready) {
      ordered.push(table)
      placed.add(table.name)
    }
  }
  return ordered
}

/** The file's tables and columns must be the target's: the same migrations made both. */
async function refuseDifferentTables(source: RawConnection, tables: Table[]): Promise<void> {
  const inFile = (
    await source.all<{ name: string }>(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'migrations'`,
    )
  ).map((row) => row.name)
  const expected = tables.map((table) => table.name)
  const extra = inFile.filter((name) => !expected.includes(name))
  const absent = expected.filter((name) => !inFile.includes(name))
  if (extra.length > 0 || absent.length > 0) {
    throw new MoveRefused(
      'file_not_current',
      `The file's tables differ from the server's (only in the file: ${extra.join(', ') || '–'}; ` +
        `only on the server: ${absent.join(', ') || '–'})`,
    )
  }
  for (const table of tables) {
    const fileColumns = (await source.all<{ name: string }>(`PRAGMA table_info(${quote(table.name)})`)).map(
      (column) => column.name,
    )
    const serverColumns = table.columns.map((column) => column.name)
    if (fileColumns.length !== serverColumns.length || serverColumns.some((name) => !fileColumns.includes(name))) {
      throw new MoveRefused('file_not_current', `The columns of ${table.name} differ between the file and the server`)
    }
  }
}

/**
 * A value as both sides compare it: SQLite keeps booleans as 0 and 1, PostgreSQL as
 * true and false. Anything else is compared as read, so a changed value or type shows.
 */
function normalised(value: unknown, column: Column): unknown {
  if (value === null || value === undefined) return null
  if (column.boolean && (value === 0 || value === 1)) return value === 1
  return value
}

function hashRow(hash: Hash, table: Table, row: Row): unknown[] {
  const values = table.columns.map((column) => normalised(row[column.name], column))
  hash.update(JSON.stringify(values))
  hash.update('\n')
  return values
}

/** Pages through a table in primary-key order: a key range, never an offset. */
async function* pages(
  read: (sql: string, parameters: unknown[]) => Promise<Row[]>,
  table: Table,
  batchRows: number,
): AsyncGenerator<Row[]> {
  const columns = table.columns.map((column) => quote(column.name)).join(', ')
  const key = table.primaryKey.map(quote)
  const order = key.join(', ')
  let last: Row | null = null
  for (;;) {
    const after = last ? `WHERE (${order}) > (${key.map(() => '?').join(', ')})` : ''
    const row: Row | null = last
    const parameters = row ? table.primaryKey.map((column) => row[column]) : []
    const rows = await read(
      `SELECT ${columns} FROM ${quote(table.name)} ${after} ORDER BY ${order} LIMIT ${batchRows}`,
      parameters,
    )
    if (rows.length > 0) yield rows
    if (rows.length < batchRows) return
    last = rows[rows.length - 1]
  }
}

async function copyTable(
  source: RawConnection,
  runner: QueryRunner,
  table: Table,
  batchRows: number,
): Promise<{ rows: number; checksum: string }> {
  const hash = createHash('sha256')
  let rows = 0
  const read = (sql: string, parameters: unknown[]) => source.all<Row>(sql, parameters)
  if (table.selfReferences.length > 0) {
    // A parent may have a higher id than its child (a unit moved under a newer one): all rows, parents first.
    const all: Row[] = []
    for await (const page of pages(read, table, batchRows)) all.push(...page)
    for (const row of all) hashRow(hash, table, row)
    const ordered = parentsFirst(all, table)
    for (let i = 0; i < ordered.length; i += batchRows) await insert(runner, table, ordered.slice(i, i + batchRows))
    rows = all.length
  } else {
    for await (const page of pages(read, table, batchRows)) {
      for (const row of page) hashRow(hash, table, row)
      await insert(runner, table, page)
      rows += page.length
    }
  }
  const [{ n }] = await source.all<{ n: number }>(`SELECT COUNT(*) AS n FROM ${quote(table.name)}`)
  if (n !== rows) throw new MoveRefused('copy_mismatch', `${table.name}: counted ${n} rows in the file, read ${rows}`)
  return { rows, checksum: hash.digest('hex') }
}

function parentsFirst(rows: Row[], table: Table): Row[] {
  const [id] = table.primaryKey
  const placed = new Set<unknown>()
  const ordered: Row[] = []
  let waiting = rows
  while (waiting.length > 0) {
    const ready = waiting.filter((row) =>
      table.selfReferences.every(
        (column) => row[column] === null || row[column] === row[id] || placed.has(row[column]),
      ),
    )
    // A cycle cannot be inserted in any order: let the server refuse it, which rolls back.
    const batch = ready.length > 0 ? ready : waiting
    for (const row of batch) {
      ordered.push(row)
      placed.add(row[id])
    }
    waiting = waiting.filter((row) => !batch.includes(row))
  }
  return ordered
}

/** One statement per batch: the rows travel as one JSON parameter, typed by the table's own row type. */
async function insert(runner: QueryRunner, table: Table, rows: Row[]): Promise<void> {
  if (rows.length === 0) return
  const columns = table.columns.map((column) => quote(column.name)).join(', ')
  const values = rows.map((row) =>
    Object.fromEntries(table.columns.map((column) => [column.name, normalised(row[column.name], column)])),
  )
  try {
    await runner.query(
      `INSERT INTO ${quote(table.name)} (${columns})
       SELECT ${columns} FROM json_populate_recordset(NULL::${quote(table.name)}, ?::json)`,
      [JSON.stringify(values)],
    )
  } catch (error) {
    throw new MoveRefused(
      'copy_failed',
      `The server refused a row of ${table.name}: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
}

/** The same checksum over what arrived, read back in the same transaction. */
async function tableChecksum(
  runner: QueryRunner,
  table: Table,
  batchRows: number,
): Promise<{ rows: number; checksum: string }> {
  const hash = createHash('sha256')
  let rows = 0
  const read = (sql: string, parameters: unknown[]): Promise<Row[]> => runner.query(sql, parameters)
  for await (const page of pages(read, table, batchRows)) {
    for (const row of page) hashRow(hash, table, row)
    rows += page.length
  }
  const [{ n }]: { n: number }[] = await runner.query(
    `SELECT CAST(COUNT(*) AS integer) AS "n" FROM ${quote(table.name)}`,
  )
  if (n !== rows) throw new MoveRefused('copy_mismatch', `${table.name}: counted ${n} rows on the server, read ${rows}`)
  return { rows, checksum: hash.digest('hex') }
}

/**
 * Every identity past the highest id the file ever gave out: SQLite's AUTOINCREMENT never
 * reuses the id of a removed row (a merged-away person), and audit rows name people by id.
 */
async function setSequences(source: RawConnection, runner: QueryRunner, tables: Table[]): Promise<void> {
  const [{ n: autoincrement }] = await source.all<{ n: number }>(
    `SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'`,
  )
  const sequences = autoincrement
    ? await source.all<{ name: string; seq: number }>('SELECT name, seq FROM sqlite_sequence')
    : []
  const given = new Map(sequences.map((row) => [row.name, Number(row.seq)]))
  for (const table of tables) {
    if (!table.identity) continue
    const [{ highest }] = await source.all<{ highest: number | null }>(
      `SELECT MAX(${quote(table.identity)}) AS highest FROM ${quote(table.name)}`,
    )
    const last = Math.max(highest ?? 0, given.get(table.name) ?? 0)
    await runner.query(`SELECT setval(pg_get_serial_sequence(?, ?), ?, ?)`, [
      quote(table.name),
      table.identity,
      Math.max(last, 1),
      last > 0,
    ])
  }
}
