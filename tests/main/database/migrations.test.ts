import { rmSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DataSource } from 'typeorm'
import { dataFiles } from '../../../src/main/backend'
import { sqliteOptions } from '../../../src/main/database/dataSourceOptions'
import { connectServer, MIGRATION_LOCK } from '../../../src/main/database/postgresServer'
import { migrations } from '../../../src/main/database/schema'
import { startTestBackend, tempDir, type TestBackend } from '../../support/backend'
import { countRows } from '../../support/database'
import { sampleOrganisation, saveOrganisation } from '../../support/organisation'
import { createServerDatabase, testEngine, type ServerDatabase } from '../../support/testServer'

const organisation = sampleOrganisation

const migrationNames = migrations.map((migration) => new migration().name ?? migration.name)

interface SchemaItem {
  type: string
  name: string
  sql: string
}

/** The whole schema as the engine's catalogue describes it, to compare two moments of one database. */
function schemaOf(source: DataSource): Promise<SchemaItem[]> {
  if (source.options.type === 'sqlite') {
    return source.query(
      "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name <> 'migrations' ORDER BY type, name",
    )
  }
  return source.query(
    `SELECT type, name, sql FROM (
       SELECT 'table' AS type, table_name::text AS name,
              string_agg(concat_ws(' ', column_name, data_type, character_maximum_length, collation_name, is_nullable,
                                   is_identity, column_default), ', ' ORDER BY ordinal_position) AS sql
       FROM information_schema.columns WHERE table_schema = current_schema() GROUP BY table_name
       UNION ALL
       SELECT 'index', indexname::text, indexdef FROM pg_indexes WHERE schemaname = current_schema()
       UNION ALL
       SELECT 'constraint', con.conname::text, rel.relname || ': ' || pg_get_constraintdef(con.oid)
       FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid
       WHERE con.connamespace = current_schema()::regnamespace
       UNION ALL
       SELECT 'trigger', tgname::text, pg_get_triggerdef(tg.oid)
       FROM pg_trigger tg JOIN pg_class rel ON rel.oid = tg.tgrelid
       WHERE NOT tg.tgisinternal AND rel.relnamespace = current_schema()::regnamespace
     ) items
     WHERE name <> 'migrations' AND sql NOT LIKE '%migrations%'
     ORDER BY type COLLATE "C", name COLLATE "C"`,
  )
}

