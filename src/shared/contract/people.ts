import { z } from 'zod'
import { isCalendarDate, localDate, yearsBefore } from '../calendarDate'
import { nameCase } from '../text/nameCase'
import { command } from './define'
import { visibleName } from './text'
import { expectedVersion } from './version'

export const RELATIONS = ['mother', 'father', 'grandparent', 'other'] as const
export type Relation = (typeof RELATIONS)[number]

export const SEXES = ['female', 'male'] as const
export type Sex = (typeof SEXES)[number]

export const MEMBERSHIP_FILTERS = ['all', 'members', 'non-members'] as const
export type MembershipFilter = (typeof MEMBERSHIP_FILTERS)[number]

export interface Address {
  street: string
  city: string
  postalCode: string
  country: string
}

/** Who invoices are made out to when it is not the person themselves (a parent's employer, a company). */
export interface Billing extends Address {
  name: string
  companyId: string
  vatId: string
}

/** What only staff holding people.contacts may see: everything that reaches or describes the person privately. */
export interface PersonContacts {
  email: string | null
  phones: string[]
  address: Address
  healthNotes: string
  dietaryNotes: string
  billing: Billing
}

export interface PersonCore {
  unitId: number
  firstName: string
  lastName: string
  /** YYYY-MM-DD, or null when not known (often the case for guardians). */
  birthDate: string | null
  sex: Sex | null
  school: string
  schoolClass: string
  photoConsent: boolean
  member: boolean
  /** Last day of a paid membership (YYYY-MM-DD); null means no end date. */
  memberUntil: string | null
  notes: string
}

export interface Person extends PersonCore {
  id: number
  unitName: string
  /** Full years today; computed, never stored. */
  age: number | null
  /** Membership in force today: member and not past memberUntil. */
  activeMember: boolean
  archived: boolean
  /** Erased on request: the row stays for accounting, with no personal data left. */
  anonymised: boolean
  /** null when the viewer lacks people.contacts for this person's unit. */
  contacts: PersonContacts | null
  createdAt: string
  updatedAt: string
  /** What `people/update` states as `expectedVersion`. */
  version: number
}

/** A short description of someone, for lists, search results and family links. */
export interface PersonSummary {
  id: number
  firstName: string
  lastName: string
  birthDate: string | null
  age: number | null
  unitId: number
  unitName: string
  archived: boolean
  /** First phone and e-mail, or null when there is none or the viewer may not see contacts. */
  phone: string | null
  /** The phone is the primary guardian's: the person (a child) has none of their own. */
  phoneFromGuardian?: boolean
  email: string | null
}

export interface FamilyLink {
  guardianshipId: number
  relation: Relation
  primaryContact: boolean
  mayPickUp: boolean
  /** The other side of the link: the guardian on a child's page, the child on a guardian's page. */
  person: PersonSummary
}

export interface PersonFile {
  person: Person
  guardians: FamilyLink[]
  children: FamilyLink[]
}

export type SearchMatch = 'name' | 'birthDate' | 'phone' | 'email' | 'guardian'

export interface PersonHit extends PersonSummary {
  matched: SearchMatch
  /** For children found through a guardian's name: that guardian. */
  via: { id: number; firstName: string; lastName: string } | null
}

export interface PersonListRow extends PersonSummary {
  activeMember: boolean
}

/** Columns the register sorts by; age is birth date the other way round. */
export const REGISTER_SORTS = ['name', 'birthDate', 'age', 'unit'] as const
export type RegisterSort = (typeof REGISTER_SORTS)[number]

/**
 * Where a row stands in the register's order, to ask for the page after or before it. Opaque
 * to the renderer: it only hands back what a page gave it.
 */
export interface RegisterKey {
  segment: number
  values: (string | number)[]
}

export interface PersonPage {
  /** Every row the filters (and the search, if any) match. */
  total: number
  /** Position of the first row in the whole list. */
  offset: number
  rows: PersonListRow[]
  /** Keys of the first and last row: the pages before and after are asked for by key. */
  firstKey: RegisterKey | null
  lastKey: RegisterKey | null
}

export type DuplicateReason = 'name_birth_date' | 'email' | 'phone'

export interface DuplicateCandidate {
  person: PersonSummary
  reasons: DuplicateReason[]
}

/** Fields a merge can take from the record that goes away (others are kept, or filled in where empty). */
export const MERGE_FIELDS = [
  'firstName',
  'lastName',
  'birthDate',
  'sex',
  'unitId',
  'school',
  'schoolClass',
  'photoConsent',
  'membership',
  'email',
  'phones',
  'address',
  'healthNotes',
  'dietaryNotes',
  'billing',
] as const
export type MergeField = (typeof MERGE_FIELDS)[number]

