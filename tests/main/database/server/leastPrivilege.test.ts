import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DataSource } from 'typeorm'
import { Database } from '../../../../src/main/database/database'
import { connectServer, ServerRefused, type ServerTarget } from '../../../../src/main/database/postgresServer'
import { migrations } from '../../../../src/main/database/schema'
import { recordingLogger } from '../../../support/backend'
import { createServerDatabase, testEngine, testServer, type ServerDatabase } from '../../../support/testServer'
import { adminQuery, sessionsLeftOn } from './serverSessions'

/** The refusal a promise ends in (fails the test when it resolves). */
async function refusedWith(work: Promise<unknown>): Promise<ServerRefused> {
  const error = await work.then(
    () => null,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(ServerRefused)
  return error as ServerRefused
}

// About PostgreSQL's roles and grants: SQLite has no roles, so this runs in the postgres project only.
describe.skipIf(testEngine !== 'postgres')('a desk role reads and writes rows, nothing more', () => {
  let server: ServerDatabase
  let desk: DataSource

  beforeAll(async () => {
    server = await createServerDatabase()
    desk = await connectServer(server.desk)
    await desk.query(
      `INSERT INTO "audit_log" ("at", "staff_name", "command", "summary") VALUES ('2026-01-01T00:00:00Z', 'Eva', 'x', 'y')`,
    )
  })

  afterAll(async () => {
    await desk?.destroy()
    await server?.drop()
  })

  it.each([
    ['create a table', 'CREATE TABLE "scratch" ("id" integer)', /permission denied for schema public/],
    ['alter a table', 'ALTER TABLE "person" ADD COLUMN "nickname" text', /must be owner of table person/],
    ['drop a table', 'DROP TABLE "person_merge"', /must be owner of table person_merge/],
    ['disable the audit triggers', 'ALTER TABLE "audit_log" DISABLE TRIGGER ALL', /must be owner of table audit_log/],
    ['truncate the audit trail', 'TRUNCATE "audit_log"', /permission denied for table audit_log/],
    ['change the audit trail', `UPDATE "audit_log" SET "summary" = 'changed'`, /audit_log is append-only/],
    ['remove from the audit trail', 'DELETE FROM "audit_log"', /audit_log is append-only/],
  ])('cannot %s', async (_what, sql, message) => {
    await expect(desk.query(sql)).rejects.toThrow(message)
    const [{ n }] = await adminQuery<{ n: number }>(
      server.name,
      `SELECT CAST(COUNT(*) AS integer) AS n FROM "audit_log" WHERE "summary" = 'y'`,
    )
    expect(n).toBe(1)
  })

  it('the schema and its triggers are as the migrations left them', async () => {
    const tables = await adminQuery<{ name: string }>(
      server.name,
      `SELECT table_name AS name FROM information_schema.tables WHERE table_name IN ('scratch', 'person_merge')`,
    )
    expect(tables.map((table) => table.name)).toEqual(['person_merge'])
    const triggers = await adminQuery<{ name: string; enabled: string }>(
      server.name,
      `SELECT tgname AS name, tgenabled AS enabled FROM pg_trigger
       WHERE tgrelid = 'audit_log'::regclass AND NOT tgisinternal ORDER BY tgname`,
    )
    expect(triggers).toEqual([
      { name: 'audit_log_no_delete', enabled: 'O' },
      { name: 'audit_log_no_update', enabled: 'O' },
    ])
  })
})

describe.skipIf(testEngine !== 'postgres')('a desk refuses roles it must not run as', () => {
  let server: ServerDatabase
  let superuser: ServerTarget

  beforeAll(async () => {
    server = await createServerDatabase()
    const { admin } = testServer()
    superuser = { ...server.desk, user: admin.user, password: admin.password }
  })

  afterAll(() => server?.drop())

  it('refuses to start as a superuser, which could disable the audit triggers', async () => {
    const refused = await refusedWith(Database.open({ engine: 'postgres', server: superuser }, recordingLogger()))
    expect(refused.problem).toBe('superuser')
    expect(await sessionsLeftOn(server.name)).toBe(0)
  })

  it('starts as a superuser when explicitly allowed', async () => {
    const database = await Database.open(
      { engine: 'postgres', server: { ...superuser, allowSuperuser: true } },
      recordingLogger(),
    )
    try {
      expect(await database.ping()).toBe(true)
    } finally {
      await database.close()
    }
  })

  it('a desk role meeting migrations it cannot run says the owner must update the database', async () => {
    const behind = await createServerDatabase()
    try {
      // A database one version behind: the last migration not run yet (undone by the owner).
      const owner = await connectServer(behind.owner)
      await owner.undoLastMigration({ transaction: 'each' })
      await owner.destroy()
      const before = await adminQuery<{ name: string }>(behind.name, 'SELECT name FROM migrations ORDER BY id')
      expect(before).toHaveLength(migrations.length - 1)

      const refused = await refusedWith(Database.open({ engine: 'postgres', server: behind.desk }, recordingLogger()))
      expect(refused.problem).toBe('needs_owner')
      expect(refused.message).toMatch(/npm run migrate-server/)
      expect(await adminQuery(behind.name, 'SELECT name FROM migrations ORDER BY id')).toEqual(before)
      expect(await sessionsLeftOn(behind.name)).toBe(0)

      // The owner runs it; then the desk starts.
      const updated = await Database.open({ engine: 'postgres', server: behind.owner }, recordingLogger())
      await updated.close()
      const database = await Database.open({ engine: 'postgres', server: behind.desk }, recordingLogger())
      await database.close()
    } finally {
      await behind.drop()
    }
  })

  it('a desk role meeting an empty database says the owner must set it up', async () => {
    const empty = await createServerDatabase({ empty: true })
    try {
      const refused = await refusedWith(Database.open({ engine: 'postgres', server: empty.desk }, recordingLogger()))
      expect(refused.problem).toBe('needs_owner')
      expect(
        await adminQuery(empty.name, `SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace`),
      ).toEqual([])
      expect(await sessionsLeftOn(empty.name)).toBe(0)
    } finally {
      await empty.drop()
    }
  })
})
