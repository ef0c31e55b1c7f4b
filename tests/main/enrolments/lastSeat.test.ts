import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BatchOutcome } from '../../../src/shared/contract/enrolments'
import { startTestBackend, type TestBackend } from '../../support/backend'
import { activityRows } from '../../support/activityRows'
import { desk, type Desk } from '../../support/desks'
import { rootUnitId, samplePerson } from '../../support/people'
import { testEngine } from '../../support/testServer'
import { query, startTwoDesks, type TwoDesks } from '../multiDesk/twoDesks'

const ROUNDS = 8

/** Two desks approve the last seat of the same activity at the same moment, round after round. */
async function race(
  deskA: Desk,
  deskB: Desk,
  newActivity: () => Promise<number>,
  person: (name: string) => Promise<number>,
): Promise<{ activityId: number; outcomes: BatchOutcome[] }[]> {
  const rounds = []
  for (let round = 0; round < ROUNDS; round++) {
    const activityId = await newActivity()
    const applied = await deskA.call('enrolments/apply', {
      activityId,
      personIds: [await person(`Rychlý${round}`), await person(`Pomalý${round}`)],
      priceOptionId: null,
      source: 'staff',
      note: '',
    })
    const [first, second] = applied.map((outcome) => outcome.enrolmentId!)
    const decided = await Promise.all([
      deskA.call('enrolments/decide', { ids: [first], decision: 'approve', reason: '' }),
      deskB.call('enrolments/decide', { ids: [second], decision: 'approve', reason: '' }),
    ])
    rounds.push({ activityId, outcomes: decided.flat() })
  }
  return rounds
}

function expectOneApproved(rounds: { outcomes: BatchOutcome[] }[]) {
  for (const { outcomes } of rounds) {
    expect(outcomes.map((outcome) => outcome.state ?? outcome.problem?.code).sort()).toEqual(['applied', 'approved'])
    expect(outcomes.find((outcome) => outcome.problem)?.problem).toEqual({ code: 'full' })
  }
}

// Two processes on one database: PostgreSQL's own set-up of several desks (one SQLite file has one backend).
describe.skipIf(testEngine !== 'postgres')('two desk processes approve the last seat at once', () => {
  let desks: TwoDesks

  beforeAll(async () => {
    desks = await startTwoDesks()
  })
  afterAll(() => desks?.dispose())

  it('exactly one is approved, the other told the activity is full; the counters stay exact', async () => {
    const { deskA, deskB, centre, backendA } = desks
    const fixture = activityRows(backendA)
    const rounds = await race(
      deskA,
      deskB,
      async () => (await fixture.activity(centre.centreId, { capacity: 1 })).id,
      async (firstName) =>
        (
          await deskA.call('people/create', {
            person: samplePerson(centre.centreId, { firstName, lastName: 'Souběžný', contacts: undefined }),
            allowDuplicate: true,
          })
        ).person.id,
    )
    expectOneApproved(rounds)
    for (const { activityId } of rounds) {
      const [row] = await query<{ approved: number; applied: number; real: number }>(
        desks,
        `SELECT approved_count AS "approved", applied_count AS "applied",
           (SELECT CAST(COUNT(*) AS integer) FROM enrolment WHERE activity_id = a.id AND state = 'approved') AS "real"
         FROM activity a WHERE id = ?`,
        [activityId],
      )
      expect(row).toEqual({ approved: 1, applied: 1, real: 1 })
    }
  })
})

describe('two desks of one backend approve the last seat at once', () => {
  let backend: TestBackend

  beforeAll(async () => {
    backend = await startTestBackend()
  })
  afterAll(() => backend?.dispose())

  it('exactly one is approved (the write queue on SQLite, row locks on PostgreSQL)', async () => {
    const centreId = await rootUnitId(backend)
    const fixture = activityRows(backend)
    const rounds = await race(
      desk(backend, 'desk-a'),
      desk(backend, 'desk-b'),
      async () => (await fixture.activity(centreId, { capacity: 1 })).id,
      async (firstName) =>
        (
          await backend.call('people/create', {
            person: samplePerson(centreId, { firstName, lastName: 'Souběžný', contacts: undefined }),
            allowDuplicate: true,
          })
        ).person.id,
    )
    expectOneApproved(rounds)
  })
})
