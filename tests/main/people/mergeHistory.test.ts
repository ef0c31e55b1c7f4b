import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestBackend } from '../../support/backend'
import {
  ADMINISTRATOR,
  addStaff,
  deskSignedInAs,
  setUpCentre,
  startDeskBackend,
  type Centre,
  type Desk,
} from '../../support/desks'
import { sampleChild } from '../../support/people'

describe('the records merged into a person', () => {
  let backend: TestBackend
  let centre: Centre
  let reception: Desk
  let kept: number
  let untouched: number

  beforeAll(async () => {
    backend = await startDeskBackend()
    centre = await setUpCentre(backend)
    const { admin, centreId } = centre
    const register = async (firstName: string, birthDate: string) =>
      (await admin.call('people/create', { person: sampleChild(centreId, firstName, birthDate), allowDuplicate: true }))
        .person.id
    kept = await register('Tomáš', '2018-01-20')
    const typo = await register('Tomas', '2018-01-20')
    const otherDay = await register('Tomáš', '2018-01-02')
    untouched = await register('Petr', '2016-03-03')
    await admin.call('people/merge', { keepId: kept, removeId: typo, takeFromRemoved: [] })
    await admin.call('people/merge', {
      keepId: kept,
      removeId: otherDay,
      takeFromRemoved: [],
      confirmDifferences: true,
    })
    const member = await addStaff(
      admin,
      { username: 'radka', displayName: 'Radka Recepční', password: 'pondeli-rano-42' },
      [{ roleId: centre.roles.reception, unitId: centreId, includeSubUnits: true }],
    )
    reception = await deskSignedInAs(backend, 'reception-desk', member.id)
  })
  afterAll(() => backend.dispose())

  it('lists each removed record by its name and birth date, when and by whom, newest first', async () => {
    const history = await centre.admin.call('people/merge-history', { id: kept })
    expect(history).toMatchObject([
      { firstName: 'Tomáš', birthDate: '2018-01-02', mergedBy: ADMINISTRATOR.displayName },
      { firstName: 'Tomas', birthDate: '2018-01-20', mergedBy: ADMINISTRATOR.displayName },
    ])
    for (const entry of history) expect(Date.parse(entry.mergedAt)).not.toBeNaN()
    expect(history[0].lastName).toBe(history[1].lastName)
  })

  it('is empty for a record nothing was merged into', async () => {
    expect(await centre.admin.call('people/merge-history', { id: untouched })).toEqual([])
  })

  it('is refused to staff who may not merge', async () => {
    const result = await reception.result('people/merge-history', { id: kept })
    expect(result.ok || result.error.code).toBe('FORBIDDEN')
  })

  it('answers NOT_FOUND for a record that does not exist', async () => {
    const result = await centre.admin.call('people/merge-history', { id: 999_999 }).catch((error: unknown) => error)
    expect(result).toMatchObject({ code: 'NOT_FOUND' })
  })
})
