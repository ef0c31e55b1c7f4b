import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestBackend } from '../../support/backend'
import { addStaff, deskSignedInAs, setUpCentre, startDeskBackend, type Centre, type Desk } from '../../support/desks'
import { samplePerson } from '../../support/people'

describe('a record outside the units of the desk', () => {
  let backend: TestBackend
  let centre: Centre
  let reception: Desk
  let inCeramics: number
  let inSport: number

  beforeAll(async () => {
    backend = await startDeskBackend()
    centre = await setUpCentre(backend)
    const sport = await centre.admin.call('units/create', { name: 'Sport', parentId: centre.centreId })
    const ceramics = await centre.admin.call('units/create', { name: 'Keramika', parentId: centre.centreId })
    inSport = (await centre.admin.call('people/create', { person: samplePerson(sport.id) })).person.id
    inCeramics = (
      await centre.admin.call('people/create', {
        person: samplePerson(ceramics.id, { firstName: 'Petra', lastName: 'Jiná' }),
        allowDuplicate: true,
      })
    ).person.id
    const member = await addStaff(
      centre.admin,
      { username: 'radka', displayName: 'Radka Recepční', password: 'pondeli-rano-42' },
      [{ roleId: centre.roles.reception, unitId: sport.id, includeSubUnits: true }],
    )
    reception = await deskSignedInAs(backend, 'sport-desk', member.id)
  })
  afterAll(() => backend.dispose())

  it('is refused with the name of its unit, so the desk knows whom to ask for access', async () => {
    const result = await reception.result('people/get', { id: inCeramics })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', reason: 'outside_units', params: { unit: 'Keramika' } },
    })
  })

  it('opens for the same desk in its own unit', async () => {
    const file = await reception.call('people/get', { id: inSport })
    expect(file.person.id).toBe(inSport)
  })
})
