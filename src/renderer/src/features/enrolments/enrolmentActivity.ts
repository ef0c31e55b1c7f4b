import { localDate } from '@shared/calendarDate'
import type { Activity, PriceOption } from '@shared/contract/activities'
import { call } from '../../api/client'

/** The price options one enrols with: the activity's own, or for a camp's turn the camp's. */
export async function priceOptionsOf(activity: Activity): Promise<PriceOption[]> {
  const own = activity.priceOptions.filter((option) => !option.archived)
  if (own.length > 0 || activity.parentId === null) return own
  const camp = await call('activities/get', { id: activity.parentId })
  return camp.priceOptions.filter((option) => !option.archived)
}

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
