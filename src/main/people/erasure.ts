import type { EntityManager } from 'typeorm'
import type { Logger } from '../core/logger'
import type { Database } from '../database/database'
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

/** Every table `anonymise` overwrites or deletes from. */
export const ERASED_TABLES = ['person', 'person_search_term', 'guardianship', 'person_merge']

// Databases already warned about: the same refusal on every erasure would drown the log.
const warned = new WeakSet<Database>()

/**
 * After the erasure committed: the engine cleans what may still hold the old values (SQLite's
 * write-ahead log, PostgreSQL's dead row versions). A role that may not clean is named once.
 */
export async function cleanAfterErasure(database: Database, logger: Logger): Promise<void> {
  const refused = await database.engine.afterErasure(database.dataSource, ERASED_TABLES)
  if (refused.length === 0 || warned.has(database)) return
  warned.add(database)
  logger.warn(
    `Erased values may stay in the server's files until its autovacuum runs: this desk's role does not own ` +
      `${refused.join(', ')} and may not VACUUM them (PostgreSQL 17 and later: GRANT MAINTAIN to the desk role)`,
  )
}
