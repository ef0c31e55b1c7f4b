import { EntitySchema } from 'typeorm'
import type {
  ActivityKind,
  ActivityState,
  ApprovalMode,
  PlaceKind,
  PriceAudience,
  PricePeriod,
  SessionKind,
  SessionState,
} from '../../shared/contract/activities'

export interface PlaceRow {
  id: number
  name: string
  kind: PlaceKind
  capacity: number | null
  archivedAt: string | null
  createdAt: string
  version: number
}

export const PlaceSchema = new EntitySchema<PlaceRow>({
  name: 'Place',
  tableName: 'place',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    name: { type: 'varchar', length: 120 },
    kind: { type: 'varchar', length: 20 },
    capacity: { type: 'integer', nullable: true },
    archivedAt: { type: 'varchar', name: 'archived_at', length: 30, nullable: true },
    createdAt: { type: 'varchar', name: 'created_at', length: 30 },
    version: { type: 'integer', version: true },
  },
})

/**
 * A club, event, camp, or a camp's turn (`parentId` = the camp). The seat counters are kept by
 * the enrolments context alone (`src/main/enrolments`), in the transaction that changes a state:
 * the row is also what two desks approving the last seat both write, so one of them must wait.
 */
export interface ActivityRow {
  id: number
  unitId: number
  kind: ActivityKind
  parentId: number | null
  code: string
  name: string
  description: string
  placeId: number | null
  capacity: number | null
  minimum: number
  ageMin: number | null
  ageMax: number | null
  ageReferenceDate: string | null
  schoolYearId: number | null
  termId: number | null
  startsOn: string
  endsOn: string
  startsAt: string | null
  endsAt: string | null
  registrationOpens: string | null
  registrationCloses: string | null
  public: boolean
  membersOnly: boolean
  approval: ApprovalMode
  seatOffers: ApprovalMode
  offerHours: number
  /** JSON array of PriorityRule. */
  priorityRules: string
  state: ActivityState
  cancelledAt: string | null
  cancelReason: string | null
  copiedFromId: number | null
  approvedCount: number
  offeredCount: number
  waitlistedCount: number
  appliedCount: number
  createdAt: string
  updatedAt: string
  version: number
}

const date = (name: string, nullable = false) => ({ type: 'varchar' as const, name, length: 10, nullable })
const time = (name: string) => ({ type: 'varchar' as const, name, length: 5, nullable: true })
const instant = (name: string, nullable = false) => ({ type: 'varchar' as const, name, length: 30, nullable })
const count = (name: string) => ({ type: 'integer' as const, name, default: 0 })

export const ActivitySchema = new EntitySchema<ActivityRow>({
  name: 'Activity',
  tableName: 'activity',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    unitId: { type: 'integer', name: 'unit_id' },
    kind: { type: 'varchar', length: 10 },
    parentId: { type: 'integer', name: 'parent_id', nullable: true },
    code: { type: 'varchar', length: 30 },
    name: { type: 'varchar', length: 160 },
    description: { type: 'text' },
    placeId: { type: 'integer', name: 'place_id', nullable: true },
    capacity: { type: 'integer', nullable: true },
    minimum: { type: 'integer' },
    ageMin: { type: 'integer', name: 'age_min', nullable: true },
    ageMax: { type: 'integer', name: 'age_max', nullable: true },
    ageReferenceDate: date('age_reference_date', true),
    schoolYearId: { type: 'integer', name: 'school_year_id', nullable: true },
    termId: { type: 'integer', name: 'term_id', nullable: true },
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    startsAt: time('starts_at'),
    endsAt: time('ends_at'),
    registrationOpens: date('registration_opens', true),
    registrationCloses: date('registration_closes', true),
    public: { type: 'boolean' },
    membersOnly: { type: 'boolean', name: 'members_only' },
    approval: { type: 'varchar', length: 10 },
    seatOffers: { type: 'varchar', name: 'seat_offers', length: 10 },
    offerHours: { type: 'integer', name: 'offer_hours' },
    priorityRules: { type: 'text', name: 'priority_rules' },
    state: { type: 'varchar', length: 10 },
    cancelledAt: instant('cancelled_at', true),
    cancelReason: { type: 'text', name: 'cancel_reason', nullable: true },
    copiedFromId: { type: 'integer', name: 'copied_from_id', nullable: true },
    approvedCount: count('approved_count'),
    offeredCount: count('offered_count'),
    waitlistedCount: count('waitlisted_count'),
    appliedCount: count('applied_count'),
    createdAt: instant('created_at'),
    updatedAt: instant('updated_at'),
    version: { type: 'integer', version: true },
  },
})

export interface ActivitySlotRow {
  id: number
  activityId: number
  weekday: number
  startsAt: string
  endsAt: string
  placeId: number | null
}

export const ActivitySlotSchema = new EntitySchema<ActivitySlotRow>({
  name: 'ActivitySlot',
  tableName: 'activity_slot',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    activityId: { type: 'integer', name: 'activity_id' },
    weekday: { type: 'integer' },
    startsAt: { type: 'varchar', name: 'starts_at', length: 5 },
    endsAt: { type: 'varchar', name: 'ends_at', length: 5 },
    placeId: { type: 'integer', name: 'place_id', nullable: true },
  },
})

export interface ActivityLeaderRow {
  id: number
  activityId: number
  staffUserId: number | null
  personId: number | null
}

export const ActivityLeaderSchema = new EntitySchema<ActivityLeaderRow>({
  name: 'ActivityLeader',
  tableName: 'activity_leader',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    activityId: { type: 'integer', name: 'activity_id' },
    staffUserId: { type: 'integer', name: 'staff_user_id', nullable: true },
    personId: { type: 'integer', name: 'person_id', nullable: true },
  },
})

export interface PriceOptionRow {
  id: number
  activityId: number
  label: string
  audience: PriceAudience
  period: PricePeriod
  amount: number
  position: number
  archivedAt: string | null
}

export const PriceOptionSchema = new EntitySchema<PriceOptionRow>({
  name: 'PriceOption',
  tableName: 'price_option',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    activityId: { type: 'integer', name: 'activity_id' },
    label: { type: 'varchar', length: 80 },
    audience: { type: 'varchar', length: 12 },
    period: { type: 'varchar', length: 12 },
    amount: { type: 'integer' },
    position: { type: 'integer' },
    archivedAt: instant('archived_at', true),
  },
})

export interface ActivitySessionRow {
  id: number
  activityId: number
  slotId: number | null
  date: string
  startsAt: string | null
  endsAt: string | null
  placeId: number | null
  state: SessionState
  kind: SessionKind
  movedFrom: string | null
  cancelReason: string | null
  createdAt: string
  version: number
}

export const ActivitySessionSchema = new EntitySchema<ActivitySessionRow>({
  name: 'ActivitySession',
  tableName: 'activity_session',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    activityId: { type: 'integer', name: 'activity_id' },
    slotId: { type: 'integer', name: 'slot_id', nullable: true },
    date: { type: 'varchar', length: 10 },
    startsAt: time('starts_at'),
    endsAt: time('ends_at'),
    placeId: { type: 'integer', name: 'place_id', nullable: true },
    state: { type: 'varchar', length: 10 },
    kind: { type: 'varchar', length: 10 },
    movedFrom: date('moved_from', true),
    cancelReason: { type: 'text', name: 'cancel_reason', nullable: true },
    createdAt: instant('created_at'),
    version: { type: 'integer', version: true },
  },
})
