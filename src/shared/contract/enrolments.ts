import { z } from 'zod'
import { ACTIVITY_KINDS, REASON_MAX, calendarDate, type ActivityKind, type PriorityRule } from './activities'
import { command } from './define'
import { expectedVersion } from './version'

/**
 * applied → approved / waitlisted / rejected; approved → withdrawn; waitlisted → offered (with an
 * expiry) → approved or lapsed. Live states hold a person's place; the rest are history.
 */
export const ENROLMENT_STATES = [
  'applied',
  'approved',
  'waitlisted',
  'offered',
  'rejected',
  'withdrawn',
  'lapsed',
] as const
export type EnrolmentState = (typeof ENROLMENT_STATES)[number]
export const LIVE_ENROLMENT_STATES = ['applied', 'approved', 'waitlisted', 'offered'] as const

/** How the enrolment came: the public's application (needs open registration) or staff adding people. */
export const ENROLMENT_SOURCES = ['application', 'staff', 'returning', 'invitation'] as const
export type EnrolmentSource = (typeof ENROLMENT_SOURCES)[number]

/** The most people one call may add, decide on or withdraw; repeat for more. */
export const BATCH_MAX = 100

/**
 * Why someone cannot (yet) be approved, each explained in words by the renderer:
 * full — offer the waitlist; outside the age range on the reference date; not a member; already
 * enrolled; registration closed; another activity of the person at the same time.
 */
export const ENROLMENT_PROBLEMS = [
  'full',
  'too_young',
  'too_old',
  'not_member',
  'already_enrolled',
  'registration_closed',
  'time_clash',
  'activity_not_open',
  'wrong_state',
  'price_option_foreign',
] as const
export type EnrolmentProblemCode = (typeof ENROLMENT_PROBLEMS)[number]

export interface EnrolmentProblem {
  code: EnrolmentProblemCode
  /** Placeholders for the message: ages, the reference date, the clashing activity's name … */
  params?: Record<string, string | number>
}

/** One person's line in an activity's tabs, the approval queue or a person's page. */
export interface EnrolmentRow {
  id: number
  activityId: number
  activityName: string
  activityKind: ActivityKind
  /** For a camp's turn: the camp's name. */
  parentName: string | null
  personId: number
  firstName: string
  lastName: string
  birthDate: string | null
  /** Age on the activity's reference date. */
  age: number | null
  unitName: string
  state: EnrolmentState
  source: EnrolmentSource
  priceOptionId: number | null
  priceOptionLabel: string | null
  appliedAt: string
  appliedByName: string | null
  decidedAt: string | null
  decidedByName: string | null
  reason: string | null
  offerExpiresAt: string | null
  /** On the waitlist: 1-based place, and why it is there (rules that lifted it, a manual move). */
  position: number | null
  positionReasons: (PriorityRule | 'moved')[]
  /** What stands in the way of approving it now (the approval queue explains each). */
  problems: EnrolmentProblem[]
  version: number
}

/** Per person (or id) in a batch: done, or why not — a batch never fails as a whole for one person. */
export interface BatchOutcome {
  personId: number
  enrolmentId: number | null
  state: EnrolmentState | null
  problem: EnrolmentProblem | null
}

export interface EnrolmentChange {
  fromState: EnrolmentState | null
  toState: EnrolmentState
  at: string
  staffName: string | null
  reason: string | null
}

const id = z.number().int().positive()
// Over the limit the field says so in words ("at most 100 at once"), not as a bare size error.
const ids = z.array(id).min(1).max(BATCH_MAX, 'batch_too_large')
const reason = z.string().trim().max(REASON_MAX)

export const QUEUE_PAGE_MAX = 500

