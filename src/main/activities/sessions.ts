import { In, type EntityManager } from 'typeorm'
import type { ActivitySession, SessionSummary } from '../../shared/contract/activities'
import { closedDays } from '../calendar/closedDays'
import { engineOf } from '../database/engines'
import { EnrolmentSchema } from '../enrolments/enrolmentEntities'
import { NoticeSchema, type NoticeKind } from '../enrolments/enrolmentEntities'
import {
  ActivitySchema,
  ActivitySessionSchema,
  ActivitySlotSchema,
  PlaceSchema,
  type ActivityRow,
  type ActivitySessionRow,
  type ActivitySlotRow,
} from './activityEntities'
import { chunks, findByIds, sessionSummary, today } from './activityStore'
import { planSessions } from './sessionPlan'

const SESSION_COLUMNS = [
  'activity_id',
  'slot_id',
  'date',
  'starts_at',
  'ends_at',
  'place_id',
  'state',
  'kind',
  'moved_from',
  'cancel_reason',
  'created_at',
  'version',
] as const

const list = (values: readonly unknown[]) => values.map(() => '?').join(', ')

/**
 * Plans the dated sessions of the given activities in one go (a school year of 300 clubs is a
 * few statements): a camp with turns holds its sessions in the turns. With `onlyFuture`, the
 * future sessions nobody touched (planned, regular, never moved) are planned again, while
 * cancelled, moved, make-up and past ones stay, and no date is planned twice for one slot.
 */
export async function generateSessions(
  em: EntityManager,
  activityIds: number[],
  now: Date,
  { onlyFuture }: { onlyFuture: boolean },
): Promise<number> {
  if (activityIds.length === 0) return 0
  const activities = await findByIds<ActivityRow>(em, ActivitySchema, 'id', activityIds)
  const slots = await findByIds<ActivitySlotRow>(em, ActivitySlotSchema, 'activityId', activityIds)
  const withTurns = new Set(
    (await findByIds<ActivityRow>(em, ActivitySchema, 'parentId', activityIds)).map((turn) => turn.parentId),
  )
  const from = onlyFuture ? today(now) : '0000-01-01'
  const kept = new Set<string>()
  if (onlyFuture) {
    for (const part of chunks(activityIds)) {
      await em.query(
        `DELETE FROM "activity_session" WHERE "activity_id" IN (${list(part)}) AND "state" = 'planned'
           AND "kind" = 'regular' AND "moved_from" IS NULL AND "date" >= ?`,
        [...part, from],
      )
      const remaining = (await em.query(
        `SELECT "activity_id" AS "activityId", "slot_id" AS "slotId", COALESCE("moved_from", "date") AS "date"
         FROM "activity_session" WHERE "activity_id" IN (${list(part)}) AND "kind" = 'regular'`,
        part,
      )) as { activityId: number; slotId: number | null; date: string }[]
      for (const row of remaining) kept.add(`${Number(row.activityId)}|${row.date}|${row.slotId ?? ''}`)
    }
  } else {
    for (const part of chunks(activityIds))
      await em.query(`DELETE FROM "activity_session" WHERE "activity_id" IN (${list(part)})`, part)
  }
  const clubs = activities.filter((a) => a.kind === 'club')
  const closed =
    clubs.length === 0
      ? new Map()
      : await closedDays(
          em,
          clubs.reduce((min, a) => (a.startsOn < min ? a.startsOn : min), clubs[0].startsOn),
          clubs.reduce((max, a) => (a.endsOn > max ? a.endsOn : max), clubs[0].endsOn),
        )
  const slotsOf = new Map<number, ActivitySlotRow[]>()
  for (const slot of slots) slotsOf.set(slot.activityId, [...(slotsOf.get(slot.activityId) ?? []), slot])
  const createdAt = now.toISOString()
  const rows: unknown[][] = []
  for (const activity of activities) {
    if (withTurns.has(activity.id) || activity.state === 'cancelled') continue
    const planned = planSessions({ ...activity, slots: slotsOf.get(activity.id) ?? [] }, closed, from)
    for (const s of planned) {
      if (kept.has(`${activity.id}|${s.date}|${s.slotId ?? ''}`)) continue
      rows.push([
        activity.id,
        s.slotId,
        s.date,
        s.startsAt,
        s.endsAt,
        s.placeId,
        'planned',
        'regular',
        null,
        null,
        createdAt,
        1,
      ])
    }
  }
  await engineOf(em).insertMany(em, 'activity_session', SESSION_COLUMNS, rows)
  return rows.length
}

export function toSession(row: ActivitySessionRow, places: Map<number, string>, now: Date): ActivitySession {
  return {
    id: row.id,
    activityId: row.activityId,
    date: row.date,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    placeId: row.placeId,
    placeName: row.placeId === null ? null : (places.get(row.placeId) ?? null),
    state: row.state,
    kind: row.kind,
    movedFrom: row.movedFrom,
    cancelReason: row.cancelReason,
    held: row.state === 'planned' && row.date < today(now),
    version: row.version,
  }
}

export async function placeNames(em: EntityManager): Promise<Map<number, string>> {
  return new Map((await em.find(PlaceSchema)).map((place) => [place.id, place.name]))
}

/** An activity's sessions (a camp's: its turns' too) in date order, with the summary the club page shows. */
export async function listSessions(
  em: EntityManager,
  activityIds: number[],
  now: Date,
): Promise<{ sessions: ActivitySession[]; summary: SessionSummary }> {
  const rows = await em.find(ActivitySessionSchema, {
    where: { activityId: In(activityIds) },
    order: { date: 'ASC', startsAt: 'ASC', id: 'ASC' },
  })
  const places = await placeNames(em)
  return {
    sessions: rows.map((row) => toSession(row, places, now)),
    summary: await sessionSummary(em, activityIds, now),
  }
}

/**
 * A notice for the outbox to every live participant of the session's activity (approved and
 * offered seats): the guardians are to hear of a cancelled or moved session.
 */
export async function noticeParticipants(
  em: EntityManager,
  kind: NoticeKind,
  session: ActivitySessionRow,
  payload: Record<string, unknown>,
  staffUserId: number | null,
  now: Date,
): Promise<number> {
  const live = await em.find(EnrolmentSchema, {
    select: { id: true, personId: true },
    where: { activityId: session.activityId, state: In(['approved', 'offered']) },
    order: { id: 'ASC' },
  })
  const text = JSON.stringify(payload)
  const createdAt = now.toISOString()
  for (const part of chunks(live, 200)) {
    await em.insert(
      NoticeSchema,
      part.map((enrolment) => ({
        kind,
        activityId: session.activityId,
        sessionId: session.id,
        enrolmentId: enrolment.id,
        personId: enrolment.personId,
        payload: text,
        createdAt,
        createdBy: staffUserId,
        sentAt: null,
      })),
    )
  }
  return live.length
}
