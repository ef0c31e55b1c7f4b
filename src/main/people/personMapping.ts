import type { Billing, Person, PersonContacts, PersonSummary } from '../../shared/contract/people'
import { ageOn } from '../../shared/calendarDate'
import type { PersonRow } from './personEntities'
import type { UnitAccess } from './unitAccess'

export const EMPTY_BILLING: Billing = {
  name: '',
  street: '',
  city: '',
  postalCode: '',
  country: '',
  companyId: '',
  vatId: '',
}

/** Billing details as stored: only the parts filled in, `{}` for most people. */
export function billingJson(billing: Billing | undefined): string {
  return JSON.stringify(Object.fromEntries(Object.entries(billing ?? {}).filter(([, value]) => value !== '')))
}

/**
 * A child without a phone of their own is reached through a guardian: the primary contact's
 * phones, else those of the guardian linked first. One index lookup per row shown.
 */
const GUARDIAN_PHONES = `CASE WHEN p.phones = '[]' THEN (
    SELECT gp.phones FROM guardianship g JOIN person gp ON gp.id = g.guardian_id
    WHERE g.participant_id = p.id AND gp.phones <> '[]'
    ORDER BY g.primary_contact DESC, g.id LIMIT 1
  ) END AS guardian_phones`

/** Columns of `person` (aliased p) behind a PersonSummary, for raw SQL. */
export const SUMMARY_COLUMNS = `p.id, p.first_name, p.last_name, p.birth_date, p.unit_id, p.archived_at, p.email,
  p.phones, p.member, p.member_until, ${GUARDIAN_PHONES}`

export interface SummarySource {
  id: number
  first_name: string
  last_name: string
  birth_date: string | null
  unit_id: number
  archived_at: string | null
  email: string | null
  phones: string
  member: number | boolean
  member_until: string | null
  /** The phones of the guardian to call when the person has none (see GUARDIAN_PHONES). */
  guardian_phones: string | null
}

export function isActiveMember(member: boolean | number, memberUntil: string | null, today: string): boolean {
  return Boolean(member) && (memberUntil === null || memberUntil >= today)
}

/**
 * `contactsVia`: a family member's unit, when the summary is shown on their page. Reception
 * allowed to see a child's contacts must be able to call the child's parents, whatever unit
 * the parents are filed under.
 */
export function summaryFromSql(
  raw: SummarySource,
  access: UnitAccess,
  today: string,
  contactsVia?: number,
): PersonSummary {
  const contacts =
    access.allows('people.contacts', raw.unit_id) ||
    (contactsVia !== undefined && access.allows('people.contacts', contactsVia))
  const phones = JSON.parse(raw.phones) as string[]
  // The guardian's phone is shown exactly where the child's own would be.
  const guardianPhone = raw.guardian_phones ? ((JSON.parse(raw.guardian_phones) as string[])[0] ?? null) : null
  const phone = phones[0] ?? guardianPhone
  return {
    id: raw.id,
    firstName: raw.first_name,
    lastName: raw.last_name,
    birthDate: raw.birth_date,
    age: ageOn(raw.birth_date, today),
    unitId: raw.unit_id,
    unitName: access.unitName(raw.unit_id),
    archived: raw.archived_at !== null,
    phone: contacts ? phone : null,
    phoneFromGuardian: contacts && phones.length === 0 && guardianPhone !== null,
    email: contacts ? raw.email : null,
  }
}

export function contactsOf(row: PersonRow): PersonContacts {
  return {
    email: row.email,
    phones: JSON.parse(row.phones) as string[],
    address: { street: row.street, city: row.city, postalCode: row.postalCode, country: row.country },
    healthNotes: row.healthNotes,
    dietaryNotes: row.dietaryNotes,
    billing: { ...EMPTY_BILLING, ...(JSON.parse(row.billing) as Partial<Billing>) },
  }
}

/** The full record; contacts and health notes only for staff holding people.contacts in its unit. */
export function toPerson(row: PersonRow, access: UnitAccess, today: string, forceContacts = false): Person {
  return {
    id: row.id,
    unitId: row.unitId,
    unitName: access.unitName(row.unitId),
    firstName: row.firstName,
    lastName: row.lastName,
    birthDate: row.birthDate,
    age: ageOn(row.birthDate, today),
    sex: row.sex,
    school: row.school,
    schoolClass: row.schoolClass,
    photoConsent: Boolean(row.photoConsent),
    member: Boolean(row.member),
    memberUntil: row.memberUntil,
    activeMember: isActiveMember(row.member, row.memberUntil, today),
    notes: row.notes,
    archived: row.archivedAt !== null,
    anonymised: row.anonymisedAt !== null,
    contacts: forceContacts || access.allows('people.contacts', row.unitId) ? contactsOf(row) : null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  }
}
