import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { InputOf } from '../../../src/shared/contract'
import type { ServerProblem } from '../../../src/shared/contract/databaseServer'
import { dataFiles } from '../../../src/main/backend'
import { freePort, asAdmin } from '../../../scripts/postgres/throwawayCluster'
import { startTestBackend, tempDir, type TestBackend } from '../../support/backend'
import { rowCountsInFile } from '../../support/database'
import { ADMINISTRATOR, CENTRE_NAME, desk, setUpCentre, startDeskBackend } from '../../support/desks'
import { createServerDatabase, testEngine, testServer, TEST_ROLES, type ServerDatabase } from '../../support/testServer'

type ServerInput = InputOf<'database/join-server'>

// These tests are about a desk moving between its file and a PostgreSQL server, so they need the
// throw-away server of the postgres project; the desk itself starts on its file on either project.
describe.skipIf(testEngine !== 'postgres')('Settings → Database: joining a server and going back to the file', () => {
  const cleanup: (() => Promise<void>)[] = []
  afterEach(async () => {
    for (const task of cleanup.splice(0).reverse()) await task()
  })

  /** A desk on its own fresh file (its data folder holds the file and the local configuration). */
  async function fileDesk(): Promise<TestBackend> {
    const dataDir = tempDir()
    const backend = await startTestBackend({ database: { engine: 'sqlite', location: dataFiles(dataDir) } }, dataDir)
    cleanup.push(() => backend.dispose())
    return backend
  }

  async function serverDatabase(options: { empty?: boolean; copyOf?: string } = {}): Promise<ServerDatabase> {
    const database = await createServerDatabase(options)
    cleanup.push(() => database.drop())
    return database
  }

  function input(target: ServerDatabase['desk']): ServerInput {
    const { host, port, database, user, password, tls } = target
    return { host, port, database, user, password, tls }
  }

  const configFile = (backend: TestBackend) => join(backend.dataDir, 'database.json')

  async function serverUnits(database: string): Promise<string[]> {
    return asAdmin(testServer(), database, async (client) =>
      (await client.query('SELECT name FROM unit ORDER BY id')).rows.map((row) => row.name as string),
    )
  }

  async function expectRefused(
    backend: TestBackend,
    server: ServerInput,
    problem: ServerProblem,
    commands: ('database/test-server' | 'database/join-server')[] = ['database/test-server', 'database/join-server'],
  ) {
    for (const command of commands) {
      const result = await backend.result(command, server)
      expect(result.ok ? result : { code: result.error.code, reason: result.error.reason }).toEqual({
        code: 'SERVER_REFUSED',
        reason: problem,
      })
    }
    // Nothing written, and the desk goes on working on its file.
    expect(existsSync(configFile(backend))).toBe(false)
    expect(backend.database.engine.kind).toBe('sqlite')
    const { centreId } = await setUpCentre(backend)
    await backend.call('units/create', { name: 'Pobočka Sever', parentId: centreId })
    expect((await rowCountsInFile(dataFiles(backend.dataDir).file)).unit).toBe(2)
  }

  it('refuses a wrong password at the password', async () => {
    const backend = await fileDesk()
    const database = await serverDatabase()
    await expectRefused(backend, { ...input(database.desk), password: 'not-the-password' }, 'auth_failed')
  })

  it('refuses a host where no server listens', async () => {
    const backend = await fileDesk()
    const database = await serverDatabase()
    await expectRefused(backend, { ...input(database.desk), port: await freePort() }, 'unreachable')
  })

  it('refuses a database of another application and leaves its tables alone', async () => {
    const backend = await fileDesk()
    const database = await serverDatabase({ empty: true })
    await asAdmin(testServer(), database.name, async (client) => {
      await client.query('CREATE TABLE invoices (id integer PRIMARY KEY, total numeric)')
      await client.query('INSERT INTO invoices VALUES (1, 100)')
      await client.query(`ALTER TABLE invoices OWNER TO "${TEST_ROLES.owner.user}"`)
    })
    await expectRefused(backend, input(database.owner), 'foreign_database')
    const rows = await asAdmin(testServer(), database.name, (client) => client.query('SELECT * FROM invoices'))
    expect(rows.rowCount).toBe(1)
  })

  it('refuses to run as a superuser', async () => {
    const backend = await fileDesk()
    const database = await serverDatabase()
    const { user, password } = testServer().admin
    await expectRefused(backend, { ...input(database.desk), user, password }, 'superuser')
  })

  it('refuses a database that does not exist', async () => {
    const backend = await fileDesk()
    await expectRefused(
      backend,
      { ...input((await serverDatabase()).desk), database: 'no_such_centre' },
      'database_missing',
    )
  })

  it('tells the desk role it cannot set up an empty database (its owner does that)', async () => {
    const backend = await fileDesk()
    const database = await serverDatabase({ empty: true })
    expect(await backend.call('database/test-server', input(database.desk))).toMatchObject({ contents: 'empty' })
    await expectRefused(backend, input(database.desk), 'needs_owner', ['database/join-server'])
  })

  it('sets up an empty server when joining it, and the desk then works there, not in its file', async () => {
    const backend = await fileDesk()
    const database = await serverDatabase({ empty: true })
    const check = await backend.call('database/test-server', input(database.owner))
    expect(check).toMatchObject({ contents: 'empty', serverVersion: expect.stringMatching(/^\d+/) })

    const status = await backend.call('database/join-server', input(database.owner))
    expect(status.database).toMatchObject({
      engine: 'postgres',
      file: null,
      server: `${database.owner.host}:${database.owner.port}/${database.name}`,
    })
    // The configuration names the server and never holds the password in clear (no keyring here: the environment has it).
    const config = readFileSync(configFile(backend), 'utf8')
    expect(JSON.parse(config)).toMatchObject({ engine: 'postgres', server: { database: database.name } })
    expect(config).not.toContain(database.owner.password)

    const { centreId } = await setUpCentre(backend)
    await backend.call('units/create', { name: 'Pobočka Sever', parentId: centreId })
    expect(await serverUnits(database.name)).toEqual([CENTRE_NAME, 'Pobočka Sever'])
    expect((await rowCountsInFile(dataFiles(backend.dataDir).file)).unit).toBe(0)

    // On a server its own backups apply: the desk says so instead of writing files.
    for (const result of [
      await backend.result('system/list-backups', {}),
      await backend.result('system/create-backup', {}),
      await backend.result('system/restore-backup', { name: 'frontdesk-20250101T000000000Z-manual.sqlite' }),
    ]) {
      expect(result.ok ? result : { code: result.error.code, reason: result.error.reason }).toEqual({
        code: 'CONFLICT',
        reason: 'server_backups',
      })
    }
    const settings = await backend.call('database/get-settings', {})
    expect(settings).toMatchObject({ engine: 'postgres', file: null, server: { database: database.name } })
    expect(settings.backupCommand).toMatch(
      new RegExp(
        `^pg_dump --host ${database.owner.host} --port ${database.owner.port} --username ${TEST_ROLES.owner.user} ` +
          `--format=custom --file frontdesk-${database.name}-\\d{8}\\.dump ${database.name}$`,
      ),
    )
    expect(JSON.stringify(settings)).not.toContain(database.owner.password)
  })

  it('joins the server of a centre already there: its staff sign in, this desk signs in again', async () => {
    // The centre, set up by another desk on the server.
    const centreDatabase = await serverDatabase()
    const first = await startTestBackend({ database: { engine: 'postgres', server: centreDatabase.desk } })
    await setUpCentre(first)
    await first.dispose()

    // This desk was set up on its own file and its administrator is signed in.
    const dataDir = tempDir()
    const backend = await startDeskBackend({ database: { engine: 'sqlite', location: dataFiles(dataDir) } }, dataDir)
    cleanup.push(() => backend.dispose())
    const { admin } = await setUpCentre(backend)
    expect(await admin.call('database/test-server', input(centreDatabase.desk))).toMatchObject({
      contents: 'frontdesk',
    })
    await admin.call('database/join-server', input(centreDatabase.desk))

    expect((await admin.result('units/list', {})).ok).toBe(false)
    await admin.call('auth/sign-in', { username: ADMINISTRATOR.username, password: ADMINISTRATOR.password })
    expect(await admin.call('units/list', {})).toHaveLength(1)
    expect(backend.database.server?.database).toBe(centreDatabase.name)

    // Its administrator there may take the desk back to its file; everyone signs in again there.
    await admin.call('database/use-file', {})
    expect(backend.database.engine.kind).toBe('sqlite')
    expect((await admin.result('units/list', {})).ok).toBe(false)
  })

  it('asks an administrator once a centre exists', async () => {
    const dataDir = tempDir()
    const backend = await startDeskBackend({ database: { engine: 'sqlite', location: dataFiles(dataDir) } }, dataDir)
    cleanup.push(() => backend.dispose())
    // Before the first start there is nobody to ask: anyone at the desk may choose the database.
    expect((await desk(backend, 'someone').result('database/get-settings', {})).ok).toBe(true)
    await setUpCentre(backend)
    const database = await serverDatabase()
    const stranger = desk(backend, 'stranger')
    for (const result of [
      await stranger.result('database/get-settings', {}),
      await stranger.result('database/test-server', input(database.desk)),
      await stranger.result('database/join-server', input(database.desk)),
    ]) {
      expect(result.ok ? result : result.error.code).toBe('FORBIDDEN')
    }
    expect(backend.database.engine.kind).toBe('sqlite')
  })

  it('goes back to its own file, which kept its data', async () => {
    const backend = await fileDesk()
    const { centreId } = await setUpCentre(backend)
    await backend.call('units/create', { name: 'Pobočka Sever', parentId: centreId })
    const database = await serverDatabase()
    await backend.call('database/join-server', input(database.desk))
    expect(await backend.call('units/list', {})).toEqual([])

    const status = await backend.call('database/use-file', {})
    expect(status.database).toMatchObject({ engine: 'sqlite', server: null, file: dataFiles(backend.dataDir).file })
    expect(JSON.parse(readFileSync(configFile(backend), 'utf8'))).toEqual({ engine: 'sqlite' })
    expect((await backend.call('units/list', {})).map((unit) => unit.name)).toEqual([CENTRE_NAME, 'Pobočka Sever'])
    expect((await backend.call('database/get-settings', {})).backupCommand).toBeNull()
  })
})

// A lost connection is a server's: a file is always there. So this one runs on the postgres project only.
describe.skipIf(testEngine !== 'postgres')('the outage banner asks the status until the server answers', () => {
  it('a status request after a lost connection asks the server again and reports it back', async () => {
    const backend = await startTestBackend()
    try {
      backend.database.markConnection(false)
      expect(backend.database.lost).toBe(true)
      expect((await backend.call('system/get-status', {})).database.connectionLost).toBe(false)
      expect(backend.database.lost).toBe(false)
    } finally {
      await backend.dispose()
    }
  })
})
