import type { EntityManager } from 'typeorm'
import { yearsBefore } from '../../shared/calendarDate'
import type { DuplicateCandidate, DuplicateReason } from '../../shared/contract/people'
import { SUMMARY_COLUMNS, summaryFromSql, type SummarySource } from './personMapping'
import { emailTerm, nameKey, phoneTerms, TERM_FIELD } from './personDerived'
import type { UnitAccess } from './unitAccess'

export interface DuplicateProbe {
  firstName: string
  lastName: string
  birthDate: string | null
  email: string | null
  phones: readonly string[]
  excludeId?: number
}

const LIMIT = 10
const ADULT_AGE = 18

/**
 * Records that are probably the same person: the same name (in either order, any case or
 * accents) and birth date, or, between adults, the same e-mail or phone number.
 */
export async function findDuplicates(
  em: EntityManager,
  probe: DuplicateProbe,
  access: UnitAccess,
  today: string,
): Promise<DuplicateCandidate[]> {
  const reasons = new Map<number, Set<DuplicateReason>>()
  const note = (ids: { id: number }[], reason: DuplicateReason) => {
    for (const { id } of ids) {
      if (id === probe.excludeId) continue
      if (!reasons.has(id)) reasons.set(id, new Set())
      reasons.get(id)?.add(reason)
    }
  }
  const key = nameKey(probe.firstName, probe.lastName)
  if (probe.firstName.trim() && probe.lastName.trim() && key) {
    // No birth date matches no birth date (PostgreSQL has no `IS ?` for a bound value).
    const birth = probe.birthDate === null ? 'birth_date IS NULL' : 'birth_date = ?'
    note(
      await em.query(
        `SELECT id FROM person WHERE name_key = ? AND ${birth} AND anonymised_at IS NULL LIMIT ${LIMIT}`,
        probe.birthDate === null ? [key] : [key, probe.birthDate],
      ),
      'name_birth_date',
    )
  }
  // Children often carry a parent's phone or e-mail: shared contacts only make two adults suspect.
  const adult = (birthDate: string | null) => birthDate === null || birthDate <= yearsBefore(today, ADULT_AGE)
  if (!adult(probe.birthDate)) return candidatesOf(em, reasons, access, today)
  const byTerm = (field: number, term: string) =>
    em.query(`SELECT person_id AS id FROM person_search_term WHERE field = ? AND term = ? LIMIT ${LIMIT}`, [
      field,
      term,
    ])
  if (probe.email?.includes('@')) note(await byTerm(TERM_FIELD.email, emailTerm(probe.email)), 'email')
  for (const phone of probe.phones) {
    const national = phoneTerms(phone).at(-1)
    if (national && national.length >= 6) note(await byTerm(TERM_FIELD.phone, national), 'phone')
  }
  const candidates = await candidatesOf(em, reasons, access, today)
  return candidates
    .map((candidate) => {
      // A shared phone or e-mail is itself a contact: told only to staff who may see the candidate's.
      const contacts = access.allows('people.contacts', candidate.person.unitId) && adult(candidate.person.birthDate)
      return { ...candidate, reasons: candidate.reasons.filter((reason) => contacts || reason === 'name_birth_date') }
    })
    .filter((candidate) => candidate.reasons.length > 0)
}

async function candidatesOf(
  em: EntityManager,
  reasons: Map<number, Set<DuplicateReason>>,
  access: UnitAccess,
  today: string,
): Promise<DuplicateCandidate[]> {
  if (reasons.size === 0) return []
  const visible = access.unitsWith('people.view')
  const rows: SummarySource[] = await em.query(
    `SELECT ${SUMMARY_COLUMNS} FROM person p WHERE p.id IN (${[...reasons.keys()].join(', ')}) ORDER BY p.id`,
  )
  return rows
    .filter((row) => visible === null || visible.includes(row.unit_id))
    .map((row) => ({ person: summaryFromSql(row, access, today), reasons: [...(reasons.get(row.id) ?? [])] }))
}
