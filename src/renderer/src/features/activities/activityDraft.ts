import type {
  Activity,
  ActivityInput,
  ActivityKind,
  ApprovalMode,
  PriceAudience,
  PricePeriod,
  PriorityRule,
} from '../../../../shared/contract/activities'
import { toMinorUnits } from './money'
import { normaliseTime } from './schedule'

/** What the activity form edits: as the desk types it (times and amounts as text). */
export interface SlotDraft {
  weekday: number
  startsAt: string
  endsAt: string
  placeId: number | null
}
export interface TurnDraft {
  id?: number
  name: string
  startsOn: string | null
  endsOn: string | null
  capacity: number | null
  minimum: number | null
}
export interface PriceDraft {
  id?: number
  label: string
  audience: PriceAudience
  period: PricePeriod
  amount: string
}
export interface LeaderDraft {
  staffUserId: number | null
  personId: number | null
  name: string
}
export interface ActivityDraft {
  kind: ActivityKind
  unitId: number | null
  code: string
  name: string
  description: string
  placeId: number | null
  leaders: LeaderDraft[]
  capacity: number | null
  minimum: number | null
  ageMin: number | null
  ageMax: number | null
  ageReferenceDate: string | null
  schoolYearId: number | null
  termId: number | null
  startsOn: string | null
  endsOn: string | null
  startsAt: string
  endsAt: string
  slots: SlotDraft[]
  turns: TurnDraft[]
  priceOptions: PriceDraft[]
  registrationOpens: string | null
  registrationCloses: string | null
  public: boolean
  membersOnly: boolean
  approval: ApprovalMode
  seatOffers: ApprovalMode
  offerHours: number | null
  priorityRules: PriorityRule[]
}

/** A problem the form finds before asking main, at main's path for the field. */
export interface DraftProblem {
  path: string
  code: string
}

export function emptyDraft(kind: ActivityKind = 'club'): ActivityDraft {
  return {
    kind,
    unitId: null,
    code: '',
    name: '',
    description: '',
    placeId: null,
    leaders: [],
    capacity: null,
    minimum: 0,
    ageMin: null,
    ageMax: null,
    ageReferenceDate: null,
    schoolYearId: null,
    termId: null,
    startsOn: null,
    endsOn: null,
    startsAt: '',
    endsAt: '',
    slots: [],
    turns: [],
    priceOptions: [],
    registrationOpens: null,
    registrationCloses: null,
    public: true,
    membersOnly: false,
    approval: 'manual',
    seatOffers: 'automatic',
    offerHours: 48,
    priorityRules: [],
  }
}

export function emptySlot(): SlotDraft {
  return { weekday: 1, startsAt: '', endsAt: '', placeId: null }
}

/** The stored activity as the form shows it; `amountText` writes minor units as the desk types them. */
export function draftOf(activity: Activity, amountText: (minor: number) => string): ActivityDraft {
  return {
    kind: activity.kind,
    unitId: activity.unitId,
    code: activity.code,
    name: activity.name,
    description: activity.description,
    placeId: activity.placeId,
    leaders: activity.leaders.map((leader) => ({ ...leader })),
    capacity: activity.capacity,
    minimum: activity.minimum,
    ageMin: activity.ageMin,
    ageMax: activity.ageMax,
    ageReferenceDate: activity.ageReferenceDate,
    schoolYearId: activity.schoolYearId,
    termId: activity.termId,
    startsOn: activity.startsOn,
    endsOn: activity.endsOn,
    startsAt: activity.startsAt ?? '',
    endsAt: activity.endsAt ?? '',
    slots: activity.slots.map((slot) => ({ ...slot })),
    turns: activity.turns.map(({ id, name, startsOn, endsOn, capacity, minimum }) => ({
      id,
      name,
      startsOn,
      endsOn,
      capacity,
      minimum,
    })),
    // An archived price option is no longer offered; sending it back would offer it again.
    priceOptions: activity.priceOptions
      .filter((option) => !option.archived)
      .map(({ id, label, audience, period, amount }) => ({ id, label, audience, period, amount: amountText(amount) })),
    registrationOpens: activity.registrationOpens,
    registrationCloses: activity.registrationCloses,
    public: activity.public,
    membersOnly: activity.membersOnly,
    approval: activity.approval,
    seatOffers: activity.seatOffers,
    offerHours: activity.offerHours,
    priorityRules: [...activity.priorityRules],
  }
}

