import type { ContextHandlers } from '../core/handler'
import { activityOrFail, listActivities, loadActivity, today } from './activityStore'
import { validateActivity } from './activityValidation'
import { createActivity, updateActivity } from './activityWrite'
import { candidatesOf, findClashes, settleClashes } from './clashes'
import { copyToYear } from './copyToYear'
import { cancel, finish, publish, remove } from './lifecycle'
import { placeHandlers } from './places'
import { sessionHandlers } from './sessionHandlers'

export const activitiesHandlers: ContextHandlers<'activities'> = {
  ...placeHandlers,
  ...sessionHandlers,

  'activities/list': (filter, { em }) => listActivities(em, filter),

  'activities/get': ({ id }, { em, now }) => loadActivity(em, id, now),

  'activities/check-clashes': async ({ id, activity }, { em, now }) =>
    findClashes(em, await candidatesOf(em, activity, today(now)), activity.leaders, id),

  'activities/create': async ({ activity, clashOverride }, { em, authorize, audit, now }) => {
    await authorize('activities.edit', activity.unitId)
    await validateActivity(em, activity, null)
    const overridden = settleClashes(
      await findClashes(em, await candidatesOf(em, activity, today(now)), activity.leaders, null),
      clashOverride,
    )
    const id = await createActivity(em, activity, now)
    audit.target = `activity:${id}`
    audit.summary = `Created ${activity.kind} ${activity.code} ${activity.name}${overridden}`
    return loadActivity(em, id, now)
  },

  'activities/update': async (
    { id, expectedVersion, activity, clashOverride },
    { em, authorize, audit, now, session },
  ) => {
    await authorize('activities.edit', activity.unitId)
    const existing = await activityOrFail(em, id)
    if (existing.unitId !== activity.unitId) await authorize('activities.edit', existing.unitId)
    await validateActivity(em, activity, existing)
    const overridden = settleClashes(
      await findClashes(em, await candidatesOf(em, activity, today(now)), activity.leaders, id),
      clashOverride,
    )
    const changes = await updateActivity(em, existing, expectedVersion, activity, now, session.userId)
    audit.target = `activity:${id}`
    audit.summary = `Changed ${activity.kind} ${activity.code} ${activity.name}${changes.length > 0 ? ` (${changes.join('; ')})` : ''}${overridden}`
    return loadActivity(em, id, now)
  },

  'activities/publish': async ({ id, expectedVersion }, { em, authorize, audit, now }) => {
    const row = await activityOrFail(em, id)
    await authorize('activities.edit', row.unitId)
    await publish(em, row, expectedVersion, now)
    audit.target = `activity:${id}`
    audit.summary = `Published ${row.code} ${row.name}`
    return loadActivity(em, id, now)
  },

  'activities/finish': async ({ id, expectedVersion }, { em, authorize, audit, now }) => {
    const row = await activityOrFail(em, id)
    await authorize('activities.edit', row.unitId)
    await finish(em, row, expectedVersion, now)
    audit.target = `activity:${id}`
    audit.summary = `Finished ${row.code} ${row.name}`
    return loadActivity(em, id, now)
  },

  'activities/cancel': async ({ id, expectedVersion, reason, feeAction }, { em, authorize, audit, now, session }) => {
    const row = await activityOrFail(em, id)
    await authorize('activities.edit', row.unitId)
    const withdrawn = await cancel(em, row, expectedVersion, { reason, feeAction, staffUserId: session.userId }, now)
    audit.target = `activity:${id}`
    audit.summary = `Cancelled ${row.code} ${row.name} (${reason}); ${withdrawn} enrolment(s) withdrawn, fees: ${feeAction}`
    return loadActivity(em, id, now)
  },

  'activities/delete': async ({ id, expectedVersion }, { em, authorize, audit }) => {
    const row = await activityOrFail(em, id)
    await authorize('activities.edit', row.unitId)
    await remove(em, row, expectedVersion)
    audit.target = `activity:${id}`
    audit.summary = `Deleted ${row.kind} ${row.code} ${row.name}`
    return { id }
  },

  'activities/copy-to-year': async ({ id, schoolYearId, termId }, { em, authorize, audit, now }) => {
    const source = await activityOrFail(em, id)
    await authorize('activities.edit', source.unitId)
    const copyId = await copyToYear(em, source, schoolYearId, termId, now)
    audit.target = `activity:${copyId}`
    audit.summary = `Copied ${source.code} ${source.name} (activity ${id}) into school year ${schoolYearId} as a draft`
    return loadActivity(em, copyId, now)
  },
}
