import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Desk } from '../../support/desks'
import { samplePerson } from '../../support/personSamples'
import { testEngine } from '../../support/testServer'
import { query, startTwoDesks, type TwoDesks } from './twoDesks'

const LINK = { relation: 'other', primaryContact: false, mayPickUp: false } as const

/** Every guardianship chain that comes back to where it started, walked in SQL rather than by the app. */
async function cycles(desks: TwoDesks): Promise<number> {
  const [{ n }] = await query<{ n: number }>(
    desks,
    `WITH RECURSIVE walk(start_id, id, depth) AS (
       SELECT guardian_id, participant_id, 1 FROM guardianship
       UNION ALL
       SELECT walk.start_id, g.participant_id, walk.depth + 1
       FROM walk JOIN guardianship g ON g.guardian_id = walk.id WHERE walk.depth < 20
     )
     SELECT CAST(COUNT(*) AS integer) AS n FROM walk WHERE start_id = id`,
  )
  return n
}

// Two processes on one SQLite file are not a supported set-up (DESIGN.md: WAL needs one host); on a
// single desk the write queue already runs links one at a time. This is the PostgreSQL set-up of several desks.
describe.skipIf(testEngine !== 'postgres')('two desks link guardians that together would form a cycle', () => {
  let desks: TwoDesks

  beforeAll(async () => {
    desks = await startTwoDesks()
  })
  afterAll(() => desks?.dispose())

  const people = async (count: number, round: number) => {
    const ids: number[] = []
    for (let i = 0; i < count; i++) {
      const person = samplePerson(desks.centre.centreId, { firstName: `Kruh${round}x${i}`, contacts: undefined })
      ids.push((await desks.deskA.call('people/create', { person, allowDuplicate: true })).person.id)
    }
    return ids
  }
  const link = (desk: Desk, guardianId: number, participantId: number) =>
    desk.result('people/link', { guardianId, participantId, ...LINK })

  /**
   * Desk A makes the first link and desk B the second, at once; the links `existing` are there
   * before. Each link alone is fine, both together close a cycle.
   */
  async function race(
    round: number,
    size: number,
    closing: [[number, number], [number, number]],
    existing: [number, number][],
  ) {
    const ids = await people(size, round)
    for (const [guardian, child] of existing)
      await desks.deskA.call('people/link', { guardianId: ids[guardian], participantId: ids[child], ...LINK })
    const [[ga, pa], [gb, pb]] = closing
    const [fromB, fromA] = await Promise.all([link(desks.deskB, ids[gb], ids[pb]), link(desks.deskA, ids[ga], ids[pa])])
    return { ids, fromA, fromB, closing }
  }

  it('never both succeed, no cycle is stored, and the loser hears what a single desk would', async () => {
    // Two people each made the other's guardian; then cycles of three and four people.
    const shapes: { size: number; existing: [number, number][]; closing: [[number, number], [number, number]] }[] = [
      {
        size: 2,
        existing: [],
        closing: [
          [0, 1],
          [1, 0],
        ],
      },
      {
        size: 3,
        existing: [[0, 1]],
        closing: [
          [1, 2],
          [2, 0],
        ],
      },
      {
        size: 4,
        existing: [
          [0, 1],
          [2, 3],
        ],
        closing: [
          [1, 2],
          [3, 0],
        ],
      },
    ]
    let round = 0
    for (let repeat = 0; repeat < 5; repeat++) {
      for (const shape of shapes) {
        const { ids, fromA, fromB, closing } = await race(round++, shape.size, shape.closing, shape.existing)
        expect([fromA.ok, fromB.ok].filter(Boolean)).toHaveLength(1)
        const [loser, loserDesk, [guardian, child]] = fromA.ok
          ? [fromB, desks.deskB, closing[1]]
          : [fromA, desks.deskA, closing[0]]
        expect(loser).toMatchObject({
          ok: false,
          error: { code: 'VALIDATION_FAILED', fields: { guardianId: { code: 'guardianship_cycle' } } },
        })
        // The same link tried again now, alone, is refused in the very same words.
        expect(await link(loserDesk, ids[guardian], ids[child])).toEqual(loser)
        expect(await cycles(desks)).toBe(0)
      }
    }
    const log = [...desks.backendA.logger.lines, ...(await desks.processB.log())]
    expect(log.filter((line) => line.startsWith('error'))).toEqual([])
  })
})
