import { In, type EntityManager } from 'typeorm'
import type {
  Activity,
  ActivityKind,
  ActivityListRow,
  ActivityState,
  LeaderView,
  PriorityRule,
  SeatCounts,
  SessionSummary,
  WeeklySlot,
} from '../../shared/contract/activities'
import { AppError } from '../../shared/errors'
import { PersonSchema } from '../people/personEntities'
import { StaffUserSchema } from '../staff/staffEntities'
import { UnitSchema } from '../units/unitEntity'
import {
  ActivityLeaderSchema,
  ActivitySchema,
  ActivitySlotSchema,
  PriceOptionSchema,
  type ActivityLeaderRow,
  type ActivityRow,
  type ActivitySlotRow,
} from './activityEntities'

/** Ids per statement: well under SQLite's and PostgreSQL's limits on bound parameters. */
export const ID_CHUNK = 900

export function chunks<T>(items: readonly T[], size = ID_CHUNK): T[][] {
  const parts: T[][] = []
  for (let start = 0; start < items.length; start += size) parts.push(items.slice(start, start + size))
  return parts
}

/** Rows of `schema` whose `column` is one of `ids`, in a few set queries whatever the number of ids. */
export async function findByIds<T extends object>(
  em: EntityManager,
  schema: Parameters<EntityManager['findBy']>[0],
  column: string,
  ids: readonly number[],
): Promise<T[]> {
  const rows: T[] = []
  for (const part of chunks([...new Set(ids)])) rows.push(...((await em.findBy(schema, { [column]: In(part) })) as T[]))
  return rows
}

export const today = (now: Date) => now.toISOString().slice(0, 10)

export async function activityOrFail(em: EntityManager, id: number): Promise<ActivityRow> {
  const row = await em.findOneBy(ActivitySchema, { id })
  if (!row) throw new AppError('NOT_FOUND', `No activity ${id}`)
  return row
}

export const seatsOf = (row: ActivityRow): SeatCounts => ({
  approved: row.approvedCount,
  offered: row.offeredCount,
  waitlisted: row.waitlistedCount,
  applied: row.appliedCount,
})

export const slotOf = (row: ActivitySlotRow): WeeklySlot => ({
  weekday: row.weekday,
  startsAt: row.startsAt,
  endsAt: row.endsAt,
  placeId: row.placeId,
})

const bySlotOrder = (a: ActivitySlotRow, b: ActivitySlotRow) =>
  a.weekday - b.weekday || (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : a.id - b.id)

/** Leaders with the names people know them by: a staff member's display name, a person's full name. */
export async function leaderViews(em: EntityManager, rows: ActivityLeaderRow[]): Promise<Map<number, LeaderView[]>> {
  const staffIds = rows.flatMap((row) => (row.staffUserId === null ? [] : [row.staffUserId]))
  const personIds = rows.flatMap((row) => (row.personId === null ? [] : [row.personId]))
  const staff = new Map(
    (await findByIds<{ id: number; displayName: string }>(em, StaffUserSchema, 'id', staffIds)).map((s) => [
      s.id,
      s.displayName,
    ]),
  )
  const people = new Map(
    (await findByIds<{ id: number; firstName: string; lastName: string }>(em, PersonSchema, 'id', personIds)).map(
      (p) => [p.id, `${p.firstName} ${p.lastName}`],
    ),
  )
  const views = new Map<number, LeaderView[]>()
  for (const row of [...rows].sort((a, b) => a.id - b.id)) {
    const name = row.staffUserId !== null ? staff.get(row.staffUserId) : people.get(row.personId ?? 0)
    const list = views.get(row.activityId) ?? []
    list.push({ staffUserId: row.staffUserId, personId: row.personId, name: name ?? '' })
    views.set(row.activityId, list)
  }
  return views
}

