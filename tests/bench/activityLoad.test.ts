import { afterEach, describe, expect, it } from 'vitest'
import { loadActivities, seatCounterMismatches } from '../../bench/activities/load'
import { activitySizes } from '../../bench/activities/plan'
import { createBenchContext } from '../../bench/context'
import { postgresRaw, sqliteRaw, type RawSql } from '../../bench/rawSql'
import { LIST_SQL, SLOTS_SQL } from '../../bench/scenarios/activitiesList'
import { approvable, approveRaw, putBack } from '../../bench/scenarios/enrolmentsDecide'
import { QUEUE_COUNT_SQL, QUEUE_SQL } from '../../bench/scenarios/enrolmentsQueue'
import { dataFiles } from '../../src/main/backend'
import { generateDataset } from '../../src/main/demo/dataset'
import { loadDemoCentre } from '../../src/main/demo/demoCentre'
import { loadDemoPeople } from '../../src/main/demo/demoPeople'
import { startTestBackend, type TestBackend } from '../support/backend'
import { countRows } from '../support/database'
import { testEngine } from '../support/testServer'

const PEOPLE = 10_000

describe('activities of the bench, loaded', () => {
  let backend: TestBackend | undefined
  let raw: RawSql | undefined
  afterEach(async () => {
    await raw?.close()
    await backend?.dispose()
    backend = raw = undefined
  })

  it('load once with seat counters matching the rows, and the raw twins read and approve on them', async () => {
    backend = await startTestBackend()
    await loadDemoCentre(backend.router, { transport: 'direct', key: 'demo' }, { force: false })
    const dataset = generateDataset({ people: PEOPLE, seed: 5, today: '2026-11-01' })
    await loadDemoPeople(backend.database, dataset)
    const loaded = await loadActivities(backend.database, dataset, activitySizes(PEOPLE), { seed: 5 })
    expect(loaded).toMatchObject({ activities: 200, enrolments: 6_000 })
    expect(loaded!.byState.applied).toBeGreaterThanOrEqual(540)
    expect(await loadActivities(backend.database, dataset, activitySizes(PEOPLE), { seed: 5 })).toBeNull()
    const db = backend.database.dataSource
    expect(await countRows(db, 'enrolment')).toBe(6_000)
    expect(await countRows(db, 'activity_session')).toBe(loaded!.sessions)
    expect(await countRows(db, 'enrolment_change')).toBeGreaterThan(11_000)

    raw =
      testEngine === 'postgres'
        ? await postgresRaw(backend.serverDatabase!.desk)
        : await sqliteRaw(dataFiles(backend.dataDir).file)
    const bench = createBenchContext(backend, raw, PEOPLE)
    const mismatches = () => seatCounterMismatches((sql, params) => raw!.all(sql, params))
    expect(await mismatches()).toBe(0)

    const [year] = await raw.all<{ id: number }>('SELECT "id" FROM "school_year"')
    const list = await raw.all<{ parentId: number | null; approved: number }>(LIST_SQL, [year.id])
    expect(list.filter((row) => row.parentId === null)).toHaveLength(200)
    expect(list.reduce((sum, row) => sum + Number(row.approved), 0)).toBe(loaded!.byState.approved)
    expect((await raw.all(SLOTS_SQL, [year.id])).length).toBeGreaterThanOrEqual(170)
    const page = await raw.all<{ appliedAt: string; state: string }>(QUEUE_SQL, ['applied'])
    expect(page).toHaveLength(50)
    expect(page.map((row) => row.appliedAt)).toEqual(page.map((row) => row.appliedAt).sort())
    const [{ total }] = await raw.all<{ total: number }>(QUEUE_COUNT_SQL, ['applied'])
    expect(Number(total)).toBe(loaded!.byState.applied)

    // The twin of the bulk approval approves its batch and keeps the counters; the reset undoes it.
    const { raw: batch } = await approvable(raw, 20)
    const approved = async () =>
      Number(
        (
          await raw!.all<{ n: number }>('SELECT CAST(COUNT(*) AS integer) AS "n" FROM "enrolment" WHERE "state" = ?', [
            'approved',
          ])
        )[0].n,
      )
    await approveRaw(bench, batch)
    expect(await approved()).toBe(loaded!.byState.approved + 20)
    expect(await mismatches()).toBe(0)
    await putBack(bench, batch)
    expect(await approved()).toBe(loaded!.byState.approved)
    expect(await mismatches()).toBe(0)

    // The check itself notices a counter that is off by one.
    await raw.run(
      'UPDATE "activity" SET "waitlisted_count" = "waitlisted_count" + 1 WHERE "id" = (SELECT MIN("id") FROM "activity")',
    )
    expect(await mismatches()).toBe(1)
  }, 180_000)
})
