import type { EntityManager } from 'typeorm'
import type { EnrolmentState } from '../../shared/contract/enrolments'
import { AppError } from '../../shared/errors'
import type { Activity } from './activityRules'
import { EnrolmentChangeSchema, EnrolmentSchema, type EnrolmentRow, type NoticeKind } from './enrolmentEntities'
import { writeCharges, writeCredits } from './feeEvents'
import { writeNotices } from './notices'
import { shiftCounters } from './seats'

/**
 * Every change of an enrolment's state allowed anywhere; anything else is `wrong_state`.
 * approved → applied is undoing an approval made by mistake.
 */
export const TRANSITIONS: Readonly<Record<EnrolmentState, readonly EnrolmentState[]>> = {
  applied: ['approved', 'waitlisted', 'rejected', 'withdrawn'],
  approved: ['withdrawn', 'applied'],
  waitlisted: ['offered', 'withdrawn'],
  offered: ['approved', 'lapsed', 'withdrawn'],
  rejected: [],
  withdrawn: [],
  lapsed: [],
}

export const allowed = (from: EnrolmentState, to: EnrolmentState) => TRANSITIONS[from].includes(to)

export function wrongState(from: EnrolmentState, to: EnrolmentState): AppError {
  return AppError.conflict('wrong_state', `An enrolment that is ${from} cannot become ${to}`)
}

/** What guardians are told when an enrolment enters a state (from nothing = a new application). */
const NOTICES: Partial<Record<EnrolmentState, NoticeKind>> = {
  applied: 'application_received',
  approved: 'approved',
  waitlisted: 'waitlisted',
  offered: 'seat_offered',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
  lapsed: 'offer_lapsed',
}

/** Who acts, when, and the calendar day the rules are read on. */
export interface Actor {
  staffUserId: number | null
  now: Date
  today: string
}

export interface ChangeOptions {
  reason?: string | null
  offerExpiresAt?: string | null
  /** Waitlist priority, set when someone enters the waitlist. */
  priority?: { value: number; reasons: string[] }
}

/**
 * The one place an enrolment changes state: checks the transition, moves the activity's
 * counters (refusing to pass its capacity), saves the enrolment, writes its history row,
 * the notice and what the fee ledger must do. Returns null when the seat was not there.
 */
export async function changeState(
  em: EntityManager,
  actor: Actor,
  activity: Activity,
  enrolment: EnrolmentRow,
  to: EnrolmentState,
  options: ChangeOptions = {},
): Promise<EnrolmentRow | null> {
  const [changed] = await changeStates(em, actor, activity, [enrolment], to, options)
  return changed
}

/**
 * `changeState` for many enrolments of one activity in one state (a bulk approval): one
 * counter statement, one UPDATE, one INSERT each for history, notices and fees. When the
 * seats do not suffice for all, they go one by one in the given order until the activity is
 * full; each answer is the saved row or null (no seat).
 */
