import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Result } from '../../../src/shared/errors'
import { personInputOf, samplePerson } from '../../support/personSamples'
import { testEngine } from '../../support/testServer'
import { auditRowsOf, query, startTwoDesks, type TwoDesks } from './twoDesks'

const ROUNDS = 15

// Two processes on one SQLite file are not a supported set-up (DESIGN.md: WAL needs one host); on a
// single desk the write queue already orders saves. This is the PostgreSQL set-up of several desks.
describe.skipIf(testEngine !== 'postgres')('two desks save the same person at the same moment', () => {
  let desks: TwoDesks

  beforeAll(async () => {
    desks = await startTwoDesks()
  })
  afterAll(() => desks?.dispose())

  it('exactly one save wins each round; the other desk is told the record changed', async () => {
    const { deskA, deskB, centre } = desks
    const created = await deskA.call('people/create', { person: samplePerson(centre.centreId), allowDuplicate: true })
    const id = created.person.id
    const auditBefore = await auditRowsOf(desks, 'people/update')
    let wins = 0
    for (let round = 0; round < ROUNDS; round++) {
      // Both desks open the form on the same version...
      const [openA, openB] = await Promise.all([deskA.call('people/get', { id }), deskB.call('people/get', { id })])
      expect(openB.person.version).toBe(openA.person.version)
      const changeA = personInputOf(openA.person, { notes: `A ${round}`, school: `ZŠ A ${round}` })
      const changeB = personInputOf(openB.person, { notes: `B ${round}`, school: `ZŠ B ${round}` })
      // ...and save different changes at once (B first: its message has further to go).
      const [savedB, savedA] = (await Promise.all([
        deskB.result('people/update', { id, person: changeB, expectedVersion: openB.person.version }),
        deskA.result('people/update', { id, person: changeA, expectedVersion: openA.person.version }),
      ])) as Result<unknown>[]
      const outcomes = [savedA, savedB]
      expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1)
      const loser = outcomes.find((outcome) => !outcome.ok)
      expect(loser).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'stale_record' } })
      wins++

      const winner = savedA.ok ? changeA : changeB
      const [stored] = await query<{ notes: string; school: string; version: number }>(
        desks,
        'SELECT notes, school, version FROM person WHERE id = ?',
        [id],
      )
      expect(stored).toEqual({ notes: winner.notes, school: winner.school, version: openA.person.version + 1 })
    }
    expect(await auditRowsOf(desks, 'people/update')).toBe(auditBefore + wins)
    const log = [...desks.backendA.logger.lines, ...(await desks.processB.log())]
    expect(log.filter((line) => line.startsWith('error'))).toEqual([])
  })
})
