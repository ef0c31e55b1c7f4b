import { z } from 'zod'
import { isCalendarDate } from '../calendarDate'
import { command } from './define'
import { visibleName } from './text'
import { expectedVersion } from './version'

export const ACTIVITY_KINDS = ['club', 'event', 'camp'] as const
export type ActivityKind = (typeof ACTIVITY_KINDS)[number]

/** draft → published → finished; published → cancelled. */
export const ACTIVITY_STATES = ['draft', 'published', 'finished', 'cancelled'] as const
export type ActivityState = (typeof ACTIVITY_STATES)[number]

export const PLACE_KINDS = ['room', 'gym', 'outdoor', 'other'] as const
export type PlaceKind = (typeof PLACE_KINDS)[number]

export const PRICE_AUDIENCES = ['everyone', 'member', 'non_member', 'sibling'] as const
export type PriceAudience = (typeof PRICE_AUDIENCES)[number]

export const PRICE_PERIODS = ['school_year', 'term', 'half_year', 'session', 'one_off'] as const
export type PricePeriod = (typeof PRICE_PERIODS)[number]

/** Who is placed higher on the waitlist, beyond the time of application. */
export const PRIORITY_RULES = ['returning', 'sibling', 'member'] as const
export type PriorityRule = (typeof PRIORITY_RULES)[number]

export const APPROVAL_MODES = ['manual', 'automatic'] as const
export type ApprovalMode = (typeof APPROVAL_MODES)[number]

export const SESSION_STATES = ['planned', 'cancelled'] as const
export type SessionState = (typeof SESSION_STATES)[number]
export const SESSION_KINDS = ['regular', 'make_up'] as const
export type SessionKind = (typeof SESSION_KINDS)[number]

/** What the ledger is to do with fees already charged when an activity is cancelled. */
export const CANCEL_FEE_ACTIONS = ['refund', 'credit', 'keep'] as const
export type CancelFeeAction = (typeof CANCEL_FEE_ACTIONS)[number]

export const ACTIVITY_CODE_MAX = 30
export const ACTIVITY_NAME_MAX = 160
export const DESCRIPTION_MAX = 4000
export const REASON_MAX = 500
export const CAPACITY_MAX = 10_000
/** The most money one price option may ask: 10 million in major units. */
export const AMOUNT_MAX = 1_000_000_000

const id = z.number().int().positive()
export const calendarDate = z.string().refine(isCalendarDate, { message: 'date' })
export const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time' })
const reason = z.string().trim().min(1).max(REASON_MAX)

export interface Place {
  id: number
  name: string
  kind: PlaceKind
  capacity: number | null
  archived: boolean
  version: number
}

/** A weekly meeting of a club: ISO weekday 1 = Monday … 7 = Sunday. */
export interface WeeklySlot {
  weekday: number
  startsAt: string
  endsAt: string
  placeId: number | null
}

/** A leader is a staff member or a person from the register (a volunteer, an external coach). */
export type Leader = z.output<typeof leader>
export interface LeaderView {
  staffUserId: number | null
  personId: number | null
  name: string
}

export type PriceOptionInput = z.output<typeof priceOption>
export interface PriceOption extends Omit<PriceOptionInput, 'id'> {
  id: number
  archived: boolean
}

/** A camp's turn (turnus): its own dates and capacity; everything else comes from the camp. */
export type TurnInput = z.output<typeof turn>

export type ActivityInput = z.output<typeof activityInput>

/** Seats against capacity: approved and offered seats are taken. */
export interface SeatCounts {
  approved: number
  offered: number
  waitlisted: number
  applied: number
}

export interface ActivityListRow {
  id: number
  kind: ActivityKind
  code: string
  name: string
  unitId: number
  unitName: string
  state: ActivityState
  startsOn: string
  endsOn: string
  /** Club: its weekly slots, for "Mon 16:00". */
  slots: WeeklySlot[]
  placeName: string | null
  capacity: number | null
  minimum: number
  seats: SeatCounts
  /** A camp's turns, each with its seats; empty for clubs and events. */
  turns: ActivityListRow[]
  parentId: number | null
}

export interface Activity extends Omit<ActivityInput, 'leaders' | 'turns' | 'priceOptions'> {
  id: number
  parentId: number | null
  unitName: string
  state: ActivityState
  leaders: LeaderView[]
  turns: (Omit<TurnInput, 'id'> & { id: number; state: ActivityState; seats: SeatCounts; version: number })[]
  priceOptions: PriceOption[]
  seats: SeatCounts
  cancelledAt: string | null
  cancelReason: string | null
  copiedFromId: number | null
  sessions: SessionSummary
  createdAt: string
  updatedAt: string
  version: number
}

