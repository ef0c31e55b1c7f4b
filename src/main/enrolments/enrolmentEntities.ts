import { EntitySchema } from 'typeorm'
import type { EnrolmentSource, EnrolmentState } from '../../shared/contract/enrolments'

export interface EnrolmentRow {
  id: number
  activityId: number
  personId: number
  state: EnrolmentState
  priceOptionId: number | null
  source: EnrolmentSource
  appliedAt: string
  appliedBy: number | null
  decidedAt: string | null
  decidedBy: number | null
  reason: string | null
  offerExpiresAt: string | null
  /** How many of the activity's priority rules lift this person on the waitlist (more first). */
  priority: number
  /** JSON array of the rules that applied, shown as "why here". */
  priorityReasons: string
  /** A place on the waitlist set by staff; null = by priority and time of application. */
  queuePosition: number | null
  note: string
  updatedAt: string
  version: number
}

const instant = (name: string, nullable = false) => ({ type: 'varchar' as const, name, length: 30, nullable })

export const EnrolmentSchema = new EntitySchema<EnrolmentRow>({
  name: 'Enrolment',
  tableName: 'enrolment',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    activityId: { type: 'integer', name: 'activity_id' },
    personId: { type: 'integer', name: 'person_id' },
    state: { type: 'varchar', length: 12 },
    priceOptionId: { type: 'integer', name: 'price_option_id', nullable: true },
    source: { type: 'varchar', length: 12 },
    appliedAt: instant('applied_at'),
    appliedBy: { type: 'integer', name: 'applied_by', nullable: true },
    decidedAt: instant('decided_at', true),
    decidedBy: { type: 'integer', name: 'decided_by', nullable: true },
    reason: { type: 'text', nullable: true },
    offerExpiresAt: instant('offer_expires_at', true),
    priority: { type: 'integer' },
    priorityReasons: { type: 'text', name: 'priority_reasons' },
    queuePosition: { type: 'integer', name: 'queue_position', nullable: true },
    note: { type: 'text' },
    updatedAt: instant('updated_at'),
    version: { type: 'integer', version: true },
  },
})

/** One change of an enrolment's state; append-only (a trigger refuses UPDATE and DELETE). */
export interface EnrolmentChangeRow {
  id: number
  enrolmentId: number
  fromState: EnrolmentState | null
  toState: EnrolmentState
  at: string
  staffUserId: number | null
  reason: string | null
}

export const EnrolmentChangeSchema = new EntitySchema<EnrolmentChangeRow>({
  name: 'EnrolmentChange',
  tableName: 'enrolment_change',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    enrolmentId: { type: 'integer', name: 'enrolment_id' },
    fromState: { type: 'varchar', name: 'from_state', length: 12, nullable: true },
    toState: { type: 'varchar', name: 'to_state', length: 12 },
    at: { type: 'varchar', length: 30 },
    staffUserId: { type: 'integer', name: 'staff_user_id', nullable: true },
    reason: { type: 'text', nullable: true },
  },
})

/**
 * What the fee ledger must do, written in the transaction that decided it: `charge` the price
 * option on approval, `credit` or `refund` on withdrawal or cancellation, `keep` to leave fees as
 * they are (recorded so the ledger knows it was decided). The ledger sets `consumedAt`.
 */
export const FEE_EVENT_KINDS = ['charge', 'credit', 'refund', 'keep'] as const
export type FeeEventKind = (typeof FEE_EVENT_KINDS)[number]

export interface FeeEventRow {
  id: number
  kind: FeeEventKind
  activityId: number
  personId: number
  enrolmentId: number | null
  priceOptionId: number | null
  amount: number | null
  reason: string
  createdAt: string
  createdBy: number | null
  consumedAt: string | null
}

export const FeeEventSchema = new EntitySchema<FeeEventRow>({
  name: 'FeeEvent',
  tableName: 'fee_event',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    kind: { type: 'varchar', length: 20 },
    activityId: { type: 'integer', name: 'activity_id' },
    personId: { type: 'integer', name: 'person_id' },
    enrolmentId: { type: 'integer', name: 'enrolment_id', nullable: true },
    priceOptionId: { type: 'integer', name: 'price_option_id', nullable: true },
    amount: { type: 'integer', nullable: true },
    reason: { type: 'text' },
    createdAt: instant('created_at'),
    createdBy: { type: 'integer', name: 'created_by', nullable: true },
    consumedAt: instant('consumed_at', true),
  },
})

/**
 * Something guardians are to be told (a session or activity cancelled, a seat offered, an
 * application approved …): the outbox of the invitations issue turns each into mail and sets `sentAt`.
 */
export const NOTICE_KINDS = [
  'application_received',
  'approved',
  'waitlisted',
  'seat_offered',
  'rejected',
  'withdrawn',
  'offer_lapsed',
  'session_cancelled',
  'session_moved',
  'activity_cancelled',
] as const
export type NoticeKind = (typeof NOTICE_KINDS)[number]

export interface NoticeRow {
  id: number
  kind: NoticeKind
  activityId: number | null
  sessionId: number | null
  enrolmentId: number | null
  personId: number | null
  /** JSON of what the message needs (dates, reason, expiry), as it was at the time. */
  payload: string
  createdAt: string
  createdBy: number | null
  sentAt: string | null
}

export const NoticeSchema = new EntitySchema<NoticeRow>({
  name: 'Notice',
  tableName: 'notice',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    kind: { type: 'varchar', length: 30 },
    activityId: { type: 'integer', name: 'activity_id', nullable: true },
    sessionId: { type: 'integer', name: 'session_id', nullable: true },
    enrolmentId: { type: 'integer', name: 'enrolment_id', nullable: true },
    personId: { type: 'integer', name: 'person_id', nullable: true },
    payload: { type: 'text' },
    createdAt: instant('created_at'),
    createdBy: { type: 'integer', name: 'created_by', nullable: true },
    sentAt: instant('sent_at', true),
  },
})