export const enrolmentsContract = {
  /**
   * Applies (source `application`: registration must be open, approval as the activity says) or
   * adds (source `staff`: enrolments.decide, any registration state) up to 100 people — a family's
   * children in one step, or a picker's selection. A full activity puts them on the waitlist.
   */
  'enrolments/apply': command<BatchOutcome[]>()({
    input: z.object({
      activityId: id,
      personIds: ids,
      priceOptionId: id.nullable(),
      source: z.enum(['application', 'staff']),
      note: z.string().max(REASON_MAX),
    }),
    kind: 'write',
    access: 'people.view',
  }),
  /** Approve, reject or put on the waitlist up to 100 applications (or waitlisted / offered ones), with an optional reason. */
  'enrolments/decide': command<BatchOutcome[]>()({
    input: z.object({ ids, decision: z.enum(['approve', 'reject', 'waitlist']), reason }),
    kind: 'write',
    access: 'enrolments.decide',
  }),
  /** Withdraws up to 100 (approved, applied, waitlisted or offered); each freed seat goes to the waitlist. */
  'enrolments/withdraw': command<BatchOutcome[]>()({
    input: z.object({ ids, reason, source: z.enum(['application', 'staff']) }),
    kind: 'write',
    access: 'people.view',
  }),
  /** An approval made by mistake goes back to applied; its seat is freed like any other. */
  'enrolments/undo-approval': command<EnrolmentRow>()({
    input: z.object({ id, expectedVersion, reason: reason.min(1) }),
    kind: 'write',
    access: 'enrolments.decide',
  }),
  /** Offers a free seat to this waitlisted person now (activities whose seats are offered on a click). */
  'enrolments/offer-seat': command<EnrolmentRow>()({
    input: z.object({ id, expectedVersion }),
    kind: 'write',
    access: 'enrolments.decide',
  }),
  /** The family's answer to an offer: accepted → approved, declined → lapsed (the seat goes on). */
  'enrolments/answer-offer': command<EnrolmentRow>()({
    input: z.object({ id, expectedVersion, accept: z.boolean() }),
    kind: 'write',
    access: 'people.view',
  }),
  /** Moves someone to a place on the waitlist; the move and its reason are logged. */
  'enrolments/move-in-waitlist': command<EnrolmentRow[]>()({
    input: z.object({ id, expectedVersion, position: z.number().int().min(1), reason: reason.min(1) }),
    kind: 'write',
    access: 'enrolments.decide',
  }),
  /** Offers this year's participants of `fromActivityId` a place in its copy for the next year. */
  'enrolments/offer-returning': command<BatchOutcome[]>()({
    input: z.object({ fromActivityId: id, toActivityId: id }),
    kind: 'write',
    access: 'enrolments.decide',
  }),
  /** Lapses offers past their expiry and passes their seats on; run at start and periodically. */
  'enrolments/expire-offers': command<{ lapsed: number; offered: number }>()({
    input: z.object({}),
    kind: 'write',
    access: 'signed-in',
  }),
  /** An activity's people in one state tab, sorted by surname in the desk's collation. */
  'enrolments/list-for-activity': command<EnrolmentRow[]>()({
    input: z.object({
      activityId: id,
      states: z.array(z.enum(ENROLMENT_STATES)).min(1).max(ENROLMENT_STATES.length),
      /** The desk's language (as `people/list`); by default the centre's. */
      locale: z.string().max(10).optional(),
    }),
    kind: 'read',
    access: 'people.view',
  }),
  'enrolments/list-for-person': command<EnrolmentRow[]>()({
    input: z.object({ personId: id }),
    kind: 'read',
    access: 'people.view',
  }),
  'enrolments/history': command<EnrolmentChange[]>()({
    input: z.object({ id }),
    kind: 'read',
    access: 'people.view',
  }),
  /** Every pending application the user may decide on, oldest first, with its problems explained. */
  'enrolments/queue': command<{ rows: EnrolmentRow[]; total: number }>()({
    input: z.object({
      unitId: id.nullable(),
      kind: z.enum(ACTIVITY_KINDS).nullable(),
      activityId: id.nullable(),
      ageMin: z.number().int().min(0).max(120).nullable(),
      ageMax: z.number().int().min(0).max(120).nullable(),
      appliedFrom: calendarDate.nullable(),
      appliedTo: calendarDate.nullable(),
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(QUEUE_PAGE_MAX),
    }),
    kind: 'read',
    access: 'enrolments.decide',
  }),
}

export type { PriorityRule }
