// Relative imports: this file is pure and is also type-checked with the node project (its tests).
import { localDate } from '../../../../shared/calendarDate'
import type { Activity } from '../../../../shared/contract/activities'
import { BATCH_MAX } from '../../../../shared/contract/enrolments'

/** Applications from the public are taken only inside the registration window (both ends included). */
export function registrationOpen(
  activity: Pick<Activity, 'registrationOpens' | 'registrationCloses'>,
  today: string = localDate(),
): boolean {
  const { registrationOpens: opens, registrationCloses: closes } = activity
  return (opens === null || opens <= today) && (closes === null || today <= closes)
}

/** Seats left against capacity (approved and offered seats are taken); null when there is no limit. */
export function freeSeats(activity: Pick<Activity, 'capacity' | 'seats'>): number | null {
  if (activity.capacity === null) return null
  return Math.max(0, activity.capacity - activity.seats.approved - activity.seats.offered)
}

/** Splits what the desk selected into batches main accepts (at most BATCH_MAX each). */
export function chunks<T>(items: readonly T[], size: number = BATCH_MAX): T[][] {
  const out: T[][] = []
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size))
  return out
}

/**
 * The picker's list with one more person: unchanged for someone already on it, refused (`full`)
 * once it holds as many as one batch may send, so the 101st is stopped in the dialog itself.
 */
export function addChosen<T extends { id: number }>(
  chosen: readonly T[],
  person: T,
  max: number = BATCH_MAX,
): { chosen: T[]; full: boolean } {
  if (chosen.some((other) => other.id === person.id)) return { chosen: [...chosen], full: false }
  if (chosen.length >= max) return { chosen: [...chosen], full: true }
  return { chosen: [...chosen, person], full: false }
}
