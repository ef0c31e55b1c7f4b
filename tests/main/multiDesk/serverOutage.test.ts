import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asAdmin, startThrowawayCluster, type ThrowawayCluster } from '../../../scripts/postgres/throwawayCluster'
import { createCentreDatabase, grantDeskRole } from '../../../scripts/postgres/centreRoles'
import { connectServer, migrateServer, type ServerTarget } from '../../../src/main/database/postgresServer'
import type { TestBackend } from '../../support/backend'
import { setUpCentre, startDeskBackend, type Centre } from '../../support/desks'
import { countRows } from '../../support/database'
import { samplePerson } from '../../support/personSamples'
import { TEST_ROLES, testEngine } from '../../support/testServer'

const CENTRE = 'outage_centre'

/** A cluster of this file's own, so stopping it never disturbs the suite's shared server. */
async function clusterWithCentre(): Promise<{ cluster: ThrowawayCluster; desk: ServerTarget }> {
  const cluster = await startThrowawayCluster()
  await asAdmin(cluster, 'postgres', (admin) => createCentreDatabase(admin, CENTRE, TEST_ROLES))
  await asAdmin(cluster, CENTRE, (centre) => grantDeskRole(centre, TEST_ROLES))
  const base = { host: cluster.host, port: cluster.port, database: CENTRE, tls: 'disable' as const }
  const owner = await connectServer({ ...base, ...TEST_ROLES.owner })
  await migrateServer(owner)
  await owner.destroy()
  return { cluster, desk: { ...base, ...TEST_ROLES.desk } }
}

// About the server going away under a desk: a SQLite file has no server to lose.
describe.skipIf(testEngine !== 'postgres')('the database server stops mid-session and starts again', () => {
  let cluster: ThrowawayCluster
  let backend: TestBackend
  let centre: Centre

  beforeAll(async () => {
    const started = await clusterWithCentre()
    cluster = started.cluster
    backend = await startDeskBackend({ database: { engine: 'postgres', server: started.desk } })
    centre = await setUpCentre(backend)
  })

  afterAll(async () => {
    await backend?.dispose()
    await cluster?.stop()
  })

  const counts = async () => ({
    people: await countRows(backend.database.dataSource, 'person'),
    audit: await countRows(backend.database.dataSource, 'audit_log'),
  })

  it('a desk says the server does not answer, saves nothing, and works again once it is back', async () => {
    const { admin, centreId } = centre
    const before = await counts()
    await cluster.halt()

    const search = await admin.result('people/search', { query: 'Nov' })
    expect(search).toMatchObject({ ok: false, error: { code: 'DATABASE_UNAVAILABLE' } })
    const create = await admin.result('people/create', { person: samplePerson(centreId), allowDuplicate: true })
    expect(create).toMatchObject({ ok: false, error: { code: 'DATABASE_UNAVAILABLE' } })
    // The status line needs no server to say that the server is gone.
    const status = await admin.call('system/get-status', {})
    expect(status.database).toMatchObject({ engine: 'postgres', connectionLost: true })
    expect(backend.logger.lines.filter((line) => line.startsWith('error'))).toEqual([])

    await cluster.restart()
    // The very next command works, on the same backend: the pool connects afresh.
    const saved = await admin.call('people/create', { person: samplePerson(centreId), allowDuplicate: true })
    expect(saved.person.lastName).toBe('Nováková')
    expect((await admin.call('system/get-status', {})).database.connectionLost).toBe(false)
    // Only the write made after the restart is there, with its one audit row.
    expect(await counts()).toEqual({ people: before.people + 1, audit: before.audit + 1 })
  })

  it('a read after the server is back clears the banner too', async () => {
    await cluster.halt()
    expect(await centre.admin.result('people/get', { id: 1 })).toMatchObject({
      ok: false,
      error: { code: 'DATABASE_UNAVAILABLE' },
    })
    expect(backend.database.lost).toBe(true)
    await cluster.restart()
    const read = await centre.admin.result('people/search', { query: 'Nov' })
    expect(read.ok).toBe(true)
    expect(backend.database.lost).toBe(false)
  })

  it('the desk notices by itself that the server is back', async () => {
    await cluster.halt()
    await centre.admin.result('people/search', { query: 'Nov' })
    expect(backend.database.lost).toBe(true)
    await cluster.restart()
    // No command in between: the desk's own probe finds the server (it runs every few seconds).
    const deadline = Date.now() + 15_000
    while (backend.database.lost && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200))
    expect(backend.database.lost).toBe(false)
  })

  it('writes in flight when the server dies are each applied once or not at all', async () => {
    const { admin, centreId } = centre
    const before = await counts()
    const names = Array.from({ length: 24 }, (_, i) => `Výpadek${String(i).padStart(2, '0')}`)
    const writes = names.map((lastName, i) =>
      // Staggered, so some commit before the stop, some are cut off in the middle, some find it stopped.
      new Promise((resolve) => setTimeout(resolve, i * 15)).then(() =>
        admin.result('people/create', { person: samplePerson(centreId, { lastName }), allowDuplicate: true }),
      ),
    )
    // The server goes down once the first write is through, while the others are on their way.
    expect((await writes[0]).ok).toBe(true)
    await cluster.halt()
    const results = await Promise.all(writes)
    await cluster.restart()

    for (const result of results) {
      if (!result.ok)
        expect(
          result.error.code,
          backend.logger.lines
            .filter((l) => l.startsWith('error'))
            .join('\n')
            .slice(0, 3000),
        ).toBe('DATABASE_UNAVAILABLE')
    }
    const stored: { lastName: string; n: number }[] = await backend.database.dataSource.query(
      `SELECT last_name AS "lastName", CAST(COUNT(*) AS integer) AS n FROM person
       WHERE last_name LIKE 'Výpadek%' GROUP BY last_name`,
    )
    const storedCount = new Map(stored.map((row) => [row.lastName, row.n]))
    names.forEach((lastName, i) => {
      // Never twice; a reported success is there. (A failure is not there, unless the server died
      // between committing and answering: then the desk cannot know, and says it did not answer.)
      expect(storedCount.get(lastName) ?? 0).toBeLessThanOrEqual(1)
      if (results[i].ok) expect(storedCount.get(lastName)).toBe(1)
    })
    // Nothing half-applied: every stored person came with its audit row.
    const after = await counts()
    expect(after.audit - before.audit).toBe(after.people - before.people)
    expect(after.people - before.people).toBe(stored.length)
  })
})
