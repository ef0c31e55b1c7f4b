import type { EntityManager } from 'typeorm'
import type { ActivityInput, Clash, ClashOverride, Leader } from '../../shared/contract/activities'
import { AppError } from '../../shared/errors'
import { closedDays } from '../calendar/closedDays'
import { ActivityLeaderSchema, PlaceSchema } from './activityEntities'
import { chunks, findByIds, leaderViews } from './activityStore'
import { planSessions } from './sessionPlan'

/** A session to be held: its date, time (null = all day) and the place it is held in, if any. */
export interface ClashCandidate {
  date: string
  startsAt: string | null
  endsAt: string | null
  placeId: number | null
}

interface Found {
  activityId: number
  headId: number
  activityName: string
  date: string
  startsAt: string | null
  endsAt: string | null
  placeId: number | null
}

const overlaps = (a: { startsAt: string | null; endsAt: string | null }, b: typeof a) =>
  a.startsAt === null || a.endsAt === null || b.startsAt === null || b.endsAt === null
    ? true
    : a.startsAt < b.endsAt && b.startsAt < a.endsAt

/**
 * Other activities' planned sessions (of activities not cancelled) on the candidates' dates, at
 * overlapping times, in the same place (the session's, else its slot's, else the activity's or
 * its camp's) or with a shared leader (a turn's leaders are its camp's). `selfHeadId` excludes the
 * activity itself and its turns.
 */
export async function findClashes(
  em: EntityManager,
  candidates: ClashCandidate[],
  leaders: Leader[],
  selfHeadId: number | null,
): Promise<Clash[]> {
  const placeIds = [...new Set(candidates.flatMap((c) => (c.placeId === null ? [] : [c.placeId])))]
  const staffIds = leaders.flatMap((l) => ('staffUserId' in l ? [l.staffUserId] : []))
  const personIds = leaders.flatMap((l) => ('personId' in l ? [l.personId] : []))
  if (candidates.length === 0 || (placeIds.length === 0 && staffIds.length === 0 && personIds.length === 0)) return []
  const leaderRows = [
    ...(await findByIds<{ activityId: number; staffUserId: number | null; personId: number | null; id: number }>(
      em,
      ActivityLeaderSchema,
      'staffUserId',
      staffIds,
    )),
    ...(await findByIds<{ activityId: number; staffUserId: number | null; personId: number | null; id: number }>(
      em,
      ActivityLeaderSchema,
      'personId',
      personIds,
    )),
  ].filter((row) => row.activityId !== selfHeadId)
  const leaderHeads = [...new Set(leaderRows.map((row) => row.activityId))]
  if (placeIds.length === 0 && leaderHeads.length === 0) return []

  const dates = [...new Set(candidates.map((c) => c.date))]
  const found: Found[] = []
  const list = (values: readonly unknown[]) => values.map(() => '?').join(', ')
  const place = `COALESCE(s."place_id", sl."place_id", a."place_id", parent."place_id")`
  const head = `COALESCE(a."parent_id", a."id")`
  const who = [
    ...(placeIds.length > 0 ? [`${place} IN (${list(placeIds)})`] : []),
    ...(leaderHeads.length > 0 ? [`${head} IN (${list(leaderHeads)})`] : []),
  ].join(' OR ')
  for (const part of chunks(dates, 400)) {
    const rows = (await em.query(
      `SELECT s."activity_id" AS "activityId", ${head} AS "headId", a."name" AS "activityName", s."date" AS "date",
              s."starts_at" AS "startsAt", s."ends_at" AS "endsAt", ${place} AS "placeId"
       FROM "activity_session" s
       JOIN "activity" a ON a."id" = s."activity_id"
       LEFT JOIN "activity" parent ON parent."id" = a."parent_id"
       LEFT JOIN "activity_slot" sl ON sl."id" = s."slot_id"
       WHERE s."date" IN (${list(part)}) AND s."state" = 'planned' AND a."state" <> 'cancelled'
         AND ${head} <> ? AND (${who})
       ORDER BY s."date", s."starts_at", s."activity_id"`,
      [...part, selfHeadId ?? 0, ...placeIds, ...leaderHeads],
    )) as Found[]
    found.push(...rows.map((row) => ({ ...row, activityId: Number(row.activityId), headId: Number(row.headId) })))
  }
  if (found.length === 0) return []

  const placeNames = new Map(
    (await findByIds<{ id: number; name: string }>(em, PlaceSchema, 'id', placeIds)).map((p) => [p.id, p.name]),
  )
  const leaderNames = await leaderViews(em, leaderRows)
  const byDate = new Map<string, ClashCandidate[]>()
  for (const c of candidates) byDate.set(c.date, [...(byDate.get(c.date) ?? []), c])
  const clashes = new Map<string, Clash>()
  const add = (row: Found, what: Clash['what'], name: string) => {
    const key = `${row.activityId}|${row.date}|${row.startsAt}|${what}|${name}`
    if (!clashes.has(key))
      clashes.set(key, {
        activityId: row.activityId,
        activityName: row.activityName,
        date: row.date,
        startsAt: row.startsAt,
        endsAt: row.endsAt,
        what,
        name,
      })
  }
  for (const row of found) {
    const placeId = row.placeId === null ? null : Number(row.placeId)
    for (const candidate of byDate.get(row.date) ?? []) {
      if (!overlaps(candidate, row)) continue
      if (placeId !== null && candidate.placeId === placeId) add(row, 'place', placeNames.get(placeId) ?? '')
      for (const leader of leaderNames.get(row.headId) ?? []) add(row, 'leader', leader.name)
    }
  }
  return [...clashes.values()]
}

/**
 * The sessions saving `input` would plan from `from` on (past ones clash with nobody any more),
 * as clash candidates (a camp's turns: each turn's days).
 */
export async function candidatesOf(em: EntityManager, input: ActivityInput, from: string): Promise<ClashCandidate[]> {
  if (input.endsOn < input.startsOn) return []
  const closed = input.kind === 'club' ? await closedDays(em, input.startsOn, input.endsOn) : new Map()
  const ranges =
    input.kind === 'camp' && input.turns.length > 0
      ? input.turns.filter((t) => t.endsOn >= t.startsOn).map((t) => ({ startsOn: t.startsOn, endsOn: t.endsOn }))
      : [{ startsOn: input.startsOn, endsOn: input.endsOn }]
  return ranges.flatMap((range) =>
    planSessions({ ...input, ...range, slots: input.slots.map((slot) => ({ ...slot, id: null })) }, closed, from).map(
      (session) => ({ ...session, placeId: session.placeId ?? input.placeId }),
    ),
  )
}

/** A short account of the clashes for a message or an audit summary. */
export function describeClashes(clashes: Clash[]): string {
  const shown = clashes
    .slice(0, 5)
    .map((c) => `${c.activityName} on ${c.date}${c.startsAt ? ` ${c.startsAt}` : ''} (${c.what}: ${c.name})`)
  return `${shown.join('; ')}${clashes.length > 5 ? ` and ${clashes.length - 5} more` : ''}`
}

/**
 * Refuses clashes without an override (CONFLICT `clash`, nothing written); with one, answers the
 * words for the audit summary: the reason and what was overridden.
 */
export function settleClashes(clashes: Clash[], override: ClashOverride | null): string {
  if (clashes.length === 0) return ''
  if (!override)
    throw new AppError('CONFLICT', `Clashes with ${describeClashes(clashes)}`, undefined, {
      reason: 'clash',
      params: { count: clashes.length },
    })
  return `; clash overridden (${override.reason}): ${describeClashes(clashes)}`
}
