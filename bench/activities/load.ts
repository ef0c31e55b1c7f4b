import type { EntityManager } from 'typeorm'
import type { Database } from '../../src/main/database/database'
import { engineOf } from '../../src/main/database/engines'
import type { DemoDataset } from '../../src/main/demo/dataset'
import { CLOSURES, SCHOOL_YEAR, TERMS } from './calendar'
import { planActivities, type ActivityPlan, type ActivitySizes } from './plan'

export interface LoadedActivities {
  activities: number
  sessions: number
  enrolments: number
  byState: Record<string, number>
}

type Query = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>

const COUNTERS = [
  ['approved_count', 'approved'],
  ['offered_count', 'offered'],
  ['waitlisted_count', 'waitlisted'],
  ['applied_count', 'applied'],
] as const

/**
 * Activities whose seat counters disagree with their enrolment rows, or whose taken seats
 * (approved + offered) exceed the capacity: none, after the load and after every scenario.
 */
export async function seatCounterMismatches(query: Query): Promise<number> {
  const differs = COUNTERS.map(
    ([column]) =>
      `a."${column}" <> (SELECT COUNT(*) FROM "enrolment" e WHERE e."activity_id" = a."id" AND e."state" = ?)`,
  ).join(' OR ')
  const [row] = await query(
    `SELECT CAST(COUNT(*) AS integer) AS "wrong" FROM "activity" a
     WHERE ${differs} OR (a."capacity" IS NOT NULL AND a."approved_count" + a."offered_count" > a."capacity")`,
    COUNTERS.map(([, state]) => state),
  )
  return Number(row.wrong)
}

/**
 * The centre's school year 2026/27 with its activities and enrolments, bulk-inserted in one
 * transaction on either engine (`engine.insertMany`, as the people's bulk load), over the people
 * of `dataset` already in the register (in data-set order). Nothing when activities exist.
 * Throws when the seat counters do not match the rows afterwards.
 */
export async function loadActivities(
  database: Database,
  dataset: DemoDataset,
  sizes: ActivitySizes,
  options: { seed: number; now?: Date },
): Promise<LoadedActivities | null> {
  const now = options.now ?? new Date()
  return database.dataSource.transaction(async (em) => {
    const [{ count }]: { count: number }[] = await em.query(
      'SELECT CAST(COUNT(*) AS integer) AS "count" FROM "activity"',
    )
    if (count > 0) return null
    const personIds = ((await em.query('SELECT "id" FROM "person" ORDER BY "id"')) as { id: number }[]).map((r) => r.id)
    if (personIds.length !== dataset.people.length)
      throw new Error(`The register holds ${personIds.length} people, the data set ${dataset.people.length}`)
    const indexOf = new Map(personIds.map((id, index) => [id, index]))
    const members = new Set(
      ((await em.query('SELECT "id" FROM "person" WHERE "member" = ?', [true])) as { id: number }[]).map((row) =>
        indexOf.get(row.id)!,
      ),
    )
    // Seat offers stay open past the run, so the app's periodic expiry never lapses one mid-figure.
    const offersExpireAt = new Date(now.getTime() + 7 * 86_400_000).toISOString()
    const plan = planActivities(dataset, {
      seed: options.seed,
      sizes,
      isMember: (i) => members.has(i),
      offersExpireAt,
    })
    await insertPlan(em, plan, dataset, personIds, now)
    const wrong = await seatCounterMismatches((sql, params) => em.query(sql, params))
    if (wrong > 0) throw new Error(`${wrong} activities' seat counters disagree with their enrolments`)
    const byState: Record<string, number> = {}
    for (const enrolment of plan.enrolments) byState[enrolment.state] = (byState[enrolment.state] ?? 0) + 1
    return {
      activities: plan.activities.filter((a) => a.parent === null).length,
      sessions: plan.sessions.length,
      enrolments: plan.enrolments.length,
      byState,
    }
  })
}

