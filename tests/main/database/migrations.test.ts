import { rmSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DataSource } from 'typeorm'
import { dataFiles } from '../../../src/main/backend'
import { sqliteOptions } from '../../../src/main/database/dataSourceOptions'
import { migrations } from '../../../src/main/database/schema'
import { startTestBackend, tempDir, type TestBackend } from '../../support/backend'
import { queryFile, rowCountsInFile } from '../../support/database'
import { sampleOrganisation, saveOrganisation } from '../../support/organisation'

const organisation = sampleOrganisation

const migrationNames = migrations.map((migration) => new migration().name ?? migration.name)

/** The whole schema as SQLite stores it, to compare two files or two moments of one file. */
const schemaOf = (file: string) =>
  queryFile<{ type: string; name: string; sql: string }>(
    file,
    "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name <> 'migrations' ORDER BY type, name",
  )

/** A DataSource of our own on the file, the way TypeORM's CLI would open it. */
async function withDataSource<T>(file: string, fn: (source: DataSource) => Promise<T>): Promise<T> {
  const source = new DataSource(sqliteOptions(file, { readOnly: false }))
  await source.initialize()
  try {
    return await fn(source)
  } finally {
    await source.destroy()
  }
}

describe('migrations', () => {
  let dataDir: string | undefined
  let backend: TestBackend | undefined
  afterEach(async () => {
    await backend?.close()
    backend = undefined
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
    dataDir = undefined
    vi.restoreAllMocks()
  })

  it('every migration is listed once, in the order of its timestamp', () => {
    expect(new Set(migrationNames).size).toBe(migrationNames.length)
    const stamps = migrationNames.map((name) => Number(/(\d{13})$/.exec(name)?.[1]))
    expect(stamps.every((stamp) => Number.isFinite(stamp))).toBe(true)
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b))
  })

  it('an empty file is built up to the current schema', async () => {
    dataDir = tempDir()
    backend = await startTestBackend({}, dataDir)
    const { file } = dataFiles(dataDir)
    const applied = await queryFile<{ name: string }>(file, 'SELECT name FROM migrations ORDER BY id')
    expect(applied.map((row) => row.name)).toEqual(migrationNames)
    const schema = await schemaOf(file)
    expect(schema.filter((item) => item.type === 'table').map((item) => item.name)).toEqual(
      expect.arrayContaining(['audit_log', 'setting']),
    )
    expect(schema.filter((item) => item.type === 'trigger').map((item) => item.name)).toEqual(
      expect.arrayContaining(['audit_log_no_delete', 'audit_log_no_update']),
    )
  })

  it('starting twice on the same file applies each migration once and keeps every row', async () => {
    dataDir = tempDir()
    const { file } = dataFiles(dataDir)
    backend = await startTestBackend({}, dataDir)
    for (const name of ['First', 'Second', 'Third']) await saveOrganisation(backend, organisation(name))
    await backend.close()
    const countsBefore = await rowCountsInFile(file)
    const schemaBefore = await schemaOf(file)

    backend = await startTestBackend({}, dataDir)
    await backend.close()
    backend = await startTestBackend({}, dataDir)

    const applied = await queryFile<{ name: string }>(file, 'SELECT name FROM migrations ORDER BY id')
    expect(applied.map((row) => row.name)).toEqual(migrationNames)
    expect(await rowCountsInFile(file)).toEqual(countsBefore)
    expect(countsBefore).toMatchObject({ audit_log: 3, setting: 1 })
    expect(await schemaOf(file)).toEqual(schemaBefore)
    expect(await backend.call('settings/get-organisation', {})).toMatchObject({ name: 'Third' })
  })

  it('every migration can be undone and applied again, giving the same schema', async () => {
    dataDir = tempDir()
    const { file } = dataFiles(dataDir)
    backend = await startTestBackend({}, dataDir)
    await backend.close()
    backend = undefined
    const schemaBefore = await schemaOf(file)

    await withDataSource(file, async (source) => {
      for (let i = 0; i < migrationNames.length; i++) await source.undoLastMigration({ transaction: 'each' })
    })
    expect(await schemaOf(file)).toEqual([])
    expect(await queryFile(file, 'SELECT COUNT(*) AS n FROM migrations')).toEqual([{ n: 0 }])

    await withDataSource(file, (source) => source.runMigrations({ transaction: 'each' }))
    expect(await schemaOf(file)).toEqual(schemaBefore)
  })

  // Undoing the first migration drops the tables it created, so row counts can only be compared
  // across a later migration. This activates with the second migration.
  it.skipIf(migrations.length < 2)(
    'undoing and re-applying the newest migration keeps the row count of every table',
    async () => {
      dataDir = tempDir()
      const { file } = dataFiles(dataDir)
      backend = await startTestBackend({}, dataDir)
      for (const name of ['First', 'Second']) await saveOrganisation(backend, organisation(name))
      await backend.close()
      backend = undefined
      const countsBefore = await rowCountsInFile(file)

      await withDataSource(file, async (source) => {
        await source.undoLastMigration({ transaction: 'each' })
        await source.runMigrations({ transaction: 'each' })
      })
      const countsAfter = await rowCountsInFile(file)
      for (const [table, count] of Object.entries(countsBefore)) {
        if (table === 'migrations') continue
        expect(countsAfter[table], table).toBe(count)
      }
    },
  )

  it('a migration that fails part-way leaves the file as it was', async () => {
    dataDir = tempDir()
    const { file } = dataFiles(dataDir)
    backend = await startTestBackend({}, dataDir)
    await saveOrganisation(backend, organisation('Kept'))
    await backend.close()
    backend = undefined
    const countsBefore = await rowCountsInFile(file)

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
    await withDataSource(file, async (source) => {
      const broken = new DataSource({ ...source.options, migrations: [...migrations, Broken9999999999999] })
      await broken.initialize()
      try {
        await expect(broken.runMigrations({ transaction: 'each' })).rejects.toThrow(/syntax error/)
      } finally {
        await broken.destroy()
      }
    })
    expect(await rowCountsInFile(file)).toEqual(countsBefore)
    const tables = await queryFile<{ name: string }>(file, "SELECT name FROM sqlite_master WHERE name = 'half_done'")
    expect(tables).toEqual([])
  })
})
