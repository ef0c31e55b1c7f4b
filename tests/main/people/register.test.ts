import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestBackend, type TestBackend } from '../../support/backend'
import { personInputOf, registerFamily, rootUnitId, sampleChild, samplePerson } from '../../support/people'

describe('the people register', () => {
  let backend: TestBackend
  let unitId: number
  let family: Awaited<ReturnType<typeof registerFamily>>

  beforeAll(async () => {
    backend = await startTestBackend()
    unitId = await rootUnitId(backend)
    family = await registerFamily(backend, unitId)
  })
  afterAll(() => backend.dispose())

  it('shows a mother with both children, and each child with the mother', async () => {
    const mother = await backend.call('people/get', { id: family.mother.person.id })
    expect(mother.children.map((link) => link.person.firstName)).toEqual(['Eliška', 'Tomáš'])
    expect(mother.children.every((link) => link.relation === 'mother' && link.primaryContact)).toBe(true)
    const eliska = await backend.call('people/get', { id: family.eliska.person.id })
    expect(eliska.guardians.map((link) => link.person.id)).toEqual([family.mother.person.id])
    expect(eliska.person.contacts?.healthNotes).toBe('Alergie na ořechy')
    expect(eliska.person.age).toBeGreaterThanOrEqual(11)
  })

  it('finds Nováková by typing novak, in any order and case', async () => {
    const names = async (query: string) =>
      (await backend.call('people/search', { query })).map((hit) => `${hit.firstName} ${hit.lastName}`)
    expect(await names('novak')).toEqual(expect.arrayContaining(['Jana Nováková', 'Eliška Nováková', 'Tomáš Novák']))
    expect((await names('novak'))[0]).toBe('Tomáš Novák')
    expect(await names('eli NOVA')).toEqual(['Eliška Nováková'])
    expect(await names('nováková eliška')).toEqual(['Eliška Nováková'])
    // A parent's phone finds the parent, then the children reception is usually asking about.
    const byPhone = await backend.call('people/search', { query: '777 123' })
    expect(byPhone.map((hit) => [hit.firstName, hit.matched, hit.via?.id ?? null])).toEqual([
      ['Jana', 'phone', null],
      ['Eliška', 'guardian', family.mother.person.id],
      ['Tomáš', 'guardian', family.mother.person.id],
    ])
    expect(await names('2015')).toEqual(['Eliška Nováková'])
    expect(await names('3. 9. 2015')).toEqual(['Eliška Nováková'])
  })

  it('warns before registering the same child twice', async () => {
    const again = await backend.result('people/create', { person: sampleChild(unitId, 'Eliška', '2015-09-03') })
    expect(again.ok || again.error).toMatchObject({ code: 'CONFLICT', reason: 'possible_duplicate' })
    const candidates = await backend.call('people/find-duplicates', {
      firstName: 'NOVAKOVA',
      lastName: 'eliska',
      birthDate: '2015-09-03',
      email: null,
      phones: [],
    })
    expect(candidates.map((candidate) => candidate.person.id)).toEqual([family.eliska.person.id])
  })

  it('refuses to save a form filled from a version someone else has changed since', async () => {
    const opened = (await backend.call('people/get', { id: family.mother.person.id })).person
    const elsewhere = await backend.call('people/update', {
      id: opened.id,
      person: personInputOf(opened, { contacts: undefined, notes: 'Změna z druhé přepážky' }),
      expectedVersion: opened.version,
    })
    const stale = await backend.result('people/update', {
      id: opened.id,
      person: personInputOf(opened, { contacts: undefined, notes: 'Moje starší verze' }),
      expectedVersion: opened.version,
    })
    expect(stale.ok || stale.error).toMatchObject({ code: 'CONFLICT', reason: 'stale_record' })
    expect((await backend.call('people/get', { id: opened.id })).person.notes).toBe(elsewhere.person.notes)
  })

  it('refuses a birth date in the future with a field error and writes nothing', async () => {
    const result = await backend.result('people/create', {
      person: samplePerson(unitId, { firstName: 'Budoucí', birthDate: '2999-01-01' }),
    })
    expect(result.ok || result.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { 'person.birthDate': { code: 'birth_date_future' } },
    })
  })
})
