import { copyFileSync, rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DataSource } from 'typeorm'
import { allHandlers, dataFiles } from '../../../src/main/backend'
import { SignInThrottle } from '../../../src/main/auth/signInThrottle'
import { Router } from '../../../src/main/core/router'
import { moveToServerHandler } from '../../../src/main/system/moveToServerHandler'
import { readDeskDatabase } from '../../../src/main/system/deskDatabaseConfig'
import { moveToServer, MoveRefused, type MoveNote } from '../../../src/main/database/moveToServer'
import {
  connectServer,
  migrateServer,
  ServerRefused,
  type ServerTarget,
} from '../../../src/main/database/postgresServer'
import { tempDir, type TestBackend } from '../../support/backend'
import { createPlainSqliteFile, queryFile, rowCountsInFile, sha256 } from '../../support/database'
import { ADMINISTRATOR, addStaff, desk, setUpCentre, signInAt, startDeskBackend } from '../../support/desks'
import { saveOrganisation, sampleOrganisation } from '../../support/organisation'
import { registerFamily, samplePerson } from '../../support/people'
import { createServerDatabase, testEngine, type ServerDatabase } from '../../support/testServer'

const RECEPTION = { username: 'petr.recepce', displayName: 'Petr Recepční', password: 'Recepce-2025!' }

async function withServer<T>(target: ServerTarget, work: (source: DataSource) => Promise<T>): Promise<T> {
  const source = await connectServer(target)
  try {
    return await work(source)
  } finally {
    await source.destroy()
  }
}

