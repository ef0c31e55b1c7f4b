import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { InputOf } from '../../../src/shared/contract'
import { localDate } from '../../../src/shared/calendarDate'
import { dataFiles } from '../../../src/main/backend'
import { startTestBackend, type TestBackend } from '../../support/backend'
import { generateRegister } from '../../support/generatedRegister'
import { samplePerson } from '../../support/personSamples'

const PEOPLE = 1_200

/**
 * What the register remembers between reads (the positions of its milestones, a search's
 * ranking) must be dropped when ANOTHER desk writes: on SQLite another connection to the file,
 * on PostgreSQL another backend on the server.
 */
describe('a register remembered at one desk while another desk writes', () => {
  let deskA: TestBackend
  let deskB: TestBackend
  let centre: number

  beforeAll(async () => {
    deskA = await startTestBackend()
    centre = (
      await generateRegister(
        deskA,
        {
          seed: 4,
          people: PEOPLE,
          surnames: ['Novák', 'Dvořák', 'Svoboda', 'Černá', 'Kovács', 'Nowak'],
          firstNames: ['Jana', 'Adam', 'Eva', 'Anna'],
          ageSpan: 60,
          archiveEvery: 50,
        },
        localDate(),
      )
    ).centre
    const server = deskA.serverDatabase
    deskB = await startTestBackend({
      database: server
        ? { engine: 'postgres', server: server.desk }
        : { engine: 'sqlite', location: dataFiles(deskA.dataDir) },
    })
  })
  afterAll(async () => {
    await deskB?.close()
    await deskA?.dispose()
  })

  const list = (desk: TestBackend, extra: Partial<InputOf<'people/list'>>) =>
    desk.call('people/list', {
      locale: 'cs',
      membership: 'all',
      includeArchived: true,
      offset: 0,
      limit: 20,
      ...extra,
    })

  it('a jump deep into the list and a deep page of a search are fresh after the other desk registers someone', async () => {
    const jumpBefore = await list(deskA, { offset: 1_000 })
    const searchBefore = await list(deskA, { query: 'a', offset: 60 })
    // Asked twice: the second answer comes from what desk A remembers.
    expect(await list(deskA, { offset: 1_000 })).toEqual(jumpBefore)

    // Sorts before everybody and matches the search: every position after it moves by one.
    await deskB.call('people/create', {
      person: samplePerson(centre, { firstName: 'Aaron', lastName: 'Aaa', birthDate: '2015-05-05' }),
      allowDuplicate: true,
    })

    const jumpAfter = await list(deskA, { offset: 1_000 })
    expect(jumpAfter.rows.map((row) => row.id)).not.toEqual(jumpBefore.rows.map((row) => row.id))
    expect(jumpAfter).toEqual(await list(deskB, { offset: 1_000 }))
    const searchAfter = await list(deskA, { query: 'a', offset: 60 })
    expect(searchAfter.total).toBe(searchBefore.total + 1)
    expect(searchAfter).toEqual(await list(deskB, { query: 'a', offset: 60 }))
  })
})
