import { Not, type EntityManager } from 'typeorm'
import type { ActivitySession } from '../../shared/contract/activities'
import { AppError } from '../../shared/errors'
import type { ContextHandlers } from '../core/handler'
import { SchoolYearSchema } from '../calendar/calendarEntities'
import { versionedUpdate } from '../database/versionedUpdate'
import { ActivityLeaderSchema, ActivitySchema, ActivitySessionSchema, ActivitySlotSchema } from './activityEntities'
import type { ActivityRow } from './activityEntities'
import { activityOrFail } from './activityStore'
import { findClashes, settleClashes } from './clashes'
import { assertPlacesUsable } from './places'
import { generateSessions, listSessions, noticeParticipants, placeNames, toSession } from './sessions'
import type { Leader } from '../../shared/contract/activities'

async function sessionOrFail(em: EntityManager, id: number) {
  const row = await em.findOneBy(ActivitySessionSchema, { id })
  if (!row) throw new AppError('NOT_FOUND', `No session ${id}`)
  return row
}

/** A turn's leaders and place are its camp's. */
async function leadersOf(em: EntityManager, activity: ActivityRow): Promise<Leader[]> {
  const rows = await em.findBy(ActivityLeaderSchema, { activityId: activity.parentId ?? activity.id })
  return rows.map((row) => (row.staffUserId !== null ? { staffUserId: row.staffUserId } : { personId: row.personId! }))
}

async function defaultPlace(em: EntityManager, activity: ActivityRow, slotId: number | null): Promise<number | null> {
  const slot = slotId === null ? null : await em.findOneBy(ActivitySlotSchema, { id: slotId })
  if (slot?.placeId) return slot.placeId
  if (activity.placeId !== null) return activity.placeId
  if (activity.parentId === null) return null
  return (await em.findOneBy(ActivitySchema, { id: activity.parentId }))?.placeId ?? null
}

function outsideDates(activity: ActivityRow, date: string): AppError | null {
  if (date >= activity.startsOn && date <= activity.endsOn) return null
  return AppError.conflict('session_outside_term', `The date lies outside the activity's dates`, {
    date: {
      code: 'session_outside_term',
      message: 'Outside the activity’s dates',
      params: { from: activity.startsOn, to: activity.endsOn },
    },
  })
}

const when = (s: { date: string; startsAt: string | null; endsAt: string | null }) =>
  `${s.date}${s.startsAt ? ` ${s.startsAt}–${s.endsAt ?? ''}` : ''}`

export const sessionHandlers: Pick<
  ContextHandlers<'activities'>,
  | 'activities/list-sessions'
  | 'activities/regenerate-sessions'
  | 'activities/plan-school-year'
  | 'activities/cancel-session'
  | 'activities/move-session'
  | 'activities/add-session'