async function insertPlan(
  em: EntityManager,
  plan: ActivityPlan,
  dataset: DemoDataset,
  personIds: readonly number[],
  now: Date,
): Promise<void> {
  const engine = engineOf(em)
  const at = now.toISOString()
  const insert = (table: string, columns: string[], rows: unknown[][]) => engine.insertMany(em, table, columns, rows)
  const reserve = (table: string, n: number) => engine.reserveIds(em, table, n)
  const units: { id: number; name: string }[] = await em.query('SELECT "id", "name" FROM "unit"')
  const unitId = new Map(dataset.units.map((unit) => [unit.key, units.find((u) => u.name === unit.name)?.id]))
  const [staff]: { id: number }[] = await em.query('SELECT "id" FROM "staff_user" ORDER BY "id" LIMIT 1')
  const staffId = staff?.id ?? null

  const [yearId] = await reserve('school_year', 1)
  await insert(
    'school_year',
    ['id', 'name', 'starts_on', 'ends_on', 'created_at', 'version'],
    [[yearId, SCHOOL_YEAR.name, SCHOOL_YEAR.startsOn, SCHOOL_YEAR.endsOn, at, 1]],
  )
  const termIds = await reserve('term', TERMS.length)
  await insert(
    'term',
    ['id', 'school_year_id', 'name', 'starts_on', 'ends_on', 'version'],
    TERMS.map((term, i) => [termIds[i], yearId, term.name, term.startsOn, term.endsOn, 1]),
  )
  await insert(
    'closure',
    ['kind', 'name', 'starts_on', 'ends_on', 'source_uid', 'created_at', 'version'],
    CLOSURES.map((c) => [c.kind, c.name, c.startsOn, c.endsOn, null, at, 1]),
  )
  const placeIds = await reserve('place', plan.places.length)
  await insert(
    'place',
    ['id', 'name', 'kind', 'capacity', 'archived_at', 'created_at', 'version'],
    plan.places.map((place, i) => [placeIds[i], place.name, place.kind, place.capacity, null, at, 1]),
  )

  const activityIds = await reserve('activity', plan.activities.length)
  const counts = plan.activities.map(() => ({ approved: 0, offered: 0, waitlisted: 0, applied: 0 }))
  for (const enrolment of plan.enrolments) {
    const state = enrolment.state
    if (state === 'approved' || state === 'offered' || state === 'waitlisted' || state === 'applied')
      counts[enrolment.activity][state]++
  }
  const activityRow = (i: number) => {
    const a = plan.activities[i]
    const c = counts[i]
    return [
      ...[activityIds[i], unitId.get(a.unitKey), a.kind, a.parent === null ? null : activityIds[a.parent], a.code],
      ...[a.name, a.description, a.place === null ? null : placeIds[a.place], a.capacity, a.minimum, a.ageMin],
      ...[a.ageMax, null, yearId, a.term === null ? null : termIds[a.term], a.startsOn, a.endsOn, a.startsAt],
      ...[a.endsAt, a.registrationOpens, a.registrationCloses, a.public, a.membersOnly, a.approval, a.seatOffers],
      ...[a.offerHours, JSON.stringify(a.priorityRules), a.state, a.cancelledAt, a.cancelReason, null],
      ...[c.approved, c.offered, c.waitlisted, c.applied, '2026-05-20T08:00:00.000Z', at, 1],
    ]
  }
  const activityColumns = [
    ...['id', 'unit_id', 'kind', 'parent_id', 'code', 'name', 'description', 'place_id', 'capacity', 'minimum'],
    ...['age_min', 'age_max', 'age_reference_date', 'school_year_id', 'term_id', 'starts_on', 'ends_on'],
    ...['starts_at', 'ends_at', 'registration_opens', 'registration_closes', 'public', 'members_only'],
    ...['approval', 'seat_offers', 'offer_hours', 'priority_rules', 'state', 'cancelled_at', 'cancel_reason'],
    ...['copied_from_id', 'approved_count', 'offered_count', 'waitlisted_count', 'applied_count'],
    ...['created_at', 'updated_at', 'version'],
  ]
  // Camps before their turns: a turn refers to its camp.
  const rows = plan.activities.map((_, i) => i)
  await insert('activity', activityColumns, rows.filter((i) => plan.activities[i].parent === null).map(activityRow))
  await insert('activity', activityColumns, rows.filter((i) => plan.activities[i].parent !== null).map(activityRow))
  await insert(
    'activity_leader',
    ['activity_id', 'staff_user_id', 'person_id'],
    plan.activities.flatMap((a, i) => a.leaders.map((leader) => [activityIds[i], null, personIds[leader]])),
  )

  const slotIds = await reserve('activity_slot', plan.slots.length)
  await insert(
    'activity_slot',
    ['id', 'activity_id', 'weekday', 'starts_at', 'ends_at', 'place_id'],
    plan.slots.map((s, i) => [slotIds[i], activityIds[s.activity], s.weekday, s.startsAt, s.endsAt, placeIds[s.place]]),
  )
  const priceIds = await reserve('price_option', plan.prices.length)
  await insert(
    'price_option',
    ['id', 'activity_id', 'label', 'audience', 'period', 'amount', 'position', 'archived_at'],
    plan.prices.map((p, i) => [
      priceIds[i],
      activityIds[p.activity],
      p.label,
      p.audience,
      p.period,
      p.amount,
      p.position,
      null,
    ]),
  )
  await insert(
    'activity_session',
    ['activity_id', 'slot_id', 'date', 'starts_at', 'ends_at', 'place_id', 'state', 'kind'].concat([
      'moved_from',
      'cancel_reason',
      'created_at',
      'version',
    ]),
    plan.sessions.map((s) => [
      ...[activityIds[s.activity], slotIds[s.slot], s.date, s.startsAt, s.endsAt, placeIds[s.place]],
      ...[s.cancelReason ? 'cancelled' : 'planned', 'regular', null, s.cancelReason, at, s.cancelReason ? 2 : 1],
    ]),
  )

  const enrolmentIds = await reserve('enrolment', plan.enrolments.length)
  await insert(
    'enrolment',
    [
      ...['id', 'activity_id', 'person_id', 'state', 'price_option_id', 'source', 'applied_at', 'applied_by'],
      ...['decided_at', 'decided_by', 'reason', 'offer_expires_at', 'priority', 'priority_reasons'],
      ...['queue_position', 'note', 'updated_at', 'version'],
    ],
    plan.enrolments.map((e, i) => [
      ...[enrolmentIds[i], activityIds[e.activity], personIds[e.person], e.state, priceId(e.price)],
      ...[e.source, e.appliedAt, e.source === 'staff' ? staffId : null, e.decidedAt, e.decidedAt ? staffId : null],
      ...[e.reason, e.offerExpiresAt, e.priority, JSON.stringify(e.priorityReasons), null, ''],
      ...[e.changes[e.changes.length - 1].at, e.changes.length],
    ]),
  )
  function priceId(price: number | null): number | null {
    return price === null ? null : priceIds[price]
  }
  await insert(
    'enrolment_change',
    ['enrolment_id', 'from_state', 'to_state', 'at', 'staff_user_id', 'reason'],
    plan.enrolments.flatMap((e, i) =>
      e.changes.map((c) => [
        enrolmentIds[i],
        c.from,
        c.to,
        c.at,
        c.from === null && e.source !== 'staff' ? null : staffId,
        c.reason,
      ]),
    ),
  )
  // What the ledger was told: a charge for every approval, a credit for every withdrawal.
  await insert(
    'fee_event',
    ['kind', 'activity_id', 'person_id', 'enrolment_id', 'price_option_id', 'amount', 'reason'].concat([
      'created_at',
      'created_by',
      'consumed_at',
    ]),
    plan.enrolments.flatMap((e, i) =>
      e.changes
        .filter((c) => (c.to === 'approved' || c.to === 'withdrawn') && e.price !== null)
        .map((c) => [
          ...[c.to === 'approved' ? 'charge' : 'credit', activityIds[e.activity], personIds[e.person], enrolmentIds[i]],
          ...[priceId(e.price), plan.prices[e.price!].amount, c.reason ?? 'Schváleno', c.at, staffId, null],
        ]),
    ),
  )
  await em.query(
    'INSERT INTO "audit_log" ("at", "staff_user_id", "staff_name", "command", "target", "summary") VALUES (?, NULL, ?, ?, NULL, ?)',
    [
      at,
      'Benchmark loader',
      'bench/load-activities',
      `Loaded ${plan.activities.length} activities and ${plan.enrolments.length} enrolments`,
    ],
  )
}