/** Row count of every table but the migrations (the target's own), through a plain SQL count. */
async function serverCounts(target: ServerTarget): Promise<Record<string, number>> {
  return withServer(target, async (source) => {
    const tables: { name: string }[] = await source.query(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'migrations'
       ORDER BY table_name`,
    )
    const counts: Record<string, number> = {}
    for (const { name } of tables) {
      counts[name] = Number((await source.query(`SELECT COUNT(*) AS n FROM "${name}"`))[0].n)
    }
    return counts
  })
}

const PRIMARY_KEYS: Record<string, string> = {
  setting: '"key"',
  person_search_term: '"field", "term", "tiebreak", "person_id"',
}
const keyOf = (table: string) => PRIMARY_KEYS[table] ?? '"id"'

// Moving needs a PostgreSQL server to move to: it runs on the PostgreSQL project only.
describe.skipIf(testEngine !== 'postgres')('moving a centre from its file to a server', () => {
  let dataDir: string
  let file: string
  let adminId: number
  let removedId: number
  let note: MoveNote
  const databases: ServerDatabase[] = []

  /** An empty database owned by the owner role, dropped after the file. */
  async function emptyDatabase(): Promise<ServerDatabase> {
    const database = await createServerDatabase({ empty: true })
    databases.push(database)
    return database
  }

  beforeAll(async () => {
    dataDir = tempDir()
    file = dataFiles(dataDir).file
    const backend: TestBackend = await startDeskBackend(
      { database: { engine: 'sqlite', location: dataFiles(dataDir) } },
      dataDir,
    )
    const centre = await setUpCentre(backend)
    const { admin, centreId } = centre
    adminId = centre.adminId
    await saveOrganisation(admin, sampleOrganisation())
    // A unit moved under a newer one: its parent has the higher id, so ids alone are not an insert order.
    const older = await admin.call('units/create', { name: 'Keramika', parentId: centreId })
    const newer = await admin.call('units/create', { name: 'Výtvarné obory', parentId: centreId })
    await admin.call('units/move', { id: older.id, parentId: newer.id, expectedVersion: older.version })
    await addStaff(admin, RECEPTION, [{ roleId: centre.roles.reception, unitId: centreId, includeSubUnits: true }])
    await registerFamily({ ...backend, call: admin.call } as TestBackend, older.id)
    await admin.call('people/create', {
      person: samplePerson(newer.id, { firstName: 'Oto', member: true }),
      allowDuplicate: true,
    })
    const kept = await admin.call('people/create', {
      person: samplePerson(centreId, { firstName: 'Irena', lastName: 'Dvořáková', birthDate: '1979-02-02' }),
      allowDuplicate: true,
    })
    // The newest person is merged away: the highest id the file ever gave out belongs to no row now.
    const twin = await admin.call('people/create', {
      person: samplePerson(centreId, { firstName: 'Irena', lastName: 'Dvořáková', birthDate: '1979-02-02' }),
      allowDuplicate: true,
    })
    removedId = twin.person.id
    await admin.call('people/merge', { keepId: kept.person.id, removeId: removedId, takeFromRemoved: [] })
    await backend.close()
    note = { staffUserId: adminId, staffName: ADMINISTRATOR.displayName, at: '2026-11-29T10:00:00.000Z' }
  })

  afterAll(async () => {
    for (const database of databases) await database.drop()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('copies every table with its ids, counts and checksums equal, and writes an audit row', async () => {
    const before = sha256(file)
    const inFile = await rowCountsInFile(file)
    delete inFile.migrations
    const target = await emptyDatabase()

    // Two rows a batch: every table is read and written over several pages.
    const moved = await moveToServer(file, target.owner, note, { batchRows: 2 })

    expect(sha256(file)).toBe(before)
    expect(moved.copiedRows).toEqual(inFile)
    expect(Object.keys(moved.checksums).sort()).toEqual(Object.keys(inFile).sort())
    for (const checksum of Object.values(moved.checksums)) expect(checksum).toMatch(/^[0-9a-f]{64}$/)
    expect(inFile).toMatchObject({ person: 5, guardianship: 2, person_merge: 1, unit: 3, staff_user: 2, role: 4 })
    expect(await serverCounts(target.owner)).toEqual({ ...inFile, audit_log: inFile.audit_log + 1 })

    await withServer(target.owner, async (server) => {
      for (const table of Object.keys(inFile)) {
        const fromFile = await queryFile(file, `SELECT * FROM "${table}" ORDER BY ${keyOf(table)}`)
        const onServer: Record<string, unknown>[] = await server.query(
          `SELECT * FROM "${table}" ${table === 'audit_log' ? `WHERE "id" <= ${inFile.audit_log}` : ''}
           ORDER BY ${keyOf(table)}`,
        )
        // SQLite keeps booleans as 0 and 1.
        const booleansAsNumbers = onServer.map((row) =>
          Object.fromEntries(
            Object.entries(row).map(([column, value]) => [column, typeof value === 'boolean' ? Number(value) : value]),
          ),
        )
        expect(booleansAsNumbers, table).toEqual(fromFile)
      }
      const [moveRow] = await server.query(`SELECT * FROM "audit_log" ORDER BY "id" DESC LIMIT 1`)
      expect(moveRow).toMatchObject({
        staff_user_id: adminId,
        staff_name: ADMINISTRATOR.displayName,
        command: 'database/move-to-server',
        at: note.at,
      })
      expect(moveRow.summary).toBe(`Moved from file ${file}, ${Object.values(inFile).reduce((a, b) => a + b)} rows`)
      expect(moveRow.id).toBe(inFile.audit_log + 1)
    })

    // A desk on the server, as the desk role: the copied password hashes and grants work.
    const desk = await startDeskBackend({ database: { engine: 'postgres', server: target.desk } })
    try {
      const admin = await signInAt(desk, 'desk-1', ADMINISTRATOR)
      const found = await admin.call('people/search', { query: 'eliska' })
      expect(found.map((hit) => hit.firstName)).toEqual(['Eliška'])
      const reception = await signInAt(desk, 'desk-2', RECEPTION)
      expect((await reception.call('people/search', { query: 'oto' })).length).toBe(1)
      const [{ highest }] = await queryFile<{ highest: number }>(file, 'SELECT MAX(id) AS highest FROM person')
      expect(removedId).toBeGreaterThan(highest)
      const root = (await admin.call('units/list', {})).find((unit) => unit.parentId === null)
      const created = await admin.call('people/create', {
        person: samplePerson(root!.id, { firstName: 'Nová', lastName: 'Osoba', birthDate: '2001-01-01' }),
        allowDuplicate: true,
      })
      // Past the merged-away person too: an audit row naming that id must never point at someone else.
      expect(created.person.id).toBe(removedId + 1)
      await expect(desk.database.dataSource.query(`UPDATE "audit_log" SET "summary" = 'changed'`)).rejects.toThrow(
        /append-only/,
      )
      await expect(desk.database.dataSource.query(`DELETE FROM "audit_log"`)).rejects.toThrow(/append-only/)
    } finally {
      await desk.dispose()
    }
  })

  it('refuses a target that already holds rows, and leaves it as it was', async () => {
    const target = await emptyDatabase()
    await withServer(target.owner, async (server) => {
      await migrateServer(server)
      await server.query(`INSERT INTO "setting" ("key", "value", "updated_at") VALUES ('other', '"centre"', 'x')`)
    })
    const before = await serverCounts(target.owner)

    const refused = await moveToServer(file, target.owner, note).catch((error: unknown) => error)

    expect(refused).toBeInstanceOf(ServerRefused)
    expect(refused).toMatchObject({ problem: 'not_empty' })
    expect(await serverCounts(target.owner)).toEqual(before)
    expect(before).toMatchObject({ setting: 1, audit_log: 0, person: 0 })
  })

  it('refuses a database of another application and creates nothing in it', async () => {
    const target = await emptyDatabase()
    await withServer(target.owner, (server) => server.query(`CREATE TABLE "invoice" ("id" integer PRIMARY KEY)`))

    const refused = await moveToServer(file, target.owner, note).catch((error: unknown) => error)

    expect(refused).toMatchObject({ name: 'ServerRefused', problem: 'foreign_database' })
    expect(await serverCounts(target.owner)).toEqual({ invoice: 0 })
  })

  it('a row the server refuses mid-copy leaves the target empty; the move then succeeds', async () => {
    const target = await emptyDatabase()
    await withServer(target.owner, async (server) => {
      await migrateServer(server)
      // The last person in the file: tables and pages before it have already been written.
      await server.query(`ALTER TABLE "person" ADD CONSTRAINT "refuse_irena" CHECK ("first_name" <> 'Irena')`)
    })
    const before = sha256(file)

    const refused = await moveToServer(file, target.owner, note, { batchRows: 2 }).catch((error: unknown) => error)

    expect(refused).toBeInstanceOf(MoveRefused)
    expect(refused).toMatchObject({ problem: 'copy_failed', message: expect.stringMatching(/person.*refuse_irena/) })
    const counts = await serverCounts(target.owner)
    expect(Object.values(counts).every((rows) => rows === 0)).toBe(true)
    expect(counts).toHaveProperty('person')
    expect(sha256(file)).toBe(before)

    await withServer(target.owner, (server) => server.query(`ALTER TABLE "person" DROP CONSTRAINT "refuse_irena"`))
    const moved = await moveToServer(file, target.owner, note)
    expect(moved.copiedRows.person).toBe(5)
  })

  it('a row that arrives changed fails the checksum: everything is rolled back', async () => {
    const target = await emptyDatabase()
    await withServer(target.owner, async (server) => {
      await migrateServer(server)
      await server.query(`CREATE FUNCTION "tamper"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN NEW."notes" := NEW."notes" || ' '; RETURN NEW; END $$`)
      await server.query(`CREATE TRIGGER "tamper" BEFORE INSERT ON "person" FOR EACH ROW EXECUTE FUNCTION "tamper"()`)
    })
    const refused = await moveToServer(file, target.owner, note).catch((error: unknown) => error)
    expect(refused).toMatchObject({ name: 'MoveRefused', problem: 'copy_mismatch' })
    expect(Object.values(await serverCounts(target.owner)).every((rows) => rows === 0)).toBe(true)
  })

  it('refuses a file that is not a Frontdesk centre before touching the server', async () => {
    const target = await emptyDatabase()
    const foreignDir = tempDir()
    const foreign = dataFiles(foreignDir).file
    await createPlainSqliteFile(foreign, ['CREATE TABLE "invoice" ("id" integer PRIMARY KEY)'])
    const refused = await moveToServer(foreign, target.owner, note).catch((error: unknown) => error)
    expect(refused).toMatchObject({ name: 'MoveRefused', problem: 'file_not_current' })
    expect(await serverCounts(target.owner)).toEqual({})
    rmSync(foreignDir, { recursive: true, force: true })
  })

  describe('the database/move-to-server command', () => {
    /** A desk on a copy of the centre's file, its router answering the move with the new handler. */
    async function deskOnCopy() {
      const copyDir = tempDir()
      copyFileSync(file, dataFiles(copyDir).file)
      const backend = await startDeskBackend({ database: { engine: 'sqlite', location: dataFiles(copyDir) } }, copyDir)
      const router = new Router({
        handlers: {
          ...allHandlers(backend.staffSessions, new SignInThrottle()),
          'database/move-to-server': moveToServerHandler,
        },
        database: backend.database,
        sessions: backend.staffSessions,
        logger: backend.logger,
      })
      const admin = desk({ router }, 'admin')
      await backend.staffSessions.signIn(admin.caller, adminId)
      return { backend, router, admin }
    }

    it('copies the file to the server, then the desk works on the server and the file receives no more writes', async () => {
      const target = await emptyDatabase()
      const { backend } = await deskOnCopy()
      try {
        const router = backend.router
        const atDesk = desk({ router }, 'admin')
        await backend.staffSessions.signIn(atDesk.caller, adminId)
        const reception = desk({ router }, 'reception')
        const receptionId = (await atDesk.call('staff/list', {})).find((s) => s.username === RECEPTION.username)!.id
        await backend.staffSessions.signIn(reception.caller, receptionId)
        const input = { ...target.owner }
        expect(await reception.result('database/move-to-server', input)).toMatchObject({
          ok: false,
          error: { code: 'FORBIDDEN' },
        })
        expect(await serverCounts(target.owner)).toEqual({})
        const file = backend.database.location.file

        const moved = await atDesk.call('database/move-to-server', input)

        expect(moved.database).toMatchObject({ engine: 'postgres', file: null })
        expect(moved.copiedRows.person).toBe(5)
        expect(readDeskDatabase(backend.dataDir)).toMatchObject({
          engine: 'postgres',
          server: { database: target.name },
        })
        const onServer = await serverCounts(target.owner)
        expect(onServer.person).toBe(5)
        // The copy's own audit row, and the command's.
        expect(onServer.audit_log).toBe(moved.copiedRows.audit_log + 2)
        // Every desk signs in again on the server; what the desk writes now goes there, not into the file.
        const again = desk({ router }, 'admin-again')
        await backend.staffSessions.signIn(again.caller, adminId)
        expect((await again.call('people/search', { query: 'eliska' })).length).toBe(1)
        const root = (await again.call('units/list', {})).find((unit) => unit.parentId === null)
        await again.call('people/create', {
          person: samplePerson(root!.id, { firstName: 'Nová', lastName: 'Osoba', birthDate: '2001-01-01' }),
          allowDuplicate: true,
        })
        expect((await serverCounts(target.owner)).person).toBe(6)
        const [{ n }] = await queryFile<{ n: number }>(file, 'SELECT COUNT(*) AS n FROM person')
        expect(n).toBe(5)
        // Once there, the centre is not moved again.
        expect(await again.result('database/move-to-server', input)).toEqual({
          ok: false,
          error: expect.objectContaining({ code: 'CONFLICT', reason: 'already_on_server' }),
        })
      } finally {
        await backend.dispose()
      }
    })

    it('a wrong password is SERVER_REFUSED auth_failed', async () => {
      const target = await emptyDatabase()
      const { backend, admin } = await deskOnCopy()
      try {
        expect(await admin.result('database/move-to-server', { ...target.owner, password: 'wrong' })).toEqual({
          ok: false,
          error: expect.objectContaining({ code: 'SERVER_REFUSED', reason: 'auth_failed' }),
        })
      } finally {
        await backend.dispose()
      }
    })
  })
})
