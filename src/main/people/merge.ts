import type { EntityManager } from 'typeorm'
import {
  IDENTITY_FIELDS,
  NOTES_MAX,
  type FamilyLink,
  type IdentityField,
  type MergeField,
  type PersonFile,
  type PersonInputData,
} from '../../shared/contract/people'
import { AppError } from '../../shared/errors'
import { engineOf } from '../database/engines'
import { contactsOf } from './personMapping'
import { PersonSchema, type PersonRow } from './personEntities'
import { mergeEnrolments } from '../enrolments/personMerge'
import { isOwnAncestor } from './family'
import { saveMergeSnapshot } from './mergeSnapshot'
import { personReferences, type PersonReference } from './personReferences'
import { columnsOf, personOrFail, updatePerson, writeSearchTermArchiving } from './personStore'

/**
 * Tables whose rows need more than "point them at the kept record". Every other table that
 * references a person is moved as it is; a unique key that would collide stops the merge
 * (CONFLICT merge_collision) rather than lose a row.
 */
const SPECIAL_TABLES: Record<string, (em: EntityManager, keepId: number, removeId: number) => Promise<void>> = {
  // Derived from the name and contacts: rebuilt for the kept record after the merge.
  person_search_term: (em, _keepId, removeId) =>
    em.query('DELETE FROM person_search_term WHERE person_id = ?', [removeId]),
  guardianship: mergeGuardianships,
  // One live enrolment per person and activity: both enrolled in one activity stops the merge.
  enrolment: mergeEnrolments,
}

export const SPECIALLY_MERGED_TABLES = Object.keys(SPECIAL_TABLES)

/** Rows kept for the merge itself, not the person's own: left out of the counts the user is shown. */
const BOOKKEEPING_TABLES = ['person_search_term', 'person_merge']

/** Both records were linked to the same relative: one link stays, with the wider of the two permissions. */
async function mergeGuardianships(em: EntityManager, keepId: number, removeId: number): Promise<void> {
  // A link between the two records themselves would become a link to oneself.
  await em.query(
    'DELETE FROM guardianship WHERE (guardian_id = ? AND participant_id = ?) OR (guardian_id = ? AND participant_id = ?)',
    [keepId, removeId, removeId, keepId],
  )
  for (const [mine, other] of [
    ['guardian_id', 'participant_id'],
    ['participant_id', 'guardian_id'],
  ]) {
    // Booleans on PostgreSQL, 0/1 on SQLite: the larger is the wider permission on both.
    const { greatest } = engineOf(em)
    await em.query(
      `UPDATE guardianship AS kept SET
         primary_contact = ${greatest('kept.primary_contact', 'dup.primary_contact')},
         may_pick_up = ${greatest('kept.may_pick_up', 'dup.may_pick_up')}
       FROM guardianship AS dup
       WHERE kept.${mine} = ? AND dup.${mine} = ? AND kept.${other} = dup.${other}`,
      [keepId, removeId],
    )
    await em.query(
      `DELETE FROM guardianship WHERE ${mine} = ? AND ${other} IN (SELECT ${other} FROM guardianship WHERE ${mine} = ?)`,
      [removeId, keepId],
    )
    await em.query(`UPDATE guardianship SET ${mine} = ? WHERE ${mine} = ?`, [keepId, removeId])
  }
}

async function moveReferences(em: EntityManager, reference: PersonReference, keepId: number, removeId: number) {
  try {
    await em.query(`UPDATE "${reference.table}" SET "${reference.column}" = ? WHERE "${reference.column}" = ?`, [
      keepId,
      removeId,
    ])
  } catch (error) {
    if (!engineOf(em).isUniqueViolation(error)) throw error
    throw AppError.conflict('merge_collision', `Both records have the same row in ${reference.table}`)
  }
}

/** How many rows of each table point at the person; tables with none are left out (nothing of theirs moves). */
export async function referenceCounts(em: EntityManager, personId: number) {
  const counts: { table: string; count: number }[] = []
  for (const reference of await personReferences(em)) {
    if (BOOKKEEPING_TABLES.includes(reference.table)) continue
    const [{ count }]: { count: number }[] = await em.query(
      `SELECT CAST(COUNT(*) AS integer) AS count FROM "${reference.table}" WHERE "${reference.column}" = ?`,
      [personId],
    )
    const same = counts.find((entry) => entry.table === reference.table)
    if (same) same.count += count
    else counts.push({ table: reference.table, count })
  }
  return counts.filter((entry) => entry.count > 0)
}

