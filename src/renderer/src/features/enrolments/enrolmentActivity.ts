import type { Activity, PriceOption } from '@shared/contract/activities'
import { call } from '../../api/client'

/** The price options one enrols with: the activity's own, or for a camp's turn the camp's. */
export async function priceOptionsOf(activity: Activity): Promise<PriceOption[]> {
  const own = activity.priceOptions.filter((option) => !option.archived)
  if (own.length > 0 || activity.parentId === null) return own
  const camp = await call('activities/get', { id: activity.parentId })
  return camp.priceOptions.filter((option) => !option.archived)
}
