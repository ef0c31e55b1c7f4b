import type { BatchOutcome, EnrolmentState } from '../../shared/contract/enrolments'
import { AppError } from '../../shared/errors'
import type { Handler } from '../core/handler'
import { activityLabel, loadActivities } from './activityRules'
import { actorOf, clip, describeOutcomes, done, enrolmentsOrFail, groupBy, refused } from './commandSupport'
import type { EnrolmentRow } from './enrolmentEntities'
import { priorityOf } from './priority'
import { fullName, personFacts, personProblems } from './problems'
import { allowed, changeState, changeStates } from './stateMachine'

const TARGET: Record<'approve' | 'reject' | 'waitlist', EnrolmentState> = {
  approve: 'approved',
  reject: 'rejected',
  waitlist: 'waitlisted',
}

/**
 * Approves, rejects or waitlists up to 100 enrolments, each on its own: approving checks the
 * activity's rules and takes seats through the guarded counter, so a full activity answers
 * `full` for those beyond its capacity (deciding `waitlist` then puts them on the waitlist).
 * The enrolments of one activity in one state change together, in the order given.
 */
export const decide: Handler<'enrolments/decide'> = async ({ ids, decision, reason }, ctx) => {
  const { em } = ctx
  const rows = await enrolmentsOrFail(em, ids)
  // Every activity of the batch (and its camp) in two queries, not two per activity.
  const activities = await loadActivities(
    em,
    rows.map((row) => row.activityId),
  )
  const activityOf = async (id: number) => {
    const found = activities.get(id)
    if (!found) throw new AppError('NOT_FOUND', `No activity ${id}`)
    return found
  }
  const units = new Set<number>()
  for (const row of rows) units.add((await activityOf(row.activityId)).row.unitId)
  for (const unitId of units) await ctx.authorize('enrolments.decide', unitId)
  const people = await personFacts(em, [...new Set(rows.map((row) => row.personId))])
  const actor = actorOf(ctx)
  const to = TARGET[decision]
  const outcomes = new Map<number, BatchOutcome>()
  const ready: EnrolmentRow[] = []
  for (const row of rows) {
    const activity = await activityOf(row.activityId)
    const [problem] = !allowed(row.state, to)
      ? [{ code: 'wrong_state' as const, params: { state: row.state } }]
      : to === 'approved'
        ? personProblems(activity, people.get(row.personId)!, actor.today)
        : []
    if (problem) outcomes.set(row.id, refused(row.personId, row, problem))
    else ready.push(row)
  }
  for (const group of groupBy(ready, (row) => `${row.activityId} ${row.state}`)) {
    const activity = await activityOf(group[0].activityId)
    if (to === 'waitlisted') {
      // Each enters the waitlist with the priority its own rules give.
      for (const row of group) {
        const reasons = await priorityOf(em, activity, row.personId, actor.today)
        const changed = await changeState(em, actor, activity, row, to, {
          reason,
          priority: { value: reasons.length, reasons },
        })
        outcomes.set(row.id, done(changed!))
      }
      continue
    }
    const changed = await changeStates(em, actor, activity, group, to, { reason })
    group.forEach((row, i) => {
      const saved = changed[i]
      outcomes.set(row.id, saved ? done(saved) : refused(row.personId, row, { code: 'full' }))
    })
  }
  const ordered = rows.map((row) => outcomes.get(row.id)!)
  const names = new Map([...people].map(([id, person]) => [id, fullName(person)]))
  const first = await activityOf(rows[0].activityId)
  ctx.audit.target = `activity:${first.row.id}`
  ctx.audit.summary = clip(
    `Decided (${decision}) in ${activityLabel(first)}${reason ? ` – ${reason}` : ''}: ${describeOutcomes(ordered, names)}`,
  )
  return ordered
}
