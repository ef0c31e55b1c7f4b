import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Result } from '../../../src/shared/errors'
import type { Desk } from '../../support/desks'
import { personInputOf, samplePerson } from '../../support/personSamples'
import { testEngine } from '../../support/testServer'
import { auditRowsOf, query, startTwoDesks, type TwoDesks } from './twoDesks'

const PER_DESK = 50

// Two processes on one SQLite file are not a supported set-up (DESIGN.md: WAL needs one host); on a
// single desk the write queue runs writes one at a time. This is the PostgreSQL set-up of several desks.
describe.skipIf(testEngine !== 'postgres')('two busy desks write at once', () => {
  let desks: TwoDesks

  beforeAll(async () => {
    desks = await startTwoDesks()
  })
  afterAll(() => desks?.dispose())

  const errorsIn = (results: Result<unknown>[]) => results.flatMap((result) => (result.ok ? [] : [result.error]))

  it('every registration and save from both desks completes; the counts add up', async () => {
    const { deskA, deskB, centre } = desks
    const register = (desk: Desk, tag: string) =>
      Promise.all(
        Array.from({ length: PER_DESK }, (_, i) =>
          // Without the duplicate check: on PostgreSQL it is the people context's port (another branch).
          desk.result('people/create', {
            allowDuplicate: true,
            person: samplePerson(centre.centreId, {
              firstName: `Souběh${tag}${i}`,
              lastName: `Pilná${tag}${i}`,
              contacts: undefined,
            }),
          }),
        ),
      )
    const peopleBefore = (await query<{ n: number }>(desks, 'SELECT CAST(COUNT(*) AS integer) AS n FROM person'))[0].n
    const created = await Promise.all([register(deskA, 'A'), register(deskB, 'B')])
    expect(errorsIn(created.flat())).toEqual([])
    const peopleAfter = (await query<{ n: number }>(desks, 'SELECT CAST(COUNT(*) AS integer) AS n FROM person'))[0].n
    expect(peopleAfter - peopleBefore).toBe(2 * PER_DESK)
    expect(await auditRowsOf(desks, 'people/create')).toBe(2 * PER_DESK)

    // Each desk then saves every person the other desk registered, all at once.
    const files = created.map((results) => results.map((result) => (result.ok ? result.data : null)))
    const save = (desk: Desk, theirs: (typeof files)[number], tag: string) =>
      Promise.all(
        theirs.map((file) =>
          desk.result('people/update', {
            id: file!.person.id,
            person: personInputOf(file!.person, { notes: `uloženo ${tag}` }),
            expectedVersion: file!.person.version,
          }),
        ),
      )
    const saved = await Promise.all([save(deskA, files[1], 'A'), save(deskB, files[0], 'B')])
    expect(errorsIn(saved.flat())).toEqual([])
    expect(await auditRowsOf(desks, 'people/update')).toBe(2 * PER_DESK)
    const notes = await query<{ notes: string; n: number }>(
      desks,
      `SELECT notes, CAST(COUNT(*) AS integer) AS n FROM person WHERE first_name LIKE 'Souběh%' GROUP BY notes ORDER BY notes`,
    )
    expect(notes).toEqual([
      { notes: 'uloženo A', n: PER_DESK },
      { notes: 'uloženo B', n: PER_DESK },
    ])
    // Every saved person found under the new search terms each desk wrote.
    const found = await deskB.call('people/search', { query: 'Pilná', limit: 50 })
    expect(found).toHaveLength(50)
    const log = [...desks.backendA.logger.lines, ...(await desks.processB.log())]
    expect(log.filter((line) => line.startsWith('error'))).toEqual([])
  })
})
