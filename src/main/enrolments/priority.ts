import type { EntityManager } from 'typeorm'
import type { PriorityRule } from '../../shared/contract/activities'
import type { Activity } from './activityRules'

/** A member today: the flag set and the membership not run out. */
export async function isActiveMember(em: EntityManager, personId: number, today: string): Promise<boolean> {
  const rows: { member: boolean | number; until: string | null }[] = await em.query(
    'SELECT member, member_until AS "until" FROM person WHERE id = ?',
    [personId],
  )
  const row = rows[0]
  return Boolean(row?.member) && (row.until === null || row.until >= today)
}

/** A sibling (a child sharing a guardian) already approved in this activity. */
export async function hasApprovedSibling(em: EntityManager, activityId: number, personId: number): Promise<boolean> {
  const rows: unknown[] = await em.query(
    `SELECT 1 FROM guardianship mine
     JOIN guardianship theirs ON theirs.guardian_id = mine.guardian_id AND theirs.participant_id <> mine.participant_id
     JOIN enrolment e ON e.person_id = theirs.participant_id AND e.activity_id = ? AND e.state = 'approved'
     WHERE mine.participant_id = ? LIMIT 1`,
    [activityId, personId],
  )
  return rows.length > 0
}

/**
 * Returning: approved (or withdrawn after approval) in the activity this one was copied from,
 * or in an earlier activity with the same code.
 */
async function isReturning(em: EntityManager, activity: Activity, personId: number): Promise<boolean> {
  const rows: unknown[] = await em.query(
    `SELECT 1 FROM enrolment e JOIN activity a ON a.id = e.activity_id
     WHERE e.person_id = ? AND e.activity_id <> ? AND e.state IN ('approved', 'withdrawn')
       AND (a.id = ? OR (a.code = ? AND a.starts_on < ?))
       AND EXISTS (SELECT 1 FROM enrolment_change c WHERE c.enrolment_id = e.id AND c.to_state = 'approved')
     LIMIT 1`,
    [personId, activity.row.id, activity.row.copiedFromId ?? 0, activity.row.code, activity.row.startsOn],
  )
  return rows.length > 0
}

/** Which of the activity's priority rules lift this person on its waitlist. */
export async function priorityOf(
  em: EntityManager,
  activity: Activity,
  personId: number,
  today: string,
): Promise<PriorityRule[]> {
  const checks: Record<PriorityRule, () => Promise<boolean>> = {
    returning: () => isReturning(em, activity, personId),
    sibling: () => hasApprovedSibling(em, activity.row.id, personId),
    member: () => isActiveMember(em, personId, today),
  }
  const applied: PriorityRule[] = []
  for (const rule of activity.priorityRules) if (await checks[rule]()) applied.push(rule)
  return applied
}

export interface WaitlistEntry {
  id: number
  priority: number
  appliedAt: string
  queuePosition: number | null
}

/**
 * The waitlist in the order seats are offered: by how many rules lift someone, then time of
 * application, then id; someone moved by staff stands at the place they were moved to.
 */
export function orderWaitlist<T extends WaitlistEntry>(entries: readonly T[]): T[] {
  const byRules = entries
    .filter((entry) => entry.queuePosition === null)
    .sort((a, b) => b.priority - a.priority || compareText(a.appliedAt, b.appliedAt) || a.id - b.id)
  const moved = entries
    .filter((entry) => entry.queuePosition !== null)
    .sort((a, b) => a.queuePosition! - b.queuePosition! || a.id - b.id)
  const order = [...byRules]
  for (const entry of moved) order.splice(Math.min(entry.queuePosition! - 1, order.length), 0, entry)
  return order
}

/** Code point order, as both databases compare ISO instants. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
