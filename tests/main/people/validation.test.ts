import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PersonInput } from '../../../src/shared/contract/people'
import { localDate, yearsBefore } from '../../../src/shared/calendarDate'
import { startTestBackend, type TestBackend } from '../../support/backend'
import { rowCounts } from '../../support/database'
import { registerFamily, rootUnitId, samplePerson } from '../../support/people'

describe('bad input about people is refused with field errors and nothing is written', () => {
  let backend: TestBackend
  let unitId: number
  let family: Awaited<ReturnType<typeof registerFamily>>

  beforeAll(async () => {
    backend = await startTestBackend()
    unitId = await rootUnitId(backend)
    family = await registerFamily(backend, unitId)
  })
  afterAll(() => backend.dispose())

  const contacts = (change: Partial<NonNullable<PersonInput['contacts']>>) => ({
    ...samplePerson(0).contacts!,
    ...change,
  })
  const dayAfterToday = (() => {
    const tomorrow = new Date()
    tomorrow.setDate(tomorrow.getDate() + 1)
    return localDate(tomorrow)
  })()

  it.each<[string, Partial<PersonInput>, string, string]>([
    ['an empty first name', { firstName: '   ' }, 'person.firstName', 'required'],
    ['an empty surname', { lastName: '' }, 'person.lastName', 'required'],
    ['a birth date in the future', { birthDate: dayAfterToday }, 'person.birthDate', 'birth_date_future'],
    [
      'a birth date more than 120 years ago',
      { birthDate: yearsBefore(localDate(), 121) },
      'person.birthDate',
      'birth_date_too_old',
    ],
    ['a day that does not exist', { birthDate: '2015-02-29' }, 'person.birthDate', 'date_format'],
    ['an invalid e-mail', { contacts: contacts({ email: 'jana@' }) }, 'person.contacts.email', 'email_format'],
    [
      'letters in a phone',
      { contacts: contacts({ phones: ['777 12x 456'] }) },
      'person.contacts.phones.0',
      'phone_format',
    ],
    ['a too short phone', { contacts: contacts({ phones: ['12345'] }) }, 'person.contacts.phones.0', 'phone_format'],
  ])('%s', async (_what, change, field, code) => {
    const before = await rowCounts(backend)
    const result = await backend.result('people/create', { person: samplePerson(unitId, change), allowDuplicate: true })
    expect(result.ok || result.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { [field]: { code } } })
    expect(await rowCounts(backend)).toEqual(before)
  })

  it('a birth date of exactly 120 years ago is accepted', async () => {
    const person = samplePerson(unitId, { firstName: 'Marie', birthDate: yearsBefore(localDate(), 120) })
    expect((await backend.result('people/create', { person, allowDuplicate: true })).ok).toBe(true)
  })

  it('a child cannot be their own guardian', async () => {
    const id = family.eliska.person.id
    const result = await backend.result('people/link', {
      guardianId: id,
      participantId: id,
      relation: 'other',
      primaryContact: false,
      mayPickUp: false,
    })
    expect(result.ok || result.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { guardianId: { code: 'own_guardian' } },
    })
  })

  it('a guardianship cannot come back round to where it started', async () => {
    const before = await rowCounts(backend)
    // Eliška's mother as Eliška's child: directly, and through Eliška's own baby.
    const direct = await backend.result('people/link', {
      guardianId: family.eliska.person.id,
      participantId: family.mother.person.id,
      relation: 'other',
      primaryContact: false,
      mayPickUp: false,
    })
    expect(direct.ok || direct.error).toMatchObject({ fields: { guardianId: { code: 'guardianship_cycle' } } })
    const baby = await backend.call('people/create', {
      person: samplePerson(unitId, { firstName: 'Mimi', birthDate: '2025-01-01', contacts: undefined }),
      link: {
        personId: family.eliska.person.id,
        as: 'child',
        relation: 'other',
        primaryContact: false,
        mayPickUp: false,
      },
    })
    const cycle = await backend.result('people/link', {
      guardianId: baby.person.id,
      participantId: family.mother.person.id,
      relation: 'other',
      primaryContact: false,
      mayPickUp: false,
    })
    expect(cycle.ok || cycle.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { guardianId: { code: 'guardianship_cycle' } },
    })
    const after = await rowCounts(backend)
    expect(after.guardianship).toBe(before.guardianship + 1)
  })

  it('a link made twice is a conflict, not a second row', async () => {
    const result = await backend.result('people/link', {
      guardianId: family.mother.person.id,
      participantId: family.tomas.person.id,
      relation: 'mother',
      primaryContact: true,
      mayPickUp: true,
    })
    expect(result.ok || result.error).toMatchObject({ code: 'CONFLICT', reason: 'already_linked' })
  })
})
