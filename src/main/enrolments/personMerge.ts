import type { EntityManager } from 'typeorm'
import { AppError } from '../../shared/errors'
import { LIVE_STATES } from './liveStates'

const LIVE = LIVE_STATES.map((state) => `'${state}'`).join(', ')

/**
 * Two records of one child merged: their enrolments become one person's. Both holding a live
 * place in the same activity would break "one live enrolment per person and activity": the merge
 * stops and says where, so staff withdraw one of the two first (history is never dropped silently).
 */
export async function mergeEnrolments(em: EntityManager, keepId: number, removeId: number): Promise<void> {
  const [both]: { name: string }[] = await em.query(
    `SELECT a.name FROM enrolment kept
     JOIN enrolment dup ON dup.activity_id = kept.activity_id
     JOIN activity a ON a.id = kept.activity_id
     WHERE kept.person_id = ? AND dup.person_id = ? AND kept.state IN (${LIVE}) AND dup.state IN (${LIVE})
     ORDER BY a.id LIMIT 1`,
    [keepId, removeId],
  )
  if (both) {
    throw AppError.conflict(
      'merge_both_enrolled',
      `Both records are enrolled in ${both.name}: withdraw one of them there first`,
    )
  }
  await em.query('UPDATE enrolment SET person_id = ? WHERE person_id = ?', [keepId, removeId])
}
