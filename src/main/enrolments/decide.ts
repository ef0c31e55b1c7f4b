import type { BatchOutcome, EnrolmentState } from '../../shared/contract/enrolments'
import type { Handler } from '../core/handler'
import { activityCache, activityLabel } from './activityRules'
import { actorOf, clip, describeOutcomes, done, enrolmentsOrFail, refused } from './commandSupport'
import { priorityOf } from './priority'
import { fullName, personFacts, personProblems } from './problems'
import { allowed, changeState } from './stateMachine'

const TARGET: Record<'approve' | 'reject' | 'waitlist', EnrolmentState> = {
  approve: 'approved',
  reject: 'rejected',
  waitlist: 'waitlisted',
}

/**
 * Approves, rejects or waitlists up to 100 enrolments, each on its own: approving checks the
 * activity's rules and takes a seat through the guarded counter, so a full activity answers
 * `full` for that one (and deciding `waitlist` then puts it on the waitlist).
 */
export const decide: Handler<'enrolments/decide'> = async ({ ids, decision, reason }, ctx) => {
  const { em } = ctx
  const rows = await enrolmentsOrFail(em, ids)
  const activityOf = activityCache(em)
  for (const row of rows) await ctx.authorize('enrolments.decide', (await activityOf(row.activityId)).row.unitId)
  const people = await personFacts(em, [...new Set(rows.map((row) => row.personId))])
  const actor = actorOf(ctx)
  const to = TARGET[decision]
  const outcomes: BatchOutcome[] = []
  for (const row of rows) {
    const activity = await activityOf(row.activityId)
    if (!allowed(row.state, to)) {
      outcomes.push(refused(row.personId, row, { code: 'wrong_state', params: { state: row.state } }))
      continue
    }
    if (to === 'approved') {
      const [problem] = personProblems(activity, people.get(row.personId)!, actor.today)
      if (problem) {
        outcomes.push(refused(row.personId, row, problem))
        continue
      }
    }
    const reasons = to === 'waitlisted' ? await priorityOf(em, activity, row.personId, actor.today) : []
    const changed = await changeState(em, actor, activity, row, to, {
      reason,
      priority: to === 'waitlisted' ? { value: reasons.length, reasons } : undefined,
    })
    outcomes.push(changed ? done(changed) : refused(row.personId, row, { code: 'full' }))
  }
  const names = new Map([...people].map(([id, person]) => [id, fullName(person)]))
  const first = await activityOf(rows[0].activityId)
  ctx.audit.target = `activity:${first.row.id}`
  ctx.audit.summary = clip(
    `Decided (${decision}) in ${activityLabel(first)}${reason ? ` – ${reason}` : ''}: ${describeOutcomes(outcomes, names)}`,
  )
  return outcomes
}
