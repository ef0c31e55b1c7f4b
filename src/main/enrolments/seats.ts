import type { EntityManager } from 'typeorm'
import type { EnrolmentState } from '../../shared/contract/enrolments'
import { ActivitySchema } from '../activities/activityEntities'

/** The activity counter of each live state; the other states are history and count nowhere. */
const COUNTERS: Partial<Record<EnrolmentState, string>> = {
  applied: 'applied_count',
  approved: 'approved_count',
  waitlisted: 'waitlisted_count',
  offered: 'offered_count',
}

/** Approved and offered enrolments hold a seat. */
export const holdsSeat = (state: EnrolmentState | null) => state === 'approved' || state === 'offered'

/**
 * Moves `count` enrolments of an activity from one state's counter to another's in one guarded
 * UPDATE. When seats are taken the statement itself refuses to pass the capacity, so two desks
 * approving the last seat serialize on this row and one of them finds no row changed.
 * Returns false when there were not enough seats (nothing changed).
 */
export async function shiftCounters(
  em: EntityManager,
  activityId: number,
  from: EnrolmentState | null,
  to: EnrolmentState,
  count = 1,
): Promise<boolean> {
  const deltas = new Map<string, number>()
  const add = (column: string | undefined, delta: number) => {
    if (column) deltas.set(column, (deltas.get(column) ?? 0) + delta)
  }
  add(from ? COUNTERS[from] : undefined, -count)
  add(COUNTERS[to], count)
  const changes = [...deltas].filter(([, delta]) => delta !== 0)
  const seats = (holdsSeat(to) ? count : 0) - (holdsSeat(from) ? count : 0)
  if (changes.length === 0) return true
  const set: Record<string, () => string> = {}
  for (const [column, delta] of changes) {
    const property = column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase())
    set[property] = () => `"${column}" + (${delta})`
  }
  let query = em.createQueryBuilder().update(ActivitySchema).set(set).where('id = :activityId', { activityId })
  if (seats > 0) {
    query = query.andWhere('(capacity IS NULL OR approved_count + offered_count + :seats <= capacity)', { seats })
  }
  const result = await query.execute()
  return result.affected === 1
}