export async function changeStates(
  em: EntityManager,
  actor: Actor,
  activity: Activity,
  enrolments: readonly EnrolmentRow[],
  to: EnrolmentState,
  options: ChangeOptions = {},
): Promise<(EnrolmentRow | null)[]> {
  if (enrolments.length === 0) return []
  const from = enrolments[0].state
  for (const enrolment of enrolments) {
    if (enrolment.state !== from || enrolment.activityId !== activity.row.id) {
      throw new Error('A batch of state changes takes one activity and one state')
    }
  }
  if (!allowed(from, to)) throw wrongState(from, to)
  if (!(await shiftCounters(em, activity.row.id, from, to, enrolments.length))) {
    if (enrolments.length === 1) return [null]
    const answers: (EnrolmentRow | null)[] = []
    for (const enrolment of enrolments) answers.push(await changeState(em, actor, activity, enrolment, to, options))
    return answers
  }
  const at = actor.now.toISOString()
  const reason = options.reason?.trim() || null
  const changes: Partial<EnrolmentRow> = {
    state: to,
    updatedAt: at,
    offerExpiresAt: to === 'offered' ? (options.offerExpiresAt ?? null) : null,
  }
  if (reason !== null) changes.reason = reason
  if (to !== 'withdrawn' && to !== 'lapsed') {
    changes.decidedAt = to === 'applied' ? null : at
    changes.decidedBy = to === 'applied' ? null : actor.staffUserId
  }
  if (options.priority) {
    changes.priority = options.priority.value
    changes.priorityReasons = JSON.stringify(options.priority.reasons)
  }
  if (to !== 'waitlisted') changes.queuePosition = null
  const ids = enrolments.map((enrolment) => enrolment.id)
  // Guarded by the state read: a second desk changing the same enrolment meanwhile finds no row.
  const result = await em
    .createQueryBuilder()
    .update(EnrolmentSchema)
    .set({ ...changes, version: () => '"version" + 1' })
    .where('id IN (:...ids) AND state = :from', { ids, from })
    .execute()
  if (result.affected !== enrolments.length) {
    throw AppError.conflict('stale_record', 'Someone else changed this enrolment meanwhile')
  }
  const saved = enrolments.map((enrolment) => ({ ...enrolment, ...changes, version: enrolment.version + 1 }))
  await recordChanges(em, actor, activity, saved, from, reason)
  if (to === 'approved') await writeCharges(em, activity, saved, actor.staffUserId, actor.now, actor.today)
  if (from === 'approved') {
    const why = reason ?? (to === 'applied' ? 'approval undone' : 'withdrawn')
    await writeCredits(em, activity, saved, actor.staffUserId, actor.now, why)
  }
  return saved
}

/** A new enrolment, entering `state` straight away (counters guarded as for any change). */
export async function createEnrolment(
  em: EntityManager,
  actor: Actor,
  activity: Activity,
  values: Pick<EnrolmentRow, 'personId' | 'priceOptionId' | 'source' | 'note'>,
  state: EnrolmentState,
  options: ChangeOptions = {},
): Promise<EnrolmentRow | null> {
  if (!(await shiftCounters(em, activity.row.id, null, state))) return null
  const at = actor.now.toISOString()
  const decided = state !== 'applied' && state !== 'waitlisted'
  const row = {
    activityId: activity.row.id,
    ...values,
    state,
    appliedAt: at,
    appliedBy: actor.staffUserId,
    decidedAt: decided ? at : null,
    decidedBy: decided ? actor.staffUserId : null,
    reason: options.reason?.trim() || null,
    offerExpiresAt: state === 'offered' ? (options.offerExpiresAt ?? null) : null,
    priority: options.priority?.value ?? 0,
    priorityReasons: JSON.stringify(options.priority?.reasons ?? []),
    queuePosition: null,
    updatedAt: at,
  }
  const saved = (await em.save(EnrolmentSchema, row)) as EnrolmentRow
  // Its first history row: the state it came in (applied, or decided at once).
  await recordChanges(em, actor, activity, [saved], null, row.reason)
  if (state === 'approved') await writeCharges(em, activity, [saved], actor.staffUserId, actor.now, actor.today)
  return saved
}

async function recordChanges(
  em: EntityManager,
  actor: Actor,
  activity: Activity,
  enrolments: readonly EnrolmentRow[],
  from: EnrolmentState | null,
  reason: string | null,
): Promise<void> {
  const to = enrolments[0].state
  await em.insert(
    EnrolmentChangeSchema,
    enrolments.map((enrolment) => ({
      enrolmentId: enrolment.id,
      fromState: from,
      toState: to,
      at: actor.now.toISOString(),
      staffUserId: actor.staffUserId,
      reason,
    })),
  )
  // An approval undone goes back to the queue quietly: the family was never told it was received twice.
  const notice = from === 'approved' && to === 'applied' ? undefined : NOTICES[to]
  if (notice) await writeNotices(em, notice, activity, enrolments, actor.staffUserId, actor.now, reason)
}

/** A move on the waitlist: no change of state, but history all the same (who, when, why). */
export async function recordMove(em: EntityManager, actor: Actor, enrolmentId: number, reason: string): Promise<void> {
  await em.insert(EnrolmentChangeSchema, {
    enrolmentId,
    fromState: 'waitlisted',
    toState: 'waitlisted',
    at: actor.now.toISOString(),
    staffUserId: actor.staffUserId,
    reason,
  })
}