/** Another activity's session at the same time, in the same place or with the same leader. */
export interface Clash {
  activityId: number
  activityName: string
  date: string
  startsAt: string | null
  endsAt: string | null
  /** What is shared: the place, or a leader (by name). */
  what: 'place' | 'leader'
  name: string
}

export interface ActivitySession {
  id: number
  activityId: number
  date: string
  startsAt: string | null
  endsAt: string | null
  placeId: number | null
  placeName: string | null
  state: SessionState
  kind: SessionKind
  /** The date it was first planned for, when moved. */
  movedFrom: string | null
  cancelReason: string | null
  /** Planned and in the past (before today). */
  held: boolean
  version: number
}

export interface SessionSummary {
  /** Planned sessions, past and future (cancelled ones excluded). */
  promised: number
  held: number
  cancelled: number
  makeUp: number
}

/** Saving with clashes requires saying why (the override is audited); without, CONFLICT `clash`. */
export interface ClashOverride {
  reason: string
}

const slot = z.object({
  weekday: z.number().int().min(1).max(7),
  startsAt: timeOfDay,
  endsAt: timeOfDay,
  placeId: id.nullable(),
})
const leader = z.union([z.object({ staffUserId: id }), z.object({ personId: id })])
const priceOption = z.object({
  id: id.optional(),
  label: visibleName(80),
  audience: z.enum(PRICE_AUDIENCES),
  period: z.enum(PRICE_PERIODS),
  amount: z.number().int().min(0).max(AMOUNT_MAX),
})
const turn = z.object({
  id: id.optional(),
  name: visibleName(60),
  startsOn: calendarDate,
  endsOn: calendarDate,
  capacity: z.number().int().min(1).max(CAPACITY_MAX),
  minimum: z.number().int().min(0).max(CAPACITY_MAX),
})
const age = z.number().int().min(0).max(120)

/**
 * Field rules that need no database (main checks the rest: capacity below the enrolled, a term of
 * another year, a price option of another activity, clashes). Both the form and main use it.
 */
export const activityInput = z.object({
  kind: z.enum(ACTIVITY_KINDS),
  unitId: id,
  code: z.string().trim().min(1).max(ACTIVITY_CODE_MAX),
  name: visibleName(ACTIVITY_NAME_MAX),
  description: z.string().max(DESCRIPTION_MAX),
  placeId: id.nullable(),
  leaders: z.array(leader).max(20),
  /** null: no limit (a camp with turns has its capacity per turn). */
  capacity: z.number().int().min(1).max(CAPACITY_MAX).nullable(),
  minimum: z.number().int().min(0).max(CAPACITY_MAX),
  ageMin: age.nullable(),
  ageMax: age.nullable(),
  /** The day ages are counted on; null = the activity's first day. */
  ageReferenceDate: calendarDate.nullable(),
  /** Club: the school year, and optionally one of its terms, it runs over. */
  schoolYearId: id.nullable(),
  termId: id.nullable(),
  /** Club: from the term / school year; event: the day (startsOn = endsOn); camp: first and last day. */
  startsOn: calendarDate,
  endsOn: calendarDate,
  /** Event: its time; club and camp: null. */
  startsAt: timeOfDay.nullable(),
  endsAt: timeOfDay.nullable(),
  /** Club: weekly slots; ISO weekday 1 = Monday … 7 = Sunday. */
  slots: z.array(slot).max(14),
  turns: z.array(turn).max(30),
  priceOptions: z.array(priceOption).max(20),
  registrationOpens: calendarDate.nullable(),
  registrationCloses: calendarDate.nullable(),
  public: z.boolean(),
  membersOnly: z.boolean(),
  approval: z.enum(APPROVAL_MODES),
  /** How a freed seat reaches the first on the waitlist: offered at once, or when staff click. */
  seatOffers: z.enum(APPROVAL_MODES),
  /** How long an offered seat is held for the family. */
  offerHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  priorityRules: z.array(z.enum(PRIORITY_RULES)).max(PRIORITY_RULES.length),
})

const placeInput = z.object({
  name: visibleName(120),
  kind: z.enum(PLACE_KINDS),
  capacity: z.number().int().min(1).max(CAPACITY_MAX).nullable(),
})

