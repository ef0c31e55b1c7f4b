import type { EntityManager } from 'typeorm'
import type { PersonInputData } from '../../shared/contract/people'
import { AppError } from '../../shared/errors'
import { versionedUpdate } from '../database/versionedUpdate'
import { billingJson } from './personMapping'
import { derivedNameColumns, searchTerms } from './personDerived'
import { PersonSchema, type PersonRow } from './personEntities'

/** Contact columns of someone whose contacts were never given (or were erased). */
export const NO_CONTACTS = {
  email: null,
  phones: '[]',
  street: '',
  city: '',
  postalCode: '',
  country: '',
  healthNotes: '',
  dietaryNotes: '',
  billing: billingJson(undefined),
}

export async function personOrFail(em: EntityManager, id: number): Promise<PersonRow> {
  // Plain SQL hydrated by the driver as TypeORM would: findOneBy's query building costs more than the read.
  const [raw]: Record<string, unknown>[] = await em.query('SELECT * FROM person WHERE id = ?', [id])
  if (!raw) throw new AppError('NOT_FOUND', `No person ${id}`)
  const { driver } = em.connection
  const row: Record<string, unknown> = {}
  for (const column of em.connection.getMetadata(PersonSchema).columns) {
    row[column.propertyName] = driver.prepareHydratedValue(raw[column.databaseName], column)
  }
  return row as unknown as PersonRow
}

/** Column values for an input; without contacts in the input, the stored contacts stay. */
export function columnsOf(input: PersonInputData) {
  const { contacts } = input
  return {
    unitId: input.unitId,
    firstName: input.firstName,
    lastName: input.lastName,
    birthDate: input.birthDate,
    sex: input.sex,
    school: input.school,
    schoolClass: input.schoolClass,
    photoConsent: input.photoConsent,
    member: input.member,
    memberUntil: input.member ? input.memberUntil : null,
    notes: input.notes,
    ...(contacts && {
      email: contacts.email,
      phones: JSON.stringify(contacts.phones),
      ...contacts.address,
      healthNotes: contacts.healthNotes,
      dietaryNotes: contacts.dietaryNotes,
      billing: billingJson(contacts.billing),
    }),
    ...derivedNameColumns(input.firstName, input.lastName),
  }
}

export async function insertPerson(em: EntityManager, input: PersonInputData, now: Date): Promise<PersonRow> {
  const at = now.toISOString()
  const row = await em.save(PersonSchema, {
    ...NO_CONTACTS,
    ...columnsOf(input),
    archivedAt: null,
    anonymisedAt: null,
    createdAt: at,
    updatedAt: at,
  })
  await writeSearchTerms(em, row)
  return row
}

/** Saves the input over the version it was filled from (CONFLICT stale_record otherwise). */
export async function updatePerson(
  em: EntityManager,
  row: PersonRow,
  input: PersonInputData,
  expectedVersion: number,
  now: Date,
): Promise<PersonRow> {
  const changes = { ...columnsOf(input), updatedAt: now.toISOString() }
  const version = await versionedUpdate(em, PersonSchema, { id: row.id }, expectedVersion, changes)
  const updated = { ...row, ...changes, version }
  await writeSearchTerms(em, updated)
  return updated
}

/** Replaces the person's search terms with those of the stored name and contacts. */
export async function writeSearchTerms(em: EntityManager, row: PersonRow): Promise<void> {
  await em.query('DELETE FROM person_search_term WHERE person_id = ?', [row.id])
  if (row.anonymisedAt) return
  const terms = searchTerms({
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    phones: JSON.parse(row.phones) as string[],
  })
  if (terms.length === 0) return
  await em.query(
    `INSERT INTO person_search_term (field, term, tiebreak, person_id, unit_id, archived_at)
     VALUES ${terms.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
    terms.flatMap((term) => [term.field, term.term, term.tiebreak, row.id, row.unitId, row.archivedAt]),
  )
}

/** The terms' copy of the archiving (see the SearchTermFilters migration), after it changes alone. */
export async function writeSearchTermArchiving(em: EntityManager, id: number, archivedAt: string | null) {
  await em.query('UPDATE person_search_term SET archived_at = ? WHERE person_id = ?', [archivedAt, id])
}