/** Fields that tell two people apart: records differing in them may not be one person. */
export const IDENTITY_FIELDS = ['birthDate', 'sex'] as const
export type IdentityField = (typeof IDENTITY_FIELDS)[number]

export interface MergePreview {
  keep: Person
  remove: Person
  /** Fields whose values differ and are both filled: the user picks one. */
  conflicts: MergeField[]
  /** Birth date or sex filled in differently: the merge needs `confirmDifferences`. */
  differences: IdentityField[]
  /** The kept record as it will be after the merge, with the chosen values and both records' family links. */
  result: PersonFile
  /** Rows that point at the record that goes away, by table; all of them move. */
  references: { table: string; count: number }[]
}

/** A record merged into this one, from the snapshot kept when it was removed. */
export interface MergeHistoryEntry {
  removedPersonId: number
  firstName: string
  lastName: string
  birthDate: string | null
  /** ISO timestamp of the merge. */
  mergedAt: string
  /** Who merged it; null when the account is gone or a tool did it. */
  mergedBy: string | null
}

export interface ExportedFile {
  fileName: string
  mimeType: string
  /** Base64, so the bytes survive every transport. */
  base64: string
}

// ---- input schemas ---------------------------------------------------------------------

/** Room for two records' notes after a merge. */
export const NOTES_MAX = 8000

const id = z.number().int().positive()
const isoDate = z.string().refine(isCalendarDate, 'date_format')
const text = (max: number) => z.string().trim().max(max)
/** The longest first or last name: the form stops typing there. */
export const NAME_MAX = 80
/** Typed all in lower or upper case, a name is stored capitalised (`jan novák` → `Jan Novák`). */
const name = visibleName(NAME_MAX).overwrite(nameCase)

/** Born today at the latest and at most 120 years ago. */
export const birthDate = isoDate
  .refine((value) => value <= localDate(), 'birth_date_future')
  .refine((value) => value >= yearsBefore(localDate(), 120), 'birth_date_too_old')

/**
 * Digits with the usual separators; 6 to 15 digits, one + for the country code, which may sit
 * in brackets as people write it: `(+420) 777-987-654`.
 */
export const phone = z
  .string()
  .trim()
  .max(40)
  .regex(/^(\(\+\d{1,3}\)|\+)?[\d\s\-/().]+$/, 'phone_format')
  .refine((value) => {
    const digits = value.replace(/\D/g, '').length
    return digits >= 6 && digits <= 15
  }, 'phone_format')

export const email = z.string().trim().max(200).pipe(z.email('email_format'))

const address = z.object({ street: text(200), city: text(120), postalCode: text(20), country: text(80) })

const contactsInput = z.object({
  email: email.nullable(),
  phones: z.array(phone).max(3),
  address,
  healthNotes: text(2000),
  dietaryNotes: text(2000),
  billing: address.extend({ name: text(200), companyId: text(30), vatId: text(30) }),
})

export const personInput = z.object({
  unitId: id,
  firstName: name,
  lastName: name,
  birthDate: birthDate.nullable(),
  sex: z.enum(SEXES).nullable(),
  school: text(200),
  schoolClass: text(40),
  photoConsent: z.boolean(),
  member: z.boolean(),
  memberUntil: isoDate.nullable(),
  notes: text(NOTES_MAX),
  /** Left out by staff who may not see contacts: the stored ones stay as they are. */
  contacts: contactsInput.optional(),
})
export type PersonInput = z.input<typeof personInput>
export type PersonInputData = z.output<typeof personInput>

const registerKey = z.object({
  segment: z.number().int().min(0).max(100_000),
  values: z
    .array(z.union([z.string().max(400), z.number()]))
    .min(1)
    .max(3),
})
const takeFromRemoved = z.array(z.enum(MERGE_FIELDS)).max(MERGE_FIELDS.length)

const linkDetails = { relation: z.enum(RELATIONS), primaryContact: z.boolean(), mayPickUp: z.boolean() }

