import type { EntityManager } from 'typeorm'
import { ActivitySchema } from '../activities/activityEntities'
import { freeSeats, loadActivity, type Activity } from './activityRules'
import { EnrolmentSchema, type EnrolmentRow } from './enrolmentEntities'
import { orderWaitlist } from './priority'
import { changeState, type Actor } from './stateMachine'

/** When an offer made now runs out. */
export function offerExpiry(activity: Activity, now: Date): string {
  return new Date(now.getTime() + activity.offerHours * 3_600_000).toISOString()
}

/** The activity's waitlist in the order seats are offered. */
export async function waitlistOf(em: EntityManager, activityId: number): Promise<EnrolmentRow[]> {
  return orderWaitlist(await em.find(EnrolmentSchema, { where: { activityId, state: 'waitlisted' } }))
}

/**
 * The one path of a freed seat — a withdrawal, an approval undone, an offer lapsed or declined,
 * capacity raised: while seats are free and someone waits, the first on the waitlist is offered
 * one (with an expiry and a notice) when the activity offers seats automatically; otherwise
 * nothing happens here and staff offer the seat with `enrolments/offer-seat`.
 * Returns the enrolments offered a seat.
 */
export async function offerFreedSeats(em: EntityManager, activityId: number, actor: Actor): Promise<EnrolmentRow[]> {
  const activity = await loadActivity(em, activityId)
  if (activity.seatOffers !== 'automatic' || activity.cancelled || activity.row.state !== 'published') return []
  const offered: EnrolmentRow[] = []
  const waitlist = await waitlistOf(em, activityId)
  for (const waiting of waitlist) {
    // Re-read: every offer takes a seat, and the counters are the truth.
    const row = await em.findOneByOrFail(ActivitySchema, { id: activityId })
    if (freeSeats(row) === 0) break
    const changed = await changeState(em, actor, { ...activity, row }, waiting, 'offered', {
      offerExpiresAt: offerExpiry(activity, actor.now),
    })
    if (!changed) break
    offered.push(changed)
  }
  return offered
}
