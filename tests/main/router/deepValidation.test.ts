import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MERGE_FIELDS } from '../../../src/shared/contract/people'
import type { ErrorData } from '../../../src/shared/errors'
import { startTestBackend, TEST_CALLER, type TestBackend } from '../../support/backend'
import { rowCounts } from '../../support/database'
import { sampleOrganisation } from '../../support/organisation'
import { rootUnitId, samplePerson } from '../../support/people'

/** A class object carrying exactly the fields of a valid link: right fields, wrong kind of value. */
class LinkObject {
  personId = 1
  as = 'child'
  relation = 'mother'
  primaryContact = true
  mayPickUp = true
}

/** A list that passes `Array.isArray` but is not the plain array a renderer sends. */
class PhoneList extends Array<string> {}

describe('unknown fields, class instances, endless lists and malformed text are refused at any depth', () => {
  let backend: TestBackend
  let unitId: number
  let before: Record<string, number>

  beforeAll(async () => {
    backend = await startTestBackend()
    unitId = await rootUnitId(backend)
    before = await rowCounts(backend)
  })
  afterAll(() => backend.dispose())

  /** Sends anything at all, as a compromised or buggy renderer could, and expects a refusal. */
  async function refusal(name: string, input: unknown): Promise<ErrorData> {
    const result = await backend.router.dispatch(name, input, TEST_CALLER)
    if (result.ok) throw new Error(`expected ${name} to be refused, got ${JSON.stringify(result.data)}`)
    expect(await rowCounts(backend)).toEqual(before)
    return result.error
  }

  const person = (change: Record<string, unknown> = {}) => ({ ...samplePerson(unitId), ...change })
  const contacts = (change: Record<string, unknown>) => ({ ...samplePerson(unitId).contacts!, ...change })

  it.each<[string, () => Record<string, unknown>, string]>([
    ['person.isAdmin', () => ({ person: person({ isAdmin: true }) }), 'person.isAdmin'],
    [
      'person.contacts.extra',
      () => ({ person: person({ contacts: contacts({ extra: 1 }) }) }),
      'person.contacts.extra',
    ],
    [
      'person.contacts.address.extra',
      () => ({ person: person({ contacts: contacts({ address: { ...contacts({}).address, extra: 'x' } }) }) }),
      'person.contacts.address.extra',
    ],
    [
      'person.contacts.billing.extra',
      () => ({ person: person({ contacts: contacts({ billing: { ...contacts({}).billing, extra: 'x' } }) }) }),
      'person.contacts.billing.extra',
    ],
    ['link.extra', () => ({ person: person(), link: { ...new LinkObject(), extra: true } }), 'link.extra'],
  ])('people/create with %s is refused as an unknown field', async (_what, input, path) => {
    const error = await refusal('people/create', input())
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { [path]: { code: 'unknown_field' } } })
  })

  it.each<[string, () => unknown, string]>([
    ['a Date as the whole input', () => new Date(), '(input)'],
    ['a Map as the whole input', () => new Map([['person', samplePerson(unitId)]]), '(input)'],
    ['a class object with valid fields as the link', () => ({ person: person(), link: new LinkObject() }), 'link'],
    [
      'a Set as the address',
      () => ({ person: person({ contacts: contacts({ address: new Set() }) }) }),
      'person.contacts.address',
    ],
    [
      'an Array subclass as the phones',
      () => ({ person: person({ contacts: contacts({ phones: PhoneList.from(['+420 777 123 456']) }) }) }),
      'person.contacts.phones',
    ],
    [
      'an object without a prototype but with a Date inside',
      () => ({ person: Object.assign(Object.create(null), person({ notes: new Date() })) }),
      'person.notes',
    ],
  ])('people/create with %s is refused', async (_what, input, path) => {
    const error = await refusal('people/create', input())
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { [path]: { code: 'invalid_type' } } })
  })

  it('a command without input refuses a Date in place of its empty object', async () => {
    const error = await refusal('settings/get-organisation', new Date())
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { '(input)': { code: 'invalid_type' } } })
  })

  it('a merge asked to take 100 000 fields is refused for the length of the list', async () => {
    const takeFromRemoved = Array.from({ length: 100_000 }, (_, index) => MERGE_FIELDS[index % MERGE_FIELDS.length])
    const error = await refusal('people/merge', { keepId: 1, removeId: 2, takeFromRemoved })
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { takeFromRemoved: { code: 'too_big_array', params: { limit: MERGE_FIELDS.length } } },
    })
  })

  it.each<[string, () => unknown, string]>([
    ['a note', () => ({ person: person({ notes: 'Alergie \uD83D na ořechy' }) }), 'person.notes'],
    ['a first name', () => ({ person: person({ firstName: 'Jana\uDC00' }) }), 'person.firstName'],
    [
      'a city',
      () => ({ person: person({ contacts: contacts({ address: { ...contacts({}).address, city: '\uDFFFBrno' } }) }) }),
      'person.contacts.address.city',
    ],
    [
      'a phone in a list',
      () => ({ person: person({ contacts: contacts({ phones: ['777 123 456', '\uD800'] }) }) }),
      'person.contacts.phones.1',
    ],
  ])('a lone surrogate in %s is refused, not silently changed', async (_what, input, path) => {
    const error = await refusal('people/create', input())
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { [path]: { code: 'text_malformed' } } })
  })

  it('a search query with a lone surrogate is refused too', async () => {
    const error = await refusal('people/search', { query: 'nov\uD83D' })
    expect(error.fields).toEqual({ query: expect.objectContaining({ code: 'text_malformed' }) })
  })

  const INVISIBLE_NAMES: [string, string][] = [
    ['zero-width spaces', '\u200B\u200B'],
    ['joiners and a word joiner', '\u200C\u200D\u2060'],
    ['a byte-order mark and a soft hyphen', '\uFEFF\u00AD'],
    ['NUL and other control characters', '\u0000\u0007\u001F'],
    ['direction overrides and isolates', '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069'],
    ['a Hangul filler between spaces', ' \u3164 '],
  ]

  it.each(INVISIBLE_NAMES)('a first or last name of only %s is required', async (_what, invisible) => {
    const error = await refusal('people/create', { person: person({ firstName: invisible, lastName: invisible }) })
    expect(error.fields).toEqual({
      'person.firstName': expect.objectContaining({ code: 'required' }),
      'person.lastName': expect.objectContaining({ code: 'required' }),
    })
  })

  it.each(INVISIBLE_NAMES)('a unit, role, staff or centre name of only %s is required', async (_what, invisible) => {
    const required = (error: ErrorData, field: string) =>
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { [field]: { code: 'required' } } })
    required(await refusal('units/create', { name: invisible, parentId: unitId }), 'name')
    required(await refusal('units/rename', { id: unitId, name: invisible }), 'name')
    required(await refusal('roles/save', { id: null, name: invisible, permissions: [] }), 'name')
    const staff = { displayName: invisible, username: 'petr.novy', password: 'heslo-12345' }
    required(await refusal('staff/create', staff), 'displayName')
    required(await refusal('settings/update-organisation', { ...sampleOrganisation(), name: invisible }), 'name')
    const setUp = {
      centreName: invisible,
      language: 'cs',
      displayName: invisible,
      username: 'x.y',
      password: 'heslo-12345',
    }
    const error = await refusal('auth/set-up', setUp)
    required(error, 'centreName')
    required(error, 'displayName')
  })

  // Last on purpose: what was refused above is accepted once it is well formed.
  it.each<[string, string, string, string, string]>([
    ['typed in lower case', 'jan', 'novák', 'Jan', 'Novák'],
    ['typed in upper case, double-barrelled', 'JAN', 'NOVÁK-SVOBODOVÁ', 'Jan', 'Novák-Svobodová'],
    ['typed with care', 'Ronald', 'McDonald', 'Ronald', 'McDonald'],
    ['with invisible characters inside', 'ja\u200Bn\u00AD', ' \u202ENovák\u202C ', 'Jan', 'Novák'],
  ])('a name %s is stored as the desk expects', async (_what, firstName, lastName, storedFirst, storedLast) => {
    const created = await backend.call('people/create', {
      person: samplePerson(unitId, { firstName, lastName }),
      allowDuplicate: true,
    })
    const stored = await backend.call('people/get', { id: created.person.id })
    expect(stored.person).toMatchObject({ firstName: storedFirst, lastName: storedLast })
  })
})