export const peopleContract = {
  /** Ranked search as you type: names in any order, prefixes, birth date or year, phone, e-mail, a guardian's name. */
  'people/search': command<PersonHit[]>()({
    input: z.object({ query: z.string().max(100), limit: z.number().int().min(1).max(50).optional() }),
    kind: 'read',
    access: 'people.view',
  }),
  /**
   * One page of the register: sorted by a column in the viewer's language, or the matches of a
   * search in rank order. `after`/`before` ask for the page next to a row already shown (by its
   * key); without them the page starts at `offset`, which is also the position the caller
   * expects the page at.
   */
  'people/list': command<PersonPage>()({
    input: z.object({
      locale: z.string().max(10),
      unitId: id.optional(),
      membership: z.enum(MEMBERSHIP_FILTERS),
      minAge: z.number().int().min(0).max(120).optional(),
      maxAge: z.number().int().min(0).max(120).optional(),
      includeArchived: z.boolean(),
      query: z.string().max(100).optional(),
      sort: z.enum(REGISTER_SORTS).optional(),
      descending: z.boolean().optional(),
      after: registerKey.optional(),
      before: registerKey.optional(),
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(500),
    }),
    kind: 'read',
    access: 'people.view',
  }),
  'people/get': command<PersonFile>()({ input: z.object({ id }), kind: 'read', access: 'people.view' }),
  /** Records that look like the one being entered: same name and birth date, or same e-mail or phone. */
  'people/find-duplicates': command<DuplicateCandidate[]>()({
    input: z.object({
      firstName: z.string().trim().max(80),
      lastName: z.string().trim().max(80),
      birthDate: isoDate.nullable(),
      email: z.string().trim().max(200).nullable(),
      phones: z.array(z.string().trim().max(40)).max(3),
      excludeId: id.optional(),
    }),
    kind: 'read',
    access: 'people.view',
  }),
  /**
   * Creates a person, optionally linked at once to an existing one (a child from a guardian's
   * page, a guardian from a child's). A likely duplicate is refused (CONFLICT possible_duplicate)
   * unless `allowDuplicate` says the user has seen the warning and goes on.
   */
  'people/create': command<PersonFile>()({
    input: z.object({
      person: personInput,
      /** `as`: what the new person is to `personId`. */
      link: z.object({ personId: id, as: z.enum(['guardian', 'child']), ...linkDetails }).optional(),
      allowDuplicate: z.boolean().optional(),
    }),
    kind: 'write',
    access: 'people.edit',
  }),
  /** `expectedVersion`: the version the form was filled from; any other is a stale_record conflict. */
  'people/update': command<PersonFile>()({
    input: z.object({ id, person: personInput, expectedVersion }),
    kind: 'write',
    access: 'people.edit',
  }),
  'people/set-archived': command<PersonFile>()({
    input: z.object({ id, archived: z.boolean() }),
    kind: 'write',
    access: 'people.edit',
  }),
  'people/link': command<PersonFile>()({
    input: z.object({ guardianId: id, participantId: id, ...linkDetails }),
    kind: 'write',
    access: 'people.edit',
  }),
  'people/update-link': command<PersonFile>()({
    input: z.object({ guardianshipId: id, ...linkDetails }),
    kind: 'write',
    access: 'people.edit',
  }),
  'people/unlink': command<null>()({ input: z.object({ guardianshipId: id }), kind: 'write', access: 'people.edit' }),
  /** What a merge would do, with the values taken from the removed record as chosen so far. */
  'people/merge-preview': command<MergePreview>()({
    input: z.object({ keepId: id, removeId: id, takeFromRemoved: takeFromRemoved.optional() }),
    kind: 'read',
    access: 'people.merge',
  }),
  /**
   * Moves every row that points at `removeId` to `keepId` and removes the duplicate, in one
   * transaction. Records with different birth dates or sexes are refused (CONFLICT
   * merge_needs_confirmation) unless `confirmDifferences` says the user confirmed them.
   */
  'people/merge': command<PersonFile>()({
    input: z.object({ keepId: id, removeId: id, takeFromRemoved, confirmDifferences: z.boolean().optional() }),
    kind: 'write',
    access: 'people.merge',
  }),
  /** The records merged into this one, newest first; checked in the person's unit. */
  'people/merge-history': command<MergeHistoryEntry[]>()({
    input: z.object({ id }),
    kind: 'read',
    access: 'people.merge',
  }),
  /** Everything stored about a person, as JSON or a readable PDF; written to the audit trail. */
  'people/export': command<ExportedFile>()({
    input: z.object({ id, format: z.enum(['json', 'pdf']), locale: z.string().max(10) }),
    kind: 'write',
    access: 'documents.export',
  }),
  /** Erasure on request: personal data is overwritten, the row and accounting records stay. */
  'people/erase': command<PersonFile>()({
    input: z.object({ id, confirmLastName: z.string().trim().max(80) }),
    kind: 'write',
    access: 'people.erase',
  }),
}
