import { ageOn } from '../../src/shared/calendarDate'
import { centreActivities, loadNote, type CentreActivities } from '../activities/centre'
import { seatCounterMismatches } from '../activities/load'
import type { BenchContext } from '../context'
import type { RawSql } from '../rawSql'
import { defineScenario, type Side } from '../scenario'

const BATCH = 100

export interface Batch {
  ids: number[]
  activityIds: number[]
  /** Approved by the last run of its side, so the next run first puts it back. */
  approved: boolean
}

interface State {
  centre: CentreActivities
  batches: Record<Side, Batch>
}

interface Candidate {
  id: number
  activityId: number
  free: number
  birthDate: string | null
  ageMin: number | null
  ageMax: number | null
  startsOn: string
  membersOnly: boolean
  member: boolean
}

/**
 * Two batches of 100 applications the desk can approve (seats free for both batches at once,
 * the child of the right age and a member where the activity asks), oldest first as in the
 * queue, so across many activities: one for the app, one for its raw twin.
 */
export async function approvable(raw: RawSql, size = BATCH): Promise<Record<Side, Batch>> {
  const candidates = await raw.all<Candidate>(
    `SELECT e."id", e."activity_id" AS "activityId",
       a."capacity" - a."approved_count" - a."offered_count" AS "free", p."birth_date" AS "birthDate",
       a."age_min" AS "ageMin", a."age_max" AS "ageMax", a."starts_on" AS "startsOn",
       a."members_only" AS "membersOnly", p."member"
     FROM "enrolment" e JOIN "activity" a ON a."id" = e."activity_id" JOIN "person" p ON p."id" = e."person_id"
     WHERE e."state" = ? AND a."state" = ? AND a."capacity" IS NOT NULL
     ORDER BY e."applied_at", e."id"`,
    ['applied', 'published'],
  )
  const used = new Map<number, number>()
  const chosen: Candidate[] = []
  for (const c of candidates) {
    const age = ageOn(c.birthDate, c.startsOn)
    const fits = age !== null && (c.ageMin === null || age >= c.ageMin) && (c.ageMax === null || age <= c.ageMax)
    // SQLite hands booleans over as 0/1.
    if (!fits || (Boolean(c.membersOnly) && !c.member) || (used.get(c.activityId) ?? 0) >= Number(c.free)) continue
    used.set(c.activityId, (used.get(c.activityId) ?? 0) + 1)
    chosen.push(c)
    if (chosen.length === 2 * size) break
  }
  if (chosen.length < 2 * size) throw new Error(`Only ${chosen.length} approvable applications, ${2 * size} needed`)
  const batch = (part: Candidate[]): Batch => ({
    ids: part.map((c) => c.id),
    activityIds: [...new Set(part.map((c) => c.activityId))],
    approved: false,
  })
  // Alternate, so both sides approve the same mix of old and new applications.
  return { app: batch(chosen.filter((_, i) => i % 2 === 0)), raw: batch(chosen.filter((_, i) => i % 2 === 1)) }
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ')

/** Recounts the batch's activities from their rows: the twin's bulk counter update, and the reset's. */
const RECOUNT = (n: number) => `UPDATE "activity" SET
  "approved_count" = (SELECT COUNT(*) FROM "enrolment" e WHERE e."activity_id" = "activity"."id" AND e."state" = ?),
  "applied_count" = (SELECT COUNT(*) FROM "enrolment" e WHERE e."activity_id" = "activity"."id" AND e."state" = ?)
  WHERE "id" IN (${marks(n)})`

/** Puts an approved batch back to applied (untimed, outside the figures); its history rows stay. */
export async function putBack(bench: BenchContext, batch: Batch): Promise<void> {
  if (!batch.approved) return
  const at = new Date().toISOString()
  await bench.raw.begin()
  try {
    await bench.raw.run(
      `UPDATE "enrolment" SET "state" = ?, "decided_at" = NULL, "decided_by" = NULL, "reason" = NULL,
       "updated_at" = ?, "version" = "version" + 1 WHERE "id" IN (${marks(batch.ids.length)}) AND "state" = ?`,
      ['applied', at, ...batch.ids, 'approved'],
    )
    await bench.raw.run(RECOUNT(batch.activityIds.length), ['approved', 'applied', ...batch.activityIds])
    await bench.raw.run('COMMIT')
  } catch (error) {
    await bench.raw.run('ROLLBACK')
    throw error
  }
  batch.approved = false
}

/**
 * The twin of a bulk approval, in one write transaction: read the applications and their
 * activities' seats, approve them, one bulk counter update per activity (by increments), and
 * the history, fee-charge, notice and audit rows, each as one multi-row insert.
 */
export async function approveRaw(bench: BenchContext, batch: Batch): Promise<void> {
  const at = new Date().toISOString()
  const raw = bench.raw
  await raw.begin()
  try {
    const rows = await raw.all<{
      id: number
      activityId: number
      personId: number
      priceId: number | null
      amount: number | null
    }>(
      `SELECT e."id", e."activity_id" AS "activityId", e."person_id" AS "personId", e."price_option_id" AS "priceId", o."amount"
       FROM "enrolment" e LEFT JOIN "price_option" o ON o."id" = e."price_option_id"
       WHERE e."id" IN (${marks(batch.ids.length)}) AND e."state" = ?`,
      [...batch.ids, 'applied'],
    )
    const seats = await raw.all<{ id: number; capacity: number; approved: number; offered: number }>(
      `SELECT "id", "capacity", "approved_count" AS "approved", "offered_count" AS "offered" FROM "activity"
       WHERE "id" IN (${marks(batch.activityIds.length)})`,
      batch.activityIds,
    )
    const per = new Map<number, number>()
    for (const row of rows) per.set(row.activityId, (per.get(row.activityId) ?? 0) + 1)
    for (const seat of seats)
      if (seat.approved + seat.offered + (per.get(seat.id) ?? 0) > seat.capacity) throw new Error('full')
    await raw.run(
      `UPDATE "enrolment" SET "state" = ?, "decided_at" = ?, "decided_by" = NULL, "reason" = NULL, "updated_at" = ?,
       "version" = "version" + 1 WHERE "id" IN (${marks(rows.length)}) AND "state" = ?`,
      ['approved', at, at, ...rows.map((r) => r.id), 'applied'],
    )
    const cases = [...per].map(() => 'WHEN ? THEN CAST(? AS integer)').join(' ')
    const pairs = [...per].flat()
    await raw.run(
      `UPDATE "activity" SET "approved_count" = "approved_count" + CASE "id" ${cases} END,
       "applied_count" = "applied_count" - CASE "id" ${cases} END WHERE "id" IN (${marks(per.size)})`,
      [...pairs, ...pairs, ...per.keys()],
    )
    await raw.run(
      `INSERT INTO "enrolment_change" ("enrolment_id", "from_state", "to_state", "at", "staff_user_id", "reason")
       VALUES ${rows.map(() => '(?, ?, ?, ?, NULL, NULL)').join(', ')}`,
      rows.flatMap((r) => [r.id, 'applied', 'approved', at]),
    )
    await raw.run(
      `INSERT INTO "fee_event" ("kind", "activity_id", "person_id", "enrolment_id", "price_option_id", "amount",
       "reason", "created_at", "created_by", "consumed_at") VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)').join(', ')}`,
      rows.flatMap((r) => ['charge', r.activityId, r.personId, r.id, r.priceId, r.amount, 'Schváleno', at]),
    )
    await raw.run(
      `INSERT INTO "notice" ("kind", "activity_id", "session_id", "enrolment_id", "person_id", "payload",
       "created_at", "created_by", "sent_at") VALUES ${rows.map(() => '(?, ?, NULL, ?, ?, ?, ?, NULL, NULL)').join(', ')}`,
      rows.flatMap((r) => ['approved', r.activityId, r.id, r.personId, '{}', at]),
    )
    await raw.run(
      'INSERT INTO "audit_log" ("at", "staff_user_id", "staff_name", "command", "target", "summary") VALUES (?, NULL, ?, ?, ?, ?)',
      [at, 'Benchmark', 'enrolments/decide', 'enrolments', `Approved ${rows.length}`],
    )
    await raw.run('COMMIT')
  } catch (error) {
    await raw.run('ROLLBACK')
    throw error
  }
  batch.approved = true
}

export const enrolmentDecideScenario = defineScenario<State>({
  name: 'enrolments/decide: approve 100',
  setup: async (bench) => {
    const centre = await centreActivities(bench)
    return { centre, batches: await approvable(bench.raw) }
  },
  before: (bench, state, side) => putBack(bench, state.batches[side]),
  measure: async (bench, state) => {
    const batch = state.batches.app
    const outcomes = await bench.call('enrolments/decide', { ids: batch.ids, decision: 'approve', reason: '' })
    batch.approved = true
    const refused = outcomes.filter((o) => o.state !== 'approved')
    // A batch that approves fewer than 100 does less work: such a figure would flatter the app.
    if (refused.length > 0)
      throw new Error(`${refused.length} of ${BATCH} not approved: ${refused.map((o) => o.problem?.code).join(', ')}`)
  },
  raw: (bench, state) => approveRaw(bench, state.batches.raw),
  after: async (bench, state) => {
    await putBack(bench, state.batches.app)
    await putBack(bench, state.batches.raw)
    const wrong = await seatCounterMismatches((sql, params) => bench.raw.all(sql, params))
    if (wrong > 0) throw new Error(`after the approvals ${wrong} activities' seat counters disagree with their rows`)
  },
  notes: (_bench, state, medianMs) => [
    ...loadNote(state.centre),
    `enrolments/decide: ${BATCH} approvals over ${state.batches.app.activityIds.length} activities, ` +
      `${Math.round(BATCH / (medianMs / 1000)).toLocaleString('en-US')} approvals/s`,
  ],
})
