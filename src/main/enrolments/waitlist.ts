import type { Handler } from '../core/handler'
import { activityLabel, loadActivity } from './activityRules'
import { actorOf, checkVersion, enrolmentOrFail } from './commandSupport'
import { versionedUpdate } from '../database/versionedUpdate'
import { EnrolmentSchema } from './enrolmentEntities'
import { enrolmentRows } from './enrolmentRows'
import { fullName, personFacts } from './problems'
import { recordMove, wrongState } from './stateMachine'

/** Staff put someone at a place on the waitlist; the place overrides the rules, the reason is history. */
export const moveInWaitlist: Handler<'enrolments/move-in-waitlist'> = async (
  { id, expectedVersion, position, reason },
  ctx,
) => {
  const { em } = ctx
  const row = await enrolmentOrFail(em, id)
  const activity = await loadActivity(em, row.activityId)
  await ctx.authorize('enrolments.decide', activity.row.unitId)
  checkVersion(row, expectedVersion)
  if (row.state !== 'waitlisted') throw wrongState(row.state, 'waitlisted')
  const actor = actorOf(ctx)
  await versionedUpdate(em, EnrolmentSchema, { id }, expectedVersion, {
    queuePosition: position,
    updatedAt: actor.now.toISOString(),
  })
  await recordMove(em, actor, id, `moved to place ${position}: ${reason}`)
  const person = (await personFacts(em, [row.personId])).get(row.personId)!
  ctx.audit.target = `activity:${activity.row.id}`
  ctx.audit.summary = `Moved ${fullName(person)} to place ${position} on the waitlist of ${activityLabel(activity)} – ${reason}`
  const rows = await enrolmentRows(em, "e.activity_id = ? AND e.state = 'waitlisted'", [activity.row.id], 'e.id')
  return rows.sort((a, b) => a.position! - b.position!)
}