export async function sessionSummary(em: EntityManager, activityIds: number[], now: Date): Promise<SessionSummary> {
  if (activityIds.length === 0) return { promised: 0, held: 0, cancelled: 0, makeUp: 0 }
  const [row] = (await em.query(
    `SELECT
       CAST(COALESCE(SUM(CASE WHEN "state" = 'planned' THEN 1 ELSE 0 END), 0) AS integer) AS "promised",
       CAST(COALESCE(SUM(CASE WHEN "state" = 'planned' AND "date" < ? THEN 1 ELSE 0 END), 0) AS integer) AS "held",
       CAST(COALESCE(SUM(CASE WHEN "state" = 'cancelled' THEN 1 ELSE 0 END), 0) AS integer) AS "cancelled",
       CAST(COALESCE(SUM(CASE WHEN "state" = 'planned' AND "kind" = 'make_up' THEN 1 ELSE 0 END), 0) AS integer) AS "makeUp"
     FROM "activity_session" WHERE "activity_id" IN (${activityIds.map(() => '?').join(', ')})`,
    [today(now), ...activityIds],
  )) as Record<keyof SessionSummary, number | string>[]
  return {
    promised: Number(row.promised),
    held: Number(row.held),
    cancelled: Number(row.cancelled),
    makeUp: Number(row.makeUp),
  }
}

const parseRules = (json: string): PriorityRule[] => JSON.parse(json) as PriorityRule[]

/** The activity as its page and form show it. */
export async function loadActivity(em: EntityManager, id: number, now: Date): Promise<Activity> {
  const row = await activityOrFail(em, id)
  const turnRows = await em.find(ActivitySchema, { where: { parentId: id }, order: { startsOn: 'ASC', id: 'ASC' } })
  const unit = await em.findOneBy(UnitSchema, { id: row.unitId })
  const slots = (await em.findBy(ActivitySlotSchema, { activityId: id })).sort(bySlotOrder)
  // A turn shares its camp's leaders and prices.
  const familyHead = row.parentId ?? id
  const leaders = await leaderViews(em, await em.findBy(ActivityLeaderSchema, { activityId: familyHead }))
  const prices = await em.find(PriceOptionSchema, {
    where: { activityId: familyHead },
    order: { position: 'ASC', id: 'ASC' },
  })
  return {
    id: row.id,
    parentId: row.parentId,
    kind: row.kind,
    unitId: row.unitId,
    unitName: unit?.name ?? '',
    code: row.code,
    name: row.name,
    description: row.description,
    placeId: row.placeId,
    capacity: row.capacity,
    minimum: row.minimum,
    ageMin: row.ageMin,
    ageMax: row.ageMax,
    ageReferenceDate: row.ageReferenceDate,
    schoolYearId: row.schoolYearId,
    termId: row.termId,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    slots: slots.map(slotOf),
    registrationOpens: row.registrationOpens,
    registrationCloses: row.registrationCloses,
    public: row.public,
    membersOnly: row.membersOnly,
    approval: row.approval,
    seatOffers: row.seatOffers,
    offerHours: row.offerHours,
    priorityRules: parseRules(row.priorityRules),
    state: row.state,
    leaders: leaders.get(familyHead) ?? [],
    turns: turnRows.map((turn) => ({
      id: turn.id,
      name: turn.name,
      startsOn: turn.startsOn,
      endsOn: turn.endsOn,
      capacity: turn.capacity ?? 0,
      minimum: turn.minimum,
      state: turn.state,
      seats: seatsOf(turn),
      version: turn.version,
    })),
    priceOptions: prices.map((price) => ({
      id: price.id,
      label: price.label,
      audience: price.audience,
      period: price.period,
      amount: price.amount,
      archived: price.archivedAt !== null,
    })),
    seats: seatsOf(row),
    cancelledAt: row.cancelledAt,
    cancelReason: row.cancelReason,
    copiedFromId: row.copiedFromId,
    sessions: await sessionSummary(em, [id, ...turnRows.map((turn) => turn.id)], now),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  }
}

export interface ListFilter {
  schoolYearId: number | null
  kind: ActivityKind | null
  state: ActivityState | null
  unitId: number | null
  text: string
}

interface ListedRow {
  id: number
  parentId: number | null
  kind: ActivityKind
  code: string
  name: string
  unitId: number
  state: ActivityState
  startsOn: string
  endsOn: string
  placeId: number | null
  capacity: number | null
  minimum: number
  approved: number
  offered: number
  waitlisted: number
  applied: number
}

const LISTED = `a."id" AS "id", a."parent_id" AS "parentId", a."kind" AS "kind", a."code" AS "code", a."name" AS "name",
  a."unit_id" AS "unitId", a."state" AS "state", a."starts_on" AS "startsOn", a."ends_on" AS "endsOn",
  a."place_id" AS "placeId", a."capacity" AS "capacity", a."minimum" AS "minimum",
  a."approved_count" AS "approved", a."offered_count" AS "offered", a."waitlisted_count" AS "waitlisted",
  a."applied_count" AS "applied"`

