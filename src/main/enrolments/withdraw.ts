import type { BatchOutcome } from '../../shared/contract/enrolments'
import type { Handler } from '../core/handler'
import { activityCache, activityLabel, registrationOpen } from './activityRules'
import { actorOf, clip, describeOutcomes, done, enrolmentsOrFail, groupBy, refused } from './commandSupport'
import type { EnrolmentRow } from './enrolmentEntities'
import { offerFreedSeats } from './freedSeats'
import { fullName, personFacts } from './problems'
import { holdsSeat } from './seats'
import { allowed, changeStates } from './stateMachine'

/**
 * Withdraws up to 100 enrolments (history kept). The public's withdrawals need open registration;
 * staff with the permission withdraw regardless. Each freed seat goes the one freed-seat way.
 */
export const withdraw: Handler<'enrolments/withdraw'> = async ({ ids, reason, source }, ctx) => {
  const { em } = ctx
  const rows = await enrolmentsOrFail(em, ids)
  const activityOf = activityCache(em)
  const people = await personFacts(em, [...new Set(rows.map((row) => row.personId))])
  const units = new Set<number>()
  for (const row of rows) {
    units.add(source === 'staff' ? (await activityOf(row.activityId)).row.unitId : people.get(row.personId)!.unitId)
  }
  for (const unitId of units) await ctx.authorize(source === 'staff' ? 'enrolments.decide' : 'people.view', unitId)
  const actor = actorOf(ctx)
  const outcomes = new Map<number, BatchOutcome>()
  const ready: EnrolmentRow[] = []
  for (const row of rows) {
    const activity = await activityOf(row.activityId)
    if (!allowed(row.state, 'withdrawn')) {
      outcomes.set(row.id, refused(row.personId, row, { code: 'wrong_state', params: { state: row.state } }))
    } else if (source === 'application' && !registrationOpen(activity, actor.today)) {
      outcomes.set(row.id, refused(row.personId, row, { code: 'registration_closed' }))
    } else {
      ready.push(row)
    }
  }
  const freed = new Set<number>()
  for (const group of groupBy(ready, (row) => `${row.activityId} ${row.state}`)) {
    const changed = await changeStates(em, actor, await activityOf(group[0].activityId), group, 'withdrawn', { reason })
    group.forEach((row, i) => outcomes.set(row.id, done(changed[i]!)))
    if (holdsSeat(group[0].state)) freed.add(group[0].activityId)
  }
  for (const activityId of freed) await offerFreedSeats(em, activityId, actor)
  const ordered = rows.map((row) => outcomes.get(row.id)!)
  const names = new Map([...people].map(([id, person]) => [id, fullName(person)]))
  const first = await activityOf(rows[0].activityId)
  ctx.audit.target = `activity:${first.row.id}`
  ctx.audit.summary = clip(
    `Withdrew from ${activityLabel(first)}${reason ? ` – ${reason}` : ''}: ${describeOutcomes(ordered, names)}`,
  )
  return ordered
}
