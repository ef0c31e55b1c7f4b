import type { BatchOutcome } from '../../shared/contract/enrolments'
import type { Handler } from '../core/handler'
import { activityCache, activityLabel, registrationOpen } from './activityRules'
import { actorOf, clip, describeOutcomes, done, enrolmentsOrFail, refused } from './commandSupport'
import { offerFreedSeats } from './freedSeats'
import { fullName, personFacts } from './problems'
import { holdsSeat } from './seats'
import { allowed, changeState } from './stateMachine'

/**
 * Withdraws up to 100 enrolments (history kept). The public's withdrawals need open registration;
 * staff with the permission withdraw regardless. Each freed seat goes the one freed-seat way.
 */
export const withdraw: Handler<'enrolments/withdraw'> = async ({ ids, reason, source }, ctx) => {
  const { em } = ctx
  const rows = await enrolmentsOrFail(em, ids)
  const activityOf = activityCache(em)
  const people = await personFacts(em, [...new Set(rows.map((row) => row.personId))])
  for (const row of rows) {
    if (source === 'staff') await ctx.authorize('enrolments.decide', (await activityOf(row.activityId)).row.unitId)
    else await ctx.authorize('people.view', people.get(row.personId)!.unitId)
  }
  const actor = actorOf(ctx)
  const outcomes: BatchOutcome[] = []
  const freed = new Set<number>()
  for (const row of rows) {
    const activity = await activityOf(row.activityId)
    if (!allowed(row.state, 'withdrawn')) {
      outcomes.push(refused(row.personId, row, { code: 'wrong_state', params: { state: row.state } }))
      continue
    }
    if (source === 'application' && !registrationOpen(activity, actor.today)) {
      outcomes.push(refused(row.personId, row, { code: 'registration_closed' }))
      continue
    }
    const changed = await changeState(em, actor, activity, row, 'withdrawn', { reason })
    if (holdsSeat(row.state)) freed.add(row.activityId)
    outcomes.push(done(changed!))
  }
  for (const activityId of freed) await offerFreedSeats(em, activityId, actor)
  const names = new Map([...people].map(([id, person]) => [id, fullName(person)]))
  const first = await activityOf(rows[0].activityId)
  ctx.audit.target = `activity:${first.row.id}`
  ctx.audit.summary = clip(
    `Withdrew from ${activityLabel(first)}${reason ? ` – ${reason}` : ''}: ${describeOutcomes(outcomes, names)}`,
  )
  return outcomes
}
