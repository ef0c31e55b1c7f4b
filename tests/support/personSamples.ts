import type { Person, PersonInput } from '../../src/shared/contract/people'

// Plain data only: the end-to-end specs import this too, so it must not pull in the backend.

/** A complete, valid person: tests override what they are about. */
export function samplePerson(unitId: number, overrides: Partial<PersonInput> = {}): PersonInput {
  return {
    unitId,
    firstName: 'Jana',
    lastName: 'Nováková',
    birthDate: '1986-04-12',
    sex: 'female',
    school: '',
    schoolClass: '',
    photoConsent: true,
    member: false,
    memberUntil: null,
    notes: '',
    contacts: {
      email: 'jana.novakova@example.cz',
      phones: ['+420 777 123 456'],
      address: { street: 'Lipová 12', city: 'Brno', postalCode: '602 00', country: 'Česko' },
      healthNotes: '',
      dietaryNotes: '',
      billing: { name: '', street: '', city: '', postalCode: '', country: '', companyId: '', vatId: '' },
    },
    ...overrides,
  }
}

/** A child of the same family: no contacts of their own. */
export function sampleChild(
  unitId: number,
  firstName: string,
  birthDate: string,
  overrides: Partial<PersonInput> = {},
) {
  return samplePerson(unitId, {
    firstName,
    lastName: 'Nováková',
    birthDate,
    contacts: {
      email: null,
      phones: [],
      address: { street: 'Lipová 12', city: 'Brno', postalCode: '602 00', country: 'Česko' },
      healthNotes: 'Alergie na ořechy',
      dietaryNotes: 'Bez lepku',
      billing: { name: '', street: '', city: '', postalCode: '', country: '', companyId: '', vatId: '' },
    },
    ...overrides,
  })
}

/** What a form sends back for a stored person: its editable fields and no others, which main refuses. */
export function personInputOf(person: Person, overrides: Partial<PersonInput> = {}): PersonInput {
  const { unitId, firstName, lastName, birthDate, sex, school, schoolClass, photoConsent, member, memberUntil, notes } =
    person
  return {
    ...{ unitId, firstName, lastName, birthDate, sex, school, schoolClass, photoConsent, member, memberUntil, notes },
    contacts: person.contacts ?? undefined,
    ...overrides,
  }
}