> = {
  'activities/list-sessions': async ({ activityId }, { em, now }) => {
    await activityOrFail(em, activityId)
    const turns = await em.find(ActivitySchema, { select: { id: true }, where: { parentId: activityId } })
    return listSessions(em, [activityId, ...turns.map((turn) => turn.id)], now)
  },

  'activities/regenerate-sessions': async ({ activityId }, { em, authorize, audit, now }) => {
    const activity = await activityOrFail(em, activityId)
    await authorize('activities.edit', activity.unitId)
    const turns = (await em.find(ActivitySchema, { select: { id: true }, where: { parentId: activityId } })).map(
      (turn) => turn.id,
    )
    const planned = await generateSessions(em, [activityId, ...turns], now, { onlyFuture: true })
    audit.target = `activity:${activityId}`
    audit.summary = `Planned the future sessions of ${activity.name} again from the calendar (${planned} planned)`
    return (await listSessions(em, [activityId, ...turns], now)).summary
  },

  'activities/plan-school-year': async ({ schoolYearId }, { em, authorizeCentre, audit, now }) => {
    await authorizeCentre('activities.edit')
    const year = await em.findOneBy(SchoolYearSchema, { id: schoolYearId })
    if (!year) throw new AppError('NOT_FOUND', `No school year ${schoolYearId}`)
    const clubs = await em.find(ActivitySchema, {
      select: { id: true },
      where: { schoolYearId, kind: 'club', state: Not('cancelled') },
      order: { id: 'ASC' },
    })
    // One call for all of them: the calendar is read once, the sessions written in a few statements.
    const sessions = await generateSessions(
      em,
      clubs.map((club) => club.id),
      now,
      { onlyFuture: true },
    )
    audit.target = `school_year:${schoolYearId}`
    audit.summary = `Planned the future sessions of ${clubs.length} club(s) of ${year.name} again from the calendar (${sessions} planned)`
    return { clubs: clubs.length, sessions }
  },

  'activities/cancel-session': async ({ id, expectedVersion, reason }, { em, authorize, audit, now, session }) => {
    const row = await sessionOrFail(em, id)
    const activity = await activityOrFail(em, row.activityId)
    await authorize('activities.edit', activity.unitId)
    if (row.state !== 'planned')
      throw new AppError('CONFLICT', 'The session is cancelled already', undefined, {
        reason: 'wrong_state',
        params: { state: row.state },
      })
    const version = await versionedUpdate(em, ActivitySessionSchema, { id }, expectedVersion, {
      state: 'cancelled',
      cancelReason: reason,
    })
    const told = await noticeParticipants(
      em,
      'session_cancelled',
      row,
      { activityName: activity.name, date: row.date, startsAt: row.startsAt, endsAt: row.endsAt, reason },
      session.userId,
      now,
    )
    audit.target = `activity:${activity.id}`
    audit.summary = `Cancelled the session of ${activity.name} on ${when(row)} (${reason}); ${told} participant(s) to be told`
    const updated = { ...row, state: 'cancelled' as const, cancelReason: reason, version }
    return toSession(updated, await placeNames(em), now)
  },

  'activities/move-session': async (input, { em, authorize, audit, now, session }) => {
    const row = await sessionOrFail(em, input.id)
    const activity = await activityOrFail(em, row.activityId)
    await authorize('activities.edit', activity.unitId)
    if (row.state !== 'planned')
      throw new AppError('CONFLICT', 'A cancelled session cannot be moved', undefined, {
        reason: 'wrong_state',
        params: { state: row.state },
      })
    const outside = outsideDates(activity, input.date)
    if (outside) throw outside
    await assertPlacesUsable(
      em,
      [{ path: 'placeId', placeId: input.placeId }],
      new Set(row.placeId ? [row.placeId] : []),
    )
    const moved = { date: input.date, startsAt: input.startsAt, endsAt: input.endsAt, placeId: input.placeId }
    const clashes = await findClashes(
      em,
      [{ ...moved, placeId: input.placeId ?? (await defaultPlace(em, activity, row.slotId)) }],
      await leadersOf(em, activity),
      activity.parentId ?? activity.id,
    )
    const overridden = settleClashes(clashes, input.clashOverride)
    const movedFrom = row.movedFrom ?? row.date
    const version = await versionedUpdate(em, ActivitySessionSchema, { id: row.id }, input.expectedVersion, {
      ...moved,
      movedFrom,
    })
    const told = await noticeParticipants(
      em,
      'session_moved',
      row,
      { activityName: activity.name, from: when(row), to: when(moved), placeId: input.placeId },
      session.userId,
      now,
    )
    audit.target = `activity:${activity.id}`
    audit.summary = `Moved the session of ${activity.name} from ${when(row)} to ${when(moved)}; ${told} participant(s) to be told${overridden}`
    return toSession({ ...row, ...moved, movedFrom, version }, await placeNames(em), now)
  },

  'activities/add-session': async (input, { em, authorize, audit, now }) => {
    const activity = await activityOrFail(em, input.activityId)
    await authorize('activities.edit', activity.unitId)
    if (activity.state === 'cancelled' || activity.state === 'finished')
      throw new AppError('CONFLICT', `A ${activity.state} activity takes no new sessions`, undefined, {
        reason: 'wrong_state',
        params: { state: activity.state },
      })
    const outside = outsideDates(activity, input.date)
    if (outside) throw outside
    await assertPlacesUsable(em, [{ path: 'placeId', placeId: input.placeId }])
    const planned = { date: input.date, startsAt: input.startsAt, endsAt: input.endsAt, placeId: input.placeId }
    const clashes = await findClashes(
      em,
      [{ ...planned, placeId: input.placeId ?? (await defaultPlace(em, activity, null)) }],
      await leadersOf(em, activity),
      activity.parentId ?? activity.id,
    )
    const overridden = settleClashes(clashes, input.clashOverride)
    const saved = await em.save(ActivitySessionSchema, {
      activityId: activity.id,
      slotId: null,
      ...planned,
      state: 'planned',
      kind: 'make_up',
      movedFrom: null,
      cancelReason: null,
      createdAt: now.toISOString(),
    })
    audit.target = `activity:${activity.id}`
    audit.summary = `Added a make-up session of ${activity.name} on ${when(planned)}${overridden}`
    return toSession(saved, await placeNames(em), now) satisfies ActivitySession
  },
}