async function tablesOf(source: DataSource): Promise<string[]> {
  const rows: { name: string }[] = await source.query(
    source.options.type === 'sqlite'
      ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
      : `SELECT table_name AS name FROM information_schema.tables
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  )
  return rows.map((row) => row.name)
}

async function countsOf(source: DataSource): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const table of await tablesOf(source)) counts[table] = await countRows(source, table)
  return counts
}

async function appliedOf(source: DataSource): Promise<string[]> {
  return ((await source.query('SELECT name FROM migrations ORDER BY id')) as { name: string }[]).map((row) => row.name)
}

/**
 * Data no migration has touched yet: a new file, or on the PostgreSQL half an empty database
 * that its owner migrates (a desk's role may not change the schema).
 */
interface Fresh {
  start(): Promise<TestBackend>
  /** A connection of our own, the way TypeORM's CLI would open it (the owner's on a server). */
  withSource<T>(fn: (source: DataSource) => Promise<T>): Promise<T>
  dispose(): Promise<void>
}

async function fresh(): Promise<Fresh> {
  const dataDir = tempDir()
  const server: ServerDatabase | null = testEngine === 'postgres' ? await createServerDatabase({ empty: true }) : null
  const open = async () =>
    server
      ? connectServer(server.owner)
      : new DataSource(sqliteOptions(dataFiles(dataDir).file, { readOnly: false })).initialize()
  return {
    start: () => startTestBackend(server ? { database: { engine: 'postgres', server: server.owner } } : {}, dataDir),
    async withSource(fn) {
      const source = await open()
      try {
        return await fn(source)
      } finally {
        await source.destroy()
      }
    },
    async dispose() {
      rmSync(dataDir, { recursive: true, force: true })
      await server?.drop()
    },
  }
}

describe('migrations', () => {
  let data: Fresh | undefined
  let backend: TestBackend | undefined
  afterEach(async () => {
    await backend?.close()
    backend = undefined
    await data?.dispose()
    data = undefined
    vi.restoreAllMocks()
  })

  it('every migration is listed once, in the order of its timestamp', () => {
    expect(new Set(migrationNames).size).toBe(migrationNames.length)
    const stamps = migrationNames.map((name) => Number(/(\d{13})$/.exec(name)?.[1]))
    expect(stamps.every((stamp) => Number.isFinite(stamp))).toBe(true)
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b))
  })

  it('an empty database is built up to the current schema', async () => {
    data = await fresh()
    backend = await data.start()
    const { applied, schema } = await data.withSource(async (source) => ({
      applied: await appliedOf(source),
      schema: await schemaOf(source),
    }))
    expect(applied).toEqual(migrationNames)
    expect(schema.filter((item) => item.type === 'table').map((item) => item.name)).toEqual(
      expect.arrayContaining(['audit_log', 'setting']),
    )
    expect(schema.filter((item) => item.type === 'trigger').map((item) => item.name)).toEqual(
      expect.arrayContaining(['audit_log_no_delete', 'audit_log_no_update']),
    )
  })

  it('starting twice on the same database applies each migration once and keeps every row', async () => {
    data = await fresh()
    backend = await data.start()
    for (const name of ['First', 'Second', 'Third']) await saveOrganisation(backend, organisation(name))
    await backend.close()
    const before = await data.withSource(async (source) => ({
      counts: await countsOf(source),
      schema: await schemaOf(source),
    }))

    backend = await data.start()
    await backend.close()
    backend = await data.start()

    await data.withSource(async (source) => {
      expect(await appliedOf(source)).toEqual(migrationNames)
      expect(await countsOf(source)).toEqual(before.counts)
      expect(await schemaOf(source)).toEqual(before.schema)
    })
    expect(before.counts).toMatchObject({ audit_log: 3, setting: 1 })
    expect(await backend.call('settings/get-organisation', {})).toMatchObject({ name: 'Third' })
  })

  it('every migration can be undone and applied again, giving the same schema', async () => {
    data = await fresh()
    backend = await data.start()
    await backend.close()
    backend = undefined
    const schemaBefore = await data.withSource(schemaOf)

    await data.withSource(async (source) => {
      for (let i = 0; i < migrationNames.length; i++) await source.undoLastMigration({ transaction: 'each' })
      expect(await schemaOf(source)).toEqual([])
      expect(await source.query('SELECT CAST(COUNT(*) AS integer) AS n FROM migrations')).toEqual([{ n: 0 }])
      await source.runMigrations({ transaction: 'each' })
      expect(await schemaOf(source)).toEqual(schemaBefore)
    })
  })

  // Undoing the first migration drops the tables it created, so row counts can only be compared
  // across a later migration. This activates with the second migration.
  it.skipIf(migrations.length < 2)(
    'undoing and re-applying the newest migration keeps the row count of every table',
    async () => {
      data = await fresh()
      backend = await data.start()
      for (const name of ['First', 'Second']) await saveOrganisation(backend, organisation(name))
      await backend.close()
      backend = undefined

      await data.withSource(async (source) => {
        const countsBefore = await countsOf(source)
        await source.undoLastMigration({ transaction: 'each' })
        await source.runMigrations({ transaction: 'each' })
        const countsAfter = await countsOf(source)
        for (const [table, count] of Object.entries(countsBefore)) {
          if (table === 'migrations') continue
          expect(countsAfter[table], table).toBe(count)
        }
      })
    },
  )

  it('a migration that fails part-way leaves the database as it was', async () => {
    data = await fresh()
    backend = await data.start()
    await saveOrganisation(backend, organisation('Kept'))
    await backend.close()
    backend = undefined
    const countsBefore = await data.withSource(countsOf)

    class Broken9999999999999 {
      name = 'Broken9999999999999'
      async up(db: { query(sql: string): Promise<unknown> }) {
        await db.query('CREATE TABLE half_done (id INTEGER PRIMARY KEY)')
        await db.query('DELETE FROM setting')
        await db.query('THIS IS NOT SQL')
      }
      async down() {}
    }
    vi.spyOn(console, 'log').mockImplementation(() => undefined) // TypeORM reports the failure on the console
    await data.withSource(async (source) => {
      const broken = new DataSource({ ...source.options, migrations: [...migrations, Broken9999999999999] })
      await broken.initialize()
      try {
        await expect(broken.runMigrations({ transaction: 'each' })).rejects.toThrow(/syntax error/)
      } finally {
        await broken.destroy()
      }
      expect(await countsOf(source)).toEqual(countsBefore)
      expect(await tablesOf(source)).not.toContain('half_done')
    })
  })
})

// About PostgreSQL's own mechanism: several desks share one server, and each migrates at start-up.
describe.skipIf(testEngine !== 'postgres')('migrations on a server shared by several desks', () => {
  let server: ServerDatabase | undefined
  const backends: TestBackend[] = []
  afterEach(async () => {
    for (const backend of backends.splice(0)) await backend.dispose()
    await server?.drop()
    server = undefined
  })
  const startOn = async (database: ServerDatabase) => {
    const backend = await startTestBackend({ database: { engine: 'postgres', server: database.owner } })
    backends.push(backend)
    return backend
  }

  it('two desks starting at once on an empty database migrate it once, and both work', async () => {
    server = await createServerDatabase({ empty: true })
    const desks = await Promise.all([startOn(server), startOn(server)])
    const source = await connectServer(server.owner)
    try {
      expect(await appliedOf(source)).toEqual(migrationNames)
    } finally {
      await source.destroy()
    }
    await saveOrganisation(desks[0], organisation('Společné'))
    expect(await desks[1].call('settings/get-organisation', {})).toMatchObject({ name: 'Společné' })
  })

  it('a desk starting while another migrates waits for the migration lock before it touches the schema', async () => {
    server = await createServerDatabase({ empty: true })
    const holder = await connectServer(server.owner)
    const lock = holder.createQueryRunner()
    try {
      await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
      let started = false
      const starting = startOn(server).then((backend) => {
        started = true
        return backend
      })
      await new Promise((resolve) => setTimeout(resolve, 1000))
      expect(started).toBe(false)
      expect(await tablesOf(holder)).toEqual([])
      await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK])
      const backend = await starting
      expect(await appliedOf(holder)).toEqual(migrationNames)
      expect(await backend.call('settings/get-organisation', {})).toMatchObject({ name: '' })
    } finally {
      await lock.release()
      await holder.destroy()
    }
  })
})
