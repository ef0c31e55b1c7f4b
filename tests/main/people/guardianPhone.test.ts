import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestBackend } from '../../support/backend'
import { addStaff, deskSignedInAs, setUpCentre, startDeskBackend, type Centre, type Desk } from '../../support/desks'
import { registerFamily } from '../../support/people'

describe("a child without a phone is reached through the guardian's", () => {
  let backend: TestBackend
  let centre: Centre
  let accountant: Desk
  let family: Awaited<ReturnType<typeof registerFamily>>

  beforeAll(async () => {
    backend = await startDeskBackend()
    centre = await setUpCentre(backend)
    family = await registerFamily({ ...backend, call: centre.admin.call, result: centre.admin.result }, centre.centreId)
    // The default accountant sees people, but not their contacts.
    const member = await addStaff(
      centre.admin,
      { username: 'ucetni', displayName: 'Účetní', password: 'ucetni-heslo-1' },
      [{ roleId: centre.roles.accountant, unitId: centre.centreId, includeSubUnits: true }],
    )
    accountant = await deskSignedInAs(backend, 'accountant-desk', member.id)
  })
  afterAll(() => backend.dispose())

  const rowOf = async (at: Desk, id: number) => {
    const page = await at.call('people/list', {
      locale: 'cs',
      membership: 'all',
      includeArchived: false,
      offset: 0,
      limit: 50,
    })
    return page.rows.find((row) => row.id === id)
  }

  it("shows the primary guardian's phone, marked as such, in the register and in search hits", async () => {
    const eliska = family.eliska.person.id
    expect(await rowOf(centre.admin, eliska)).toMatchObject({ phone: '+420 777 123 456', phoneFromGuardian: true })
    expect(await rowOf(centre.admin, family.mother.person.id)).toMatchObject({
      phone: '+420 777 123 456',
      phoneFromGuardian: false,
    })
    const hits = await centre.admin.call('people/search', { query: 'eliska' })
    expect(hits[0]).toMatchObject({ id: eliska, phone: '+420 777 123 456', phoneFromGuardian: true })
  })

  it("hides it from staff who may not see the child's contacts", async () => {
    expect(await rowOf(accountant, family.eliska.person.id)).toMatchObject({ phone: null, phoneFromGuardian: false })
    const [hit] = await accountant.call('people/search', { query: 'eliska' })
    expect(hit).toMatchObject({ phone: null, phoneFromGuardian: false })
  })
})