/**
 * The activity list with seats: the counters live on the rows; turns and slots come in one
 * statement each over the same filter, units and places from their small tables. Plain SQL
 * without entity hydration: 2 000 activities are a handful of statements and no N+1.
 */
export async function listActivities(em: EntityManager, filter: ListFilter): Promise<ActivityListRow[]> {
  const where = ['a."parent_id" IS NULL']
  const params: unknown[] = []
  const add = (sql: string, ...values: unknown[]) => {
    where.push(sql)
    params.push(...values)
  }
  if (filter.schoolYearId !== null) add('a."school_year_id" = ?', filter.schoolYearId)
  if (filter.kind !== null) add('a."kind" = ?', filter.kind)
  if (filter.state !== null) add('a."state" = ?', filter.state)
  if (filter.unitId !== null) add('a."unit_id" = ?', filter.unitId)
  const text = filter.text.trim().toLowerCase()
  if (text !== '') {
    const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    add(`(LOWER(a."name") LIKE ? ESCAPE '\\' OR LOWER(a."code") LIKE ? ESCAPE '\\')`, like, like)
  }
  const filtered = `SELECT a."id" FROM "activity" a WHERE ${where.join(' AND ')}`
  const rows = (await em.query(
    `SELECT ${LISTED} FROM "activity" a WHERE ${where.join(' AND ')} ORDER BY a."starts_on", a."name", a."id"`,
    params,
  )) as ListedRow[]
  const turns = (await em.query(
    `SELECT ${LISTED} FROM "activity" a WHERE a."parent_id" IN (${filtered})
     ORDER BY a."starts_on", a."id"`,
    params,
  )) as ListedRow[]
  const slots = (await em.query(
    `SELECT s."activity_id" AS "activityId", s."weekday" AS "weekday", s."starts_at" AS "startsAt",
            s."ends_at" AS "endsAt", s."place_id" AS "placeId"
     FROM "activity_slot" s WHERE s."activity_id" IN (${filtered})
     ORDER BY s."activity_id", s."weekday", s."starts_at", s."id"`,
    params,
  )) as (WeeklySlot & { activityId: number })[]
  const units = new Map(
    ((await em.query(`SELECT "id", "name" FROM "unit"`)) as { id: number; name: string }[]).map((u) => [
      Number(u.id),
      u.name,
    ]),
  )
  const places = new Map(
    ((await em.query(`SELECT "id", "name" FROM "place"`)) as { id: number; name: string }[]).map((p) => [
      Number(p.id),
      p.name,
    ]),
  )
  const slotsOf = new Map<number, WeeklySlot[]>()
  for (const { activityId, weekday, startsAt, endsAt, placeId } of slots) {
    const id = Number(activityId)
    let list = slotsOf.get(id)
    if (!list) slotsOf.set(id, (list = []))
    list.push({ weekday: Number(weekday), startsAt, endsAt, placeId: placeId === null ? null : Number(placeId) })
  }
  const turnsOf = new Map<number, ListedRow[]>()
  for (const turn of turns) {
    const parent = Number(turn.parentId)
    let list = turnsOf.get(parent)
    if (!list) turnsOf.set(parent, (list = []))
    list.push(turn)
  }
  const toRow = (row: ListedRow): ActivityListRow => {
    const id = Number(row.id)
    return {
      id,
      kind: row.kind,
      code: row.code,
      name: row.name,
      unitId: Number(row.unitId),
      unitName: units.get(Number(row.unitId)) ?? '',
      state: row.state,
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      slots: slotsOf.get(id) ?? [],
      placeName: row.placeId === null ? null : (places.get(Number(row.placeId)) ?? null),
      capacity: row.capacity === null ? null : Number(row.capacity),
      minimum: Number(row.minimum),
      seats: {
        approved: Number(row.approved),
        offered: Number(row.offered),
        waitlisted: Number(row.waitlisted),
        applied: Number(row.applied),
      },
      turns: (turnsOf.get(id) ?? []).map(toRow),
      parentId: row.parentId === null ? null : Number(row.parentId),
    }
  }
  return rows.map(toRow)
}
