import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { performance } from 'node:perf_hooks'
import { PersonSchema, type PersonRow } from '../../../src/main/people/personEntities'
import { engineOf } from '../../../src/main/database/engines'
import { startTestBackend, type TestBackend } from '../../support/backend'
import { activityRows, type ActivityFixture } from '../../support/activityRows'
import { rootUnitId } from '../../support/people'
import { child, expectCountersExact } from './kit'

/** The fastest of a few runs: the machine is shared, the best run is what the code costs. */
async function fastest(runs: number, work: () => Promise<unknown>): Promise<number> {
  let best = Infinity
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await work()
    best = Math.min(best, performance.now() - started)
  }
  return best
}

describe('enrolments at the size of a September', () => {
  let backend: TestBackend
  let centreId: number
  let fixture: ActivityFixture
  let people: number[]

  beforeAll(async () => {
    backend = await startTestBackend()
    centreId = await rootUnitId(backend)
    fixture = activityRows(backend)
    // 100 children: copies of one registered child, so the register's derived columns are real.
    const model = await backend.database.manager.findOneByOrFail(PersonSchema, {
      id: await child(backend, centreId, 'Vzor'),
    })
    const { id: _id, ...fields } = model as PersonRow
    await backend.database.manager.insert(
      PersonSchema,
      Array.from({ length: 99 }, (_, i) => ({ ...fields, firstName: `Dítě${i}`, firstFold: `dite${i}` })),
    )
    people = (await backend.database.manager.find(PersonSchema, { select: { id: true }, order: { id: 'ASC' } })).map(
      (row) => row.id,
    )
  }, 60_000)
  afterAll(() => backend?.dispose())

  it('approves 100 applications in one call under a second', async () => {
    const activity = await fixture.activity(centreId, { capacity: 150 })
    await fixture.priceOption(activity.id)
    const applied = await backend.call('enrolments/apply', {
      activityId: activity.id,
      personIds: people.slice(0, 100),
      priceOptionId: null,
      source: 'staff',
      note: '',
    })
    const ids = applied.map((outcome) => outcome.enrolmentId!)
    const started = performance.now()
    const decided = await backend.call('enrolments/decide', { ids, decision: 'approve', reason: '' })
    const elapsed = performance.now() - started
    expect(decided.every((outcome) => outcome.state === 'approved')).toBe(true)
    expect(elapsed).toBeLessThan(1000)
    await expectCountersExact(backend, activity.id)
  })

  it('pages the approval queue of 5 000 pending applications under 100 ms', async () => {
    const activities: number[] = []
    for (let i = 0; i < 50; i++) activities.push((await fixture.activity(centreId, { appliedCount: 100 })).id)
    const rows: unknown[][] = []
    let second = 0
    for (const activityId of activities) {
      for (const personId of people) {
        const at = new Date(Date.UTC(2026, 8, 1, 8, 0, (second += 1))).toISOString()
        rows.push([
          activityId,
          personId,
          'applied',
          null,
          'application',
          at,
          null,
          null,
          null,
          null,
          null,
          0,
          '[]',
          null,
          '',
          at,
          1,
        ])
      }
    }
    await backend.database.manager.transaction((em) =>
      engineOf(em).insertMany(
        em,
        'enrolment',
        [
          'activity_id',
          'person_id',
          'state',
          'price_option_id',
          'source',
          'applied_at',
          'applied_by',
          'decided_at',
          'decided_by',
          'reason',
          'offer_expires_at',
          'priority',
          'priority_reasons',
          'queue_position',
          'note',
          'updated_at',
          'version',
        ],
        rows,
      ),
    )
    const filter = {
      unitId: null,
      kind: null,
      activityId: null,
      ageMin: null,
      ageMax: null,
      appliedFrom: null,
      appliedTo: null,
      offset: 2_500,
      limit: 50,
    }
    const page = await backend.call('enrolments/queue', filter)
    expect(page.total).toBeGreaterThanOrEqual(5_000)
    expect(page.rows).toHaveLength(50)
    expect(await fastest(10, () => backend.call('enrolments/queue', filter))).toBeLessThan(100)
  }, 60_000)
})