type FieldValues = Record<MergeField, unknown>
type ContactsInput = NonNullable<PersonInputData['contacts']>

function fieldValues(row: PersonRow): FieldValues {
  const contacts = contactsOf(row)
  return {
    firstName: row.firstName,
    lastName: row.lastName,
    birthDate: row.birthDate,
    sex: row.sex,
    unitId: row.unitId,
    school: row.school,
    schoolClass: row.schoolClass,
    photoConsent: Boolean(row.photoConsent),
    membership: { member: Boolean(row.member), until: row.memberUntil },
    email: contacts.email,
    phones: contacts.phones,
    address: contacts.address,
    healthNotes: contacts.healthNotes,
    dietaryNotes: contacts.dietaryNotes,
    billing: contacts.billing,
  }
}

/** Fields kept from both records rather than chosen: losing an allergy or a phone is worse than repeating one. */
const COMBINED: readonly MergeField[] = ['healthNotes', 'dietaryNotes', 'phones']
const MAX_PHONES = 3

/** A "no" (no photo consent, not a member) is an answer, not a gap to fill from the other record. */
function isEmpty(value: unknown): boolean {
  if (value === null || value === '') return true
  if (Array.isArray(value)) return value.length === 0
  if (typeof value === 'object') return Object.values(value).every(isEmpty)
  return false
}

/** Fields both records fill in differently: the user decides which one stays. */
export function mergeConflicts(keep: PersonRow, remove: PersonRow): MergeField[] {
  const a = fieldValues(keep)
  const b = fieldValues(remove)
  return (Object.keys(a) as MergeField[]).filter(
    (field) =>
      !COMBINED.includes(field) &&
      !isEmpty(a[field]) &&
      !isEmpty(b[field]) &&
      JSON.stringify(a[field]) !== JSON.stringify(b[field]),
  )
}

function joinTexts(...texts: string[]): string {
  return [...new Set(texts.map((text) => text.trim()).filter((text) => text !== ''))].join('\n\n')
}

/** The kept record's values, those chosen from the other one, and the other's wherever the kept one is empty. */
function mergedInput(keep: PersonRow, remove: PersonRow, take: readonly MergeField[]): PersonInputData {
  const a = fieldValues(keep)
  const b = fieldValues(remove)
  const pick = <F extends MergeField>(field: F) => (take.includes(field) || isEmpty(a[field]) ? b[field] : a[field])
  const membership = pick('membership') as { member: boolean; until: string | null }
  const phones = [...new Set([...(a.phones as string[]), ...(b.phones as string[])])]
  if (phones.length > MAX_PHONES) throw mergeRefused('merge_too_many_phones', 'Together the records have over 3 phones')
  const notes = joinTexts(keep.notes, remove.notes)
  if (notes.length > NOTES_MAX) throw mergeRefused('merge_notes_too_long', 'Together the notes are too long')
  return {
    unitId: pick('unitId') as number,
    firstName: pick('firstName') as string,
    lastName: pick('lastName') as string,
    birthDate: pick('birthDate') as string | null,
    sex: pick('sex') as PersonRow['sex'],
    school: pick('school') as string,
    schoolClass: pick('schoolClass') as string,
    photoConsent: pick('photoConsent') as boolean,
    member: membership.member,
    memberUntil: membership.until,
    notes,
    contacts: {
      email: pick('email') as string | null,
      phones,
      address: pick('address') as ContactsInput['address'],
      healthNotes: joinTexts(keep.healthNotes, remove.healthNotes),
      dietaryNotes: joinTexts(keep.dietaryNotes, remove.dietaryNotes),
      billing: pick('billing') as ContactsInput['billing'],
    },
  }
}

/** Birth date or sex filled in on both records, differently: perhaps two people after all. */
export function identityDifferences(keep: PersonRow, remove: PersonRow): IdentityField[] {
  return IDENTITY_FIELDS.filter(
    (field) => keep[field] !== null && remove[field] !== null && keep[field] !== remove[field],
  )
}

function archivedAfterMerge(keep: PersonRow, remove: PersonRow): string | null {
  // Either record still in use keeps the merged one in the register.
  return keep.archivedAt && remove.archivedAt ? keep.archivedAt : null
}

