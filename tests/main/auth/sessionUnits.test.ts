import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestBackend } from '../../support/backend'
import { addStaff, deskSignedInAs, setUpCentre, startDeskBackend, type Centre } from '../../support/desks'

describe('the units a signed-in staff member may work in', () => {
  let backend: TestBackend
  let centre: Centre

  beforeAll(async () => {
    backend = await startDeskBackend()
    centre = await setUpCentre(backend)
  })
  afterAll(() => backend.dispose())

  it('are told to the desk per permission, sub-units included where the grant says so, topmost first', async () => {
    const unit = (name: string, parentId: number) => centre.admin.call('units/create', { name, parentId })
    const sport = await unit('Sport', centre.centreId)
    const art = await unit('Umění', centre.centreId)
    const football = await unit('Fotbal', sport.id)
    const ceramics = await unit('Keramika', art.id)
    const member = await addStaff(
      centre.admin,
      { username: 'recepce.sport', displayName: 'Recepce Sport', password: 'sport-heslo-1' },
      [
        { roleId: centre.roles.reception, unitId: sport.id, includeSubUnits: true },
        { roleId: centre.roles.leader, unitId: ceramics.id, includeSubUnits: false },
      ],
    )
    const desk = await deskSignedInAs(backend, 'sport-desk', member.id)
    const unitsWith = async () => (await desk.call('auth/get-state', {})).session!.unitsWith

    expect(await unitsWith()).toMatchObject({
      'people.view': [sport.id, football.id, ceramics.id],
      'people.edit': [sport.id, football.id],
      'activities.edit': [ceramics.id],
    })
    expect((await unitsWith())['settings.admin']).toBeUndefined()
    expect((await unitsWith())['people.merge']).toBeUndefined()

    // A sub-unit created later is within the grant at once, without signing in again.
    const athletics = await unit('Atletika', sport.id)
    expect((await unitsWith())['people.edit']).toEqual([sport.id, football.id, athletics.id])
  })
})
