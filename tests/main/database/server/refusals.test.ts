import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort } from '../../../../scripts/postgres/throwawayCluster'
import { Database } from '../../../../src/main/database/database'
import {
  checkServerVersion,
  connectServer,
  ServerRefused,
  type ServerTarget,
} from '../../../../src/main/database/postgresServer'
import type { ServerProblem } from '../../../../src/shared/contract/databaseServer'
import { recordingLogger } from '../../../support/backend'
import { createServerDatabase, testEngine, type ServerDatabase } from '../../../support/testServer'
import { adminQuery, sessionsLeftOn } from './serverSessions'

/** Opens a desk on the target and answers the problem it was refused with. */
async function problemOpening(server: ServerTarget): Promise<ServerProblem> {
  const error = await Database.open({ engine: 'postgres', server }, recordingLogger()).then(
    async (database) => {
      await database.close()
      return null
    },
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(ServerRefused)
  return (error as ServerRefused).problem
}

/** Every table and migration row of a database, to show that a refusal wrote nothing. */
async function contentsOf(database: string): Promise<{ tables: string[]; migrations: string[] }> {
  const tables = await adminQuery<{ name: string }>(
    database,
    `SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY relname`,
  )
  const names = tables.map((table) => table.name)
  const migrations = names.includes('migrations')
    ? await adminQuery<{ name: string }>(database, 'SELECT name FROM migrations ORDER BY id')
    : []
  return { tables: names, migrations: migrations.map((row) => row.name) }
}

// The refusals of a PostgreSQL server (SQLite has no server to refuse): postgres project only.
describe.skipIf(testEngine !== 'postgres')('a server that cannot be this desk’s is refused, with its reason', () => {
  let server: ServerDatabase

  beforeAll(async () => {
    server = await createServerDatabase()
  })

  afterAll(() => server?.drop())

  it('a wrong password', async () => {
    expect(await problemOpening({ ...server.desk, password: 'not-the-password' })).toBe('auth_failed')
    expect(await sessionsLeftOn(server.name)).toBe(0)
  })

  it('an unknown user', async () => {
    expect(await problemOpening({ ...server.desk, user: 'nobody_here' })).toBe('auth_failed')
  })

  it('a port nothing listens on', async () => {
    expect(await problemOpening({ ...server.desk, port: await freePort() })).toBe('unreachable')
  })

  it('a host name that does not resolve', async () => {
    expect(await problemOpening({ ...server.desk, host: 'frontdesk-no-such-host.invalid' })).toBe('unreachable')
  })

  it('a database that does not exist', async () => {
    expect(await problemOpening({ ...server.desk, database: `${server.name}_missing` })).toBe('database_missing')
  })

  it('TLS asked of a server that does not offer it', async () => {
    expect(await problemOpening({ ...server.desk, tls: 'require' })).toBe('tls_failed')
    expect(await sessionsLeftOn(server.name)).toBe(0)
  })

  it('a database of another application: its tables stay as they were, nothing of ours is added', async () => {
    const foreign = await createServerDatabase({ empty: true })
    try {
      const owner = await connectServer(foreign.owner)
      await owner.query('CREATE TABLE "invoice" ("id" integer PRIMARY KEY, "total" integer NOT NULL)')
      await owner.query('INSERT INTO "invoice" VALUES (1, 100)')
      await owner.destroy()
      // As the owner, who could create tables: the refusal is the desk's own check, not a missing grant.
      expect(await problemOpening(foreign.owner)).toBe('foreign_database')
      expect(await contentsOf(foreign.name)).toEqual({ tables: ['invoice'], migrations: [] })
      expect(await adminQuery(foreign.name, 'SELECT * FROM "invoice"')).toEqual([{ id: 1, total: 100 }])
      expect(await sessionsLeftOn(foreign.name)).toBe(0)
    } finally {
      await foreign.drop()
    }
  })

  it('another application’s migration history', async () => {
    const foreign = await createServerDatabase({ empty: true })
    try {
      const owner = await connectServer(foreign.owner)
      await owner.query(
        'CREATE TABLE "migrations" ("id" SERIAL PRIMARY KEY, "timestamp" bigint NOT NULL, "name" varchar NOT NULL)',
      )
      await owner.query(`INSERT INTO "migrations" ("timestamp", "name") VALUES (1600000000000, 'Shop1600000000000')`)
      await owner.destroy()
      expect(await problemOpening(foreign.owner)).toBe('foreign_database')
      expect(await contentsOf(foreign.name)).toEqual({ tables: ['migrations'], migrations: ['Shop1600000000000'] })
      expect(await sessionsLeftOn(foreign.name)).toBe(0)
    } finally {
      await foreign.drop()
    }
  })

  it('a database already updated by a newer version of Frontdesk', async () => {
    const newer = await createServerDatabase()
    try {
      await adminQuery(
        newer.name,
        `INSERT INTO "migrations" ("timestamp", "name") VALUES (1999999999999, 'FromTheFuture1999999999999')`,
      )
      const before = await contentsOf(newer.name)
      for (const target of [newer.desk, newer.owner]) {
        expect(await problemOpening(target)).toBe('newer_schema')
      }
      expect(await contentsOf(newer.name)).toEqual(before)
      expect(await sessionsLeftOn(newer.name)).toBe(0)
    } finally {
      await newer.drop()
    }
  })
})

describe('the server version', () => {
  it.each([90624, 100023, 130011, 139999])('PostgreSQL %i is too old', (version) => {
    expect(() => checkServerVersion(version)).toThrow(
      expect.objectContaining({ name: 'ServerRefused', problem: 'server_too_old' }),
    )
  })

  it('PostgreSQL 13 is named in the refusal', () => {
    expect(() => checkServerVersion(130011)).toThrow('PostgreSQL 13 is older than 14')
  })

  it.each([140000, 140011, 150006, 170002, 180000])('PostgreSQL %i is new enough', (version) => {
    expect(() => checkServerVersion(version)).not.toThrow()
  })

  it('an unreadable version is refused rather than trusted', () => {
    expect(() => checkServerVersion(Number('unknown'))).toThrow(expect.objectContaining({ problem: 'server_too_old' }))
  })
})
