import { EntitySchema } from 'typeorm'
import type { Relation, Sex } from '../../shared/contract/people'
import { SORT_LOCALES, type SortLocale } from './sorting/collationKey'

type SortProperty = `sort${Capitalize<SortLocale>}`
type SortColumns = Record<SortProperty, string>

/** The entity property holding a language's sort key: `cs` → `sortCs` (column `sort_cs`). */
export function sortProperty(locale: SortLocale): SortProperty {
  return `sort${locale[0].toUpperCase()}${locale.slice(1)}` as SortProperty
}

export interface PersonRow extends SortColumns {
  id: number
  unitId: number
  firstName: string
  lastName: string
  birthDate: string | null
  sex: Sex | null
  email: string | null
  /** JSON array of strings. */
  phones: string
  street: string
  city: string
  postalCode: string
  country: string
  school: string
  schoolClass: string
  healthNotes: string
  dietaryNotes: string
  photoConsent: boolean
  member: boolean
  memberUntil: string | null
  notes: string
  /** JSON of Billing. */
  billing: string
  archivedAt: string | null
  anonymisedAt: string | null
  createdAt: string
  updatedAt: string
  /** Counts saves: a form's save states the version it was filled from. */
  version: number
  /** Derived on every write (see personDerived.ts): search and duplicate keys. */
  firstFold: string
  lastFold: string
  nameKey: string
}

export interface GuardianshipRow {
  id: number
  guardianId: number
  participantId: number
  relation: Relation
  primaryContact: boolean
  mayPickUp: boolean
  createdAt: string
}

const text = (name: string) => ({ type: 'text' as const, name })
const string = (name: string, length: number, nullable = false) => ({
  type: 'varchar' as const,
  name,
  length,
  nullable,
})

const sortColumns = Object.fromEntries(
  SORT_LOCALES.map((locale) => [sortProperty(locale), string(`sort_${locale}`, 400)]),
)

export const PersonSchema = new EntitySchema<PersonRow>({
  name: 'Person',
  tableName: 'person',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    unitId: { type: 'integer', name: 'unit_id' },
    firstName: string('first_name', 80),
    lastName: string('last_name', 80),
    birthDate: string('birth_date', 10, true),
    sex: string('sex', 10, true),
    email: string('email', 200, true),
    phones: text('phones'),
    street: string('street', 200),
    city: string('city', 120),
    postalCode: string('postal_code', 20),
    country: string('country', 80),
    school: string('school', 200),
    schoolClass: string('school_class', 40),
    healthNotes: text('health_notes'),
    dietaryNotes: text('dietary_notes'),
    photoConsent: { type: 'boolean', name: 'photo_consent' },
    member: { type: 'boolean', name: 'member' },
    memberUntil: string('member_until', 10, true),
    notes: text('notes'),
    billing: text('billing'),
    archivedAt: string('archived_at', 30, true),
    anonymisedAt: string('anonymised_at', 30, true),
    createdAt: string('created_at', 30),
    updatedAt: string('updated_at', 30),
    version: { type: 'integer', version: true },
    firstFold: string('first_fold', 80),
    lastFold: string('last_fold', 80),
    nameKey: string('name_key', 170),
    ...sortColumns,
  },
})

export const GuardianshipSchema = new EntitySchema<GuardianshipRow>({
  name: 'Guardianship',
  tableName: 'guardianship',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    guardianId: { type: 'integer', name: 'guardian_id' },
    participantId: { type: 'integer', name: 'participant_id' },
    relation: string('relation', 20),
    primaryContact: { type: 'boolean', name: 'primary_contact' },
    mayPickUp: { type: 'boolean', name: 'may_pick_up' },
    createdAt: string('created_at', 30),
  },
})
