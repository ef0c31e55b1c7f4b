import type { EntityManager } from 'typeorm'
import type { FamilyLink, PersonFile, Relation } from '../../shared/contract/people'
import { AppError } from '../../shared/errors'
import { SUMMARY_COLUMNS, summaryFromSql, toPerson, type SummarySource } from './personMapping'
import type { PersonRow } from './personEntities'
import type { UnitAccess } from './unitAccess'

interface LinkSource extends SummarySource {
  guardianship_id: number
  relation: Relation
  primary_contact: number
  may_pick_up: number
}

/** A person with their guardians and children: the family view, in one indexed query. */
export async function personFile(
  em: EntityManager,
  row: PersonRow,
  access: UnitAccess,
  today: string,
): Promise<PersonFile> {
  const side = (name: string, otherSide: string, thisSide: string) =>
    `SELECT '${name}' AS side, g.id AS guardianship_id, g.relation, g.primary_contact, g.may_pick_up, ${SUMMARY_COLUMNS}
     FROM guardianship g JOIN person p ON p.id = g.${otherSide} WHERE g.${thisSide} = ?`
  // NULLS FIRST is SQLite's default order; PostgreSQL would put them last.
  const rows: (LinkSource & { side: 'guardian' | 'child' })[] = await em.query(
    `SELECT * FROM (${side('guardian', 'guardian_id', 'participant_id')}
       UNION ALL ${side('child', 'participant_id', 'guardian_id')}) AS family
     ORDER BY side, primary_contact DESC, birth_date NULLS FIRST, id`,
    [row.id, row.id],
  )
  const links = (which: 'guardian' | 'child') =>
    rows
      .filter((link) => link.side === which)
      .map((link): FamilyLink => ({
        guardianshipId: link.guardianship_id,
        relation: link.relation,
        primaryContact: Boolean(link.primary_contact),
        mayPickUp: Boolean(link.may_pick_up),
        person: summaryFromSql(link, access, today, row.unitId),
      }))
  return { person: toPerson(row, access, today), guardians: links('guardian'), children: links('child') }
}

function invalid(field: string, code: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, { [field]: { code, message } })
}

const ANCESTORS = `WITH RECURSIVE above(id) AS (
    SELECT guardian_id FROM guardianship WHERE participant_id = ?
    UNION SELECT g.guardian_id FROM guardianship g JOIN above ON g.participant_id = above.id
  )`

/** After a merge: is the person, through a chain of guardianships, their own guardian? */
export async function isOwnAncestor(em: EntityManager, personId: number): Promise<boolean> {
  const rows: unknown[] = await em.query(`${ANCESTORS} SELECT 1 FROM above WHERE id = ? LIMIT 1`, [personId, personId])
  return rows.length > 0
}

/** Refuses a child as their own guardian and any chain of guardianships that comes back to where it started. */
export async function assertLinkable(em: EntityManager, guardianId: number, participantId: number): Promise<void> {
  if (guardianId === participantId) {
    throw invalid('guardianId', 'own_guardian', 'A person cannot be their own guardian')
  }
  const [cycle]: unknown[] = await em.query(`${ANCESTORS} SELECT 1 FROM above WHERE id = ? LIMIT 1`, [
    guardianId,
    participantId,
  ])
  if (cycle) {
    throw invalid('guardianId', 'guardianship_cycle', 'The child is already a guardian of this guardian')
  }
  const [existing]: unknown[] = await em.query(
    'SELECT 1 FROM guardianship WHERE guardian_id = ? AND participant_id = ?',
    [guardianId, participantId],
  )
  if (existing) throw AppError.conflict('already_linked', 'These two are already linked')
}