export const activitiesContract = {
  'activities/list-places': command<Place[]>()({ input: z.object({}), kind: 'read', access: 'signed-in' }),
  'activities/create-place': command<Place>()({ input: placeInput, kind: 'write', access: 'activities.edit' }),
  'activities/update-place': command<Place>()({
    input: placeInput.extend({ id, archived: z.boolean(), expectedVersion }),
    kind: 'write',
    access: 'activities.edit',
  }),
  /** The list for a school year (or all), with seat counts; camps carry their turns. */
  'activities/list': command<ActivityListRow[]>()({
    input: z.object({
      schoolYearId: id.nullable(),
      kind: z.enum(ACTIVITY_KINDS).nullable(),
      state: z.enum(ACTIVITY_STATES).nullable(),
      unitId: id.nullable(),
      text: z.string().max(100),
    }),
    kind: 'read',
    access: 'signed-in',
  }),
  'activities/get': command<Activity>()({ input: z.object({ id }), kind: 'read', access: 'signed-in' }),
  /** What saving this input would clash with; the form shows it before saving. */
  'activities/check-clashes': command<Clash[]>()({
    input: z.object({ id: id.nullable(), activity: activityInput }),
    kind: 'read',
    access: 'signed-in',
  }),
  'activities/create': command<Activity>()({
    input: z.object({ activity: activityInput, clashOverride: z.object({ reason }).nullable() }),
    kind: 'write',
    access: 'activities.edit',
  }),
  'activities/update': command<Activity>()({
    input: z.object({ id, expectedVersion, activity: activityInput, clashOverride: z.object({ reason }).nullable() }),
    kind: 'write',
    access: 'activities.edit',
  }),
  'activities/publish': command<Activity>()({
    input: z.object({ id, expectedVersion }),
    kind: 'write',
    access: 'activities.edit',
  }),
  'activities/finish': command<Activity>()({
    input: z.object({ id, expectedVersion }),
    kind: 'write',
    access: 'activities.edit',
  }),
  /** Withdraws every enrolment and invitation (history kept), records notices and what the ledger must do. */
  'activities/cancel': command<Activity>()({
    input: z.object({ id, expectedVersion, reason, feeAction: z.enum(CANCEL_FEE_ACTIONS) }),
    kind: 'write',
    access: 'activities.edit',
  }),
  /** Only while nobody was ever enrolled or invited; otherwise CONFLICT `has_enrolments` (cancel it instead). */
  'activities/delete': command<{ id: number }>()({
    input: z.object({ id, expectedVersion }),
    kind: 'write',
    access: 'activities.edit',
  }),
  /** A copy in another school year (a draft, sessions from that year's calendar); the copy is returned. */
  'activities/copy-to-year': command<Activity>()({
    input: z.object({ id, schoolYearId: id, termId: id.nullable() }),
    kind: 'write',
    access: 'activities.edit',
  }),
  'activities/list-sessions': command<{ sessions: ActivitySession[]; summary: SessionSummary }>()({
    input: z.object({ activityId: id }),
    kind: 'read',
    access: 'signed-in',
  }),
  /** Plans future sessions again from the weekly slots and the calendar; cancelled, moved and make-up ones stay. */
  'activities/regenerate-sessions': command<SessionSummary>()({
    input: z.object({ activityId: id }),
    kind: 'write',
    access: 'activities.edit',
  }),
  /**
   * Plans the future sessions of every non-cancelled club of the school year again from its slots
   * and the calendar (after importing holidays or changing closures); cancelled, moved, make-up and
   * past sessions stay. Answers how many clubs and sessions were planned.
   */
  'activities/plan-school-year': command<{ clubs: number; sessions: number }>()({
    input: z.object({ schoolYearId: id }),
    kind: 'write',
    access: 'activities.edit',
  }),
  'activities/cancel-session': command<ActivitySession>()({
    input: z.object({ id, expectedVersion, reason }),
    kind: 'write',
    access: 'activities.edit',
  }),
  'activities/move-session': command<ActivitySession>()({
    input: z.object({
      id,
      expectedVersion,
      date: calendarDate,
      startsAt: timeOfDay.nullable(),
      endsAt: timeOfDay.nullable(),
      placeId: id.nullable(),
      clashOverride: z.object({ reason }).nullable(),
    }),
    kind: 'write',
    access: 'activities.edit',
  }),
  'activities/add-session': command<ActivitySession>()({
    input: z.object({
      activityId: id,
      date: calendarDate,
      startsAt: timeOfDay.nullable(),
      endsAt: timeOfDay.nullable(),
      placeId: id.nullable(),
      clashOverride: z.object({ reason }).nullable(),
    }),
    kind: 'write',
    access: 'activities.edit',
  }),
}
