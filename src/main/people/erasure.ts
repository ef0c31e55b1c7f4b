import type { EntityManager } from 'typeorm'
import { billingJson } from './personMapping'
import { PersonSchema, type PersonRow } from './personEntities'
import { SORT_LOCALES } from './sorting/collationKey'

/**
 * Overwrites everything that identifies the person. The row itself stays, so ledger entries,
 * receipts and attendance keep pointing at it and every total stays the same; family links
 * go, as they would name the person through their relatives.
 */
export async function anonymise(em: EntityManager, row: PersonRow, now: Date): Promise<PersonRow> {
  const at = now.toISOString()
  const blank = {
    firstName: '',
    lastName: '',
    birthDate: null,
    sex: null,
    email: null,
    phones: '[]',
    street: '',
    city: '',
    postalCode: '',
    country: '',
    school: '',
    schoolClass: '',
    healthNotes: '',
    dietaryNotes: '',
    photoConsent: false,
    member: false,
    memberUntil: null,
    notes: '',
    billing: billingJson(undefined),
    archivedAt: row.archivedAt ?? at,
    anonymisedAt: at,
    updatedAt: at,
    firstFold: '',
    lastFold: '',
    nameKey: '',
    ...Object.fromEntries(SORT_LOCALES.map((locale) => [`sort${locale[0].toUpperCase()}${locale.slice(1)}`, ''])),
  }
  await em.update(PersonSchema, { id: row.id }, blank)
  await em.query('DELETE FROM person_search_term WHERE person_id = ?', [row.id])
  await em.query('DELETE FROM guardianship WHERE guardian_id = ? OR participant_id = ?', [row.id, row.id])
  return { ...row, ...blank }
}