/**
 * The command's input from the draft, with only the fields of its kind: an event is one day, a
 * club meets weekly, a camp has turns. Amounts become integer minor units with `digits` decimals.
 * What cannot be sent at all (an amount or a time that is none, a missing date) comes back as
 * problems at main's paths, and main checks everything else.
 */
export function inputOf(draft: ActivityDraft, digits: number): { input: ActivityInput; problems: DraftProblem[] } {
  const problems: DraftProblem[] = []
  const time = (typed: string, path: string, required: boolean): string | null => {
    const normal = normaliseTime(typed)
    if (normal === null && (required || typed.trim() !== '')) {
      problems.push({ path, code: typed.trim() === '' ? 'required' : 'time_format' })
    }
    return normal
  }
  const day = (value: string | null, path: string): string => {
    if (value === null) problems.push({ path, code: 'required' })
    return value ?? ''
  }
  if (draft.unitId === null) problems.push({ path: 'activity.unitId', code: 'required' })

  const { kind } = draft
  const startsOn = day(draft.startsOn, 'activity.startsOn')
  const endsOn = kind === 'event' ? startsOn : day(draft.endsOn, 'activity.endsOn')
  const slots =
    kind === 'club'
      ? draft.slots.map((slot, index) => ({
          weekday: slot.weekday,
          startsAt: time(slot.startsAt, `activity.slots.${index}.startsAt`, true) ?? '',
          endsAt: time(slot.endsAt, `activity.slots.${index}.endsAt`, true) ?? '',
          placeId: slot.placeId,
        }))
      : []
  const turns =
    kind === 'camp'
      ? draft.turns.map((turn, index) => ({
          ...(turn.id === undefined ? {} : { id: turn.id }),
          name: turn.name,
          startsOn: day(turn.startsOn, `activity.turns.${index}.startsOn`),
          endsOn: day(turn.endsOn, `activity.turns.${index}.endsOn`),
          capacity: turn.capacity ?? 0,
          minimum: turn.minimum ?? 0,
        }))
      : []
  const priceOptions = draft.priceOptions.map((option, index) => {
    const amount = toMinorUnits(option.amount, digits)
    if (amount === null) {
      problems.push({
        path: `activity.priceOptions.${index}.amount`,
        code: option.amount.trim() === '' ? 'required' : 'money_format',
      })
    }
    return {
      ...(option.id === undefined ? {} : { id: option.id }),
      label: option.label,
      audience: option.audience,
      period: option.period,
      amount: amount ?? 0,
    }
  })

  const input: ActivityInput = {
    kind,
    unitId: draft.unitId ?? 0,
    code: draft.code,
    name: draft.name,
    description: draft.description,
    placeId: draft.placeId,
    leaders: draft.leaders.map((leader) =>
      leader.staffUserId !== null ? { staffUserId: leader.staffUserId } : { personId: leader.personId ?? 0 },
    ),
    capacity: draft.capacity,
    minimum: draft.minimum ?? 0,
    ageMin: draft.ageMin,
    ageMax: draft.ageMax,
    ageReferenceDate: draft.ageReferenceDate,
    schoolYearId: kind === 'club' ? draft.schoolYearId : null,
    termId: kind === 'club' ? draft.termId : null,
    startsOn,
    endsOn,
    startsAt: kind === 'event' ? time(draft.startsAt, 'activity.startsAt', true) : null,
    endsAt: kind === 'event' ? time(draft.endsAt, 'activity.endsAt', true) : null,
    slots,
    turns,
    priceOptions,
    registrationOpens: draft.registrationOpens,
    registrationCloses: draft.registrationCloses,
    public: draft.public,
    membersOnly: draft.membersOnly,
    approval: draft.approval,
    seatOffers: draft.seatOffers,
    offerHours: draft.offerHours ?? 0,
    priorityRules: [...draft.priorityRules],
  }
  return { input, problems }
}

/** The messages of one row of a list (`activity.slots.0` and its fields), shown under the row. */
export function rowErrors(errors: Record<string, string>, row: string): string[] {
  return Object.entries(errors)
    .filter(([path]) => path === row || path.startsWith(`${row}.`))
    .map(([, text]) => text)
}
