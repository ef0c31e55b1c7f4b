import type { EntityManager } from 'typeorm'
import { PersonSchema, sortProperty, type PersonRow } from './personEntities'
import { eraseMergeSnapshots } from './mergeSnapshot'
import { NO_CONTACTS } from './personStore'
import { SORT_LOCALES } from './sorting/collationKey'

/**
 * Overwrites everything that identifies the person. The row itself stays, so ledger entries,
 * receipts and attendance keep pointing at it and every total stays the same; family links
 * go, as they would name the person through their relatives, and so do the records merged into it.
 */
export async function anonymise(em: EntityManager, row: PersonRow, now: Date): Promise<PersonRow> {
  const at = now.toISOString()
  const blank = {
    firstName: '',
    lastName: '',
    birthDate: null,
    sex: null,
    ...NO_CONTACTS,
    school: '',
    schoolClass: '',
    photoConsent: false,
    member: false,
    memberUntil: null,
    notes: '',
    archivedAt: row.archivedAt ?? at,
    anonymisedAt: at,
    updatedAt: at,
    firstFold: '',
    lastFold: '',
    nameKey: '',
    ...Object.fromEntries(SORT_LOCALES.map((locale) => [sortProperty(locale), ''])),
  }
  await em.update(PersonSchema, { id: row.id }, blank)
  await em.query('DELETE FROM person_search_term WHERE person_id = ?', [row.id])
  await em.query('DELETE FROM guardianship WHERE guardian_id = ? OR participant_id = ?', [row.id, row.id])
  await eraseMergeSnapshots(em, row.id)
  return { ...row, ...blank }
}
