import { afterEach, describe, expect, it } from 'vitest'
import { seatCounterMismatches } from '../../bench/activities/load'
import { createBenchContext } from '../../bench/context'
import { postgresRaw, sqliteRaw, type RawSql } from '../../bench/rawSql'
import { activityListScenario } from '../../bench/scenarios/activitiesList'
import { clubSessionsScenario } from '../../bench/scenarios/clubSessions'
import { enrolmentDecideScenario } from '../../bench/scenarios/enrolmentsDecide'
import { enrolmentQueueScenario } from '../../bench/scenarios/enrolmentsQueue'
import { planSchoolYearScenario } from '../../bench/scenarios/planSchoolYear'
import { dataFiles } from '../../src/main/backend'
import { startTestBackend, type TestBackend } from '../support/backend'
import { testEngine } from '../support/testServer'

describe('activity scenarios of the bench', () => {
  let backend: TestBackend | undefined
  let raw: RawSql | undefined
  afterEach(async () => {
    await raw?.close()
    await backend?.dispose()
    backend = raw = undefined
  })

  it('each runs twice through the app and its twin on a small centre, leaving the data set as loaded', async () => {
    backend = await startTestBackend()
    raw =
      testEngine === 'postgres'
        ? await postgresRaw(backend.serverDatabase!.desk)
        : await sqliteRaw(dataFiles(backend.dataDir).file)
    const bench = createBenchContext(backend, raw, 10_000)
    const count = async (table: string, where = '') =>
      Number((await raw!.all<{ n: number }>(`SELECT CAST(COUNT(*) AS integer) AS "n" FROM "${table}" ${where}`))[0].n)
    const notes: string[] = []
    let [activities, applied, sessions] = [0, 0, 0]
    for (const scenario of [
      activityListScenario,
      enrolmentQueueScenario,
      enrolmentDecideScenario,
      clubSessionsScenario,
      planSchoolYearScenario,
    ]) {
      const prepared = await scenario.prepare(bench)
      activities ||= await count('activity')
      sessions ||= await count('activity_session')
      applied ||= await count('enrolment', `WHERE "state" = 'applied'`)
      try {
        for (let run = 0; run < 2; run++) {
          await prepared.before('app')
          await prepared.measure()
          if (!prepared.raw) continue
          await prepared.before('raw')
          await prepared.raw()
        }
      } finally {
        await prepared.after()
      }
      notes.push(...prepared.notes(100))
    }
    expect(notes.join('\n')).toMatch(/activities loaded in .* 200 activities .* 6,000 enrolments/)
    expect(notes.join('\n')).toMatch(/300 clubs with [\d,]+ sessions a run/)
    expect(notes.join('\n')).toMatch(/plan-school-year: [\d,]+ clubs, [\d,]+ future sessions planned again/)
    // The approvals were put back and the new clubs deleted: the next figure sees the same centre.
    expect(await count('activity')).toBe(activities)
    // Planning the year again plans what was loaded: the same number of sessions.
    expect(await count('activity_session')).toBe(sessions)
    expect(await seatCounterMismatches((sql, params) => raw!.all(sql, params))).toBe(0)
    expect(await count('enrolment', `WHERE "state" = 'applied'`)).toBe(applied)
    expect(applied).toBeGreaterThanOrEqual(500)
  }, 300_000)
})
