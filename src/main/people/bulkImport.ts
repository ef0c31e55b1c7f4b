import type { EntityManager } from 'typeorm'
import { engineOf } from '../database/engines'
import type { PersonInputData, Relation } from '../../shared/contract/people'
import { derivedNameColumns, searchTerms } from './personDerived'
import { billingJson } from './personMapping'

export interface ImportedGuardianship {
  /** Indexes into the imported people. */
  guardian: number
  participant: number
  relation: Relation
  primaryContact: boolean
  mayPickUp: boolean
}

const PERSON_COLUMNS = [
  ...['id', 'unit_id', 'first_name', 'last_name', 'birth_date', 'sex', 'email', 'phones', 'street', 'city'],
  ...['postal_code', 'country', 'school', 'school_class', 'health_notes', 'dietary_notes', 'photo_consent'],
  ...['member', 'member_until', 'notes', 'billing', 'created_at', 'updated_at', 'first_fold', 'last_fold'],
  ...['name_key', 'sort_en', 'sort_cs', 'sort_sk', 'sort_hu', 'sort_pl'],
]

/**
 * Registers many people and their families in the caller's transaction, with the same derived
 * columns and search terms as a single registration. For the demo and benchmark data sets,
 * where 100 000 audited calls one by one would take minutes.
 */
export async function importPeople(
  em: EntityManager,
  people: readonly PersonInputData[],
  guardianships: readonly ImportedGuardianship[],
  now: Date,
): Promise<number[]> {
  const engine = engineOf(em)
  // Known before the insert: the family links and search terms refer to them.
  const ids = await engine.reserveIds(em, 'person', people.length)
  const at = now.toISOString()
  const rows = people.map((person, index) => {
    const contacts = person.contacts
    const derived = derivedNameColumns(person.firstName, person.lastName)
    const address = contacts?.address ?? { street: '', city: '', postalCode: '', country: '' }
    return [
      ids[index],
      person.unitId,
      person.firstName,
      person.lastName,
      person.birthDate,
      person.sex,
      contacts?.email ?? null,
      JSON.stringify(contacts?.phones ?? []),
      address.street,
      address.city,
      address.postalCode,
      address.country,
      person.school,
      person.schoolClass,
      contacts?.healthNotes ?? '',
      contacts?.dietaryNotes ?? '',
      person.photoConsent,
      person.member,
      person.memberUntil,
      person.notes,
      billingJson(contacts?.billing),
      at,
      at,
      derived.firstFold,
      derived.lastFold,
      derived.nameKey,
      derived.sortEn,
      derived.sortCs,
      derived.sortSk,
      derived.sortHu,
      derived.sortPl,
    ]
  })
  await engine.insertMany(em, 'person', PERSON_COLUMNS, rows)
  const terms = people.flatMap((person, index) =>
    searchTerms({
      firstName: person.firstName,
      lastName: person.lastName,
      email: person.contacts?.email ?? null,
      phones: person.contacts?.phones ?? [],
    }).map((term) => [term.field, term.term, term.tiebreak, ids[index], person.unitId, null]),
  )
  await engine.insertMany(
    em,
    'person_search_term',
    ['field', 'term', 'tiebreak', 'person_id', 'unit_id', 'archived_at'],
    terms,
  )
  await engine.insertMany(
    em,
    'guardianship',
    ['guardian_id', 'participant_id', 'relation', 'primary_contact', 'may_pick_up', 'created_at'],
    guardianships.map((link) => [
      ids[link.guardian],
      ids[link.participant],
      link.relation,
      link.primaryContact,
      link.mayPickUp,
      at,
    ]),
  )
  return ids
}