/** The kept record as the merge will leave it, written nowhere: for the preview. */
export function mergedRow(keep: PersonRow, remove: PersonRow, take: readonly MergeField[]): PersonRow {
  return { ...keep, ...columnsOf(mergedInput(keep, remove, take)), archivedAt: archivedAfterMerge(keep, remove) }
}

/** Both records' links to the same relative become one, with the wider permissions (as mergeGuardianships does). */
function joinLinks(links: FamilyLink[], pair: readonly number[]): FamilyLink[] {
  const byPerson = new Map<number, FamilyLink>()
  for (const link of links) {
    if (pair.includes(link.person.id)) continue
    const same = byPerson.get(link.person.id)
    byPerson.set(
      link.person.id,
      same
        ? {
            ...same,
            primaryContact: same.primaryContact || link.primaryContact,
            mayPickUp: same.mayPickUp || link.mayPickUp,
          }
        : link,
    )
  }
  return [...byPerson.values()]
}

/** The family view after the merge: the merged person with the links of both records. */
export function mergedFile(keep: PersonFile, remove: PersonFile, merged: PersonFile['person']): PersonFile {
  const pair = [keep.person.id, remove.person.id]
  return {
    person: merged,
    guardians: joinLinks([...keep.guardians, ...remove.guardians], pair),
    children: joinLinks([...keep.children, ...remove.children], pair),
  }
}

export interface MergeRequest {
  keepId: number
  removeId: number
  take: readonly MergeField[]
  /** The user has seen that birth dates or sexes differ and still wants one record. */
  confirmDifferences: boolean
  staffUserId: number | null
  now: Date
}

/**
 * Folds `removeId` into `keepId`: every referencing row moves, then the duplicate row goes.
 * What the duplicate held is kept as a snapshot (its id returned) for the audit row to point at.
 */
export async function mergePeople(
  em: EntityManager,
  request: MergeRequest,
): Promise<{ row: PersonRow; snapshotId: number }> {
  const { keepId, removeId, now } = request
  const keep = await personOrFail(em, keepId)
  const remove = await personOrFail(em, removeId)
  const differences = identityDifferences(keep, remove)
  if (differences.length > 0 && !request.confirmDifferences) {
    throw mergeRefused('merge_needs_confirmation', `The records differ in ${differences.join(' and ')}: confirm first`)
  }
  const handled = new Set<string>()
  for (const reference of await personReferences(em)) {
    const special = SPECIAL_TABLES[reference.table]
    if (!special) await moveReferences(em, reference, keepId, removeId)
    else if (!handled.has(reference.table)) await special(em, keepId, removeId)
    handled.add(reference.table)
  }
  if (await isOwnAncestor(em, keepId)) {
    throw mergeRefused('merge_cycle', 'One record is a guardian of a guardian of the other')
  }
  // Read in this transaction: the merge counts as one more save of the kept record.
  const merged = await updatePerson(em, keep, mergedInput(keep, remove, request.take), keep.version, now)
  const archivedAt = archivedAfterMerge(keep, remove)
  // TypeORM's update counts one more version too.
  const unarchived = archivedAt !== keep.archivedAt
  if (unarchived) {
    await em.update(PersonSchema, { id: keepId }, { archivedAt })
    await writeSearchTermArchiving(em, keepId, archivedAt)
  }
  const snapshotId = await saveMergeSnapshot(em, {
    keptPersonId: keepId,
    removedPersonId: removeId,
    mergedAt: now.toISOString(),
    staffUserId: request.staffUserId,
    snapshot: JSON.stringify(snapshotOf(remove)),
  })
  // Foreign keys refuse this if any row still points at the duplicate: nothing is lost silently.
  await em.query('DELETE FROM person WHERE id = ?', [removeId])
  return { row: { ...merged, archivedAt, version: merged.version + (unarchived ? 1 : 0) }, snapshotId }
}

/** Every field of the removed record a person could recognise it by, as it was. */
function snapshotOf(row: PersonRow) {
  return {
    id: row.id,
    ...fieldValues(row),
    notes: row.notes,
    archivedAt: row.archivedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }
}

function mergeRefused(reason: string, message: string): AppError {
  return AppError.conflict(reason, message)
}
