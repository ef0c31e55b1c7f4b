import { addDays } from '../../src/main/calendar/publicHolidays'
import type { DemoDataset } from '../../src/main/demo/dataset'
import type { Random } from '../../src/main/demo/random'
import { yearsBefore } from '../../src/shared/calendarDate'
import type { EnrolmentSource, EnrolmentState } from '../../src/shared/contract/enrolments'
import type { PlanActivity, PlanPrice } from './plan'

export interface PlanChange {
  from: EnrolmentState | null
  to: EnrolmentState
  at: string
  reason: string | null
}

/** One enrolment by indexes (activity, person, price option); its history in `changes`. */
export interface PlanEnrolment {
  activity: number
  person: number
  state: EnrolmentState
  price: number | null
  source: EnrolmentSource
  appliedAt: string
  decidedAt: string | null
  reason: string | null
  offerExpiresAt: string | null
  priority: number
  priorityReasons: string[]
  changes: PlanChange[]
}

interface EnrolmentOptions {
  total: number
  isMember(index: number): boolean
  asOf: string
  offersExpireAt: string
}

const LIVE: readonly EnrolmentState[] = ['applied', 'approved', 'waitlisted', 'offered']
const DAY = 86_400_000

/**
 * Exactly `total` enrolments in realistic states: ~80 % approved, 9 % applied (the approval
 * queue), 5 % waitlisted on full activities, a few offered, the rest history (withdrawn,
 * rejected, lapsed; everyone of a cancelled activity withdrawn). Each activity's capacity is set
 * from what it holds: a full one has exactly its approved and offered seats, the others room for
 * their pending applications. Children fit the age range (a few applications do not) and the
 * members-only rule, and no child is live in two activities at the same time.
 */
export function planEnrolments(
  random: Random,
  dataset: DemoDataset,
  activities: PlanActivity[],
  prices: readonly PlanPrice[],
  options: EnrolmentOptions,
): PlanEnrolment[] {
  const { total, asOf } = options
  const children = dataset.people
    .flatMap((person, index) => (person.role === 'participant' ? [index] : []))
    .map((index) => [dataset.people[index].birthDate, index] as const)
    .sort(([a, i], [b, j]) => (a < b ? -1 : a > b ? 1 : i - j))
    .map(([, index]) => index)
  const births = children.map((index) => dataset.people[index].birthDate)
  const pricesOf = new Map<number, number[]>()
  prices.forEach((price, i) => pricesOf.set(price.activity, [...(pricesOf.get(price.activity) ?? []), i]))
  const busy = new Map<number, Set<string>>()

  // When applications could come in: from the registration's opening to today (or the start).
  const windowOf = (activity: PlanActivity): [number, number] | null => {
    const from = Date.parse(`${activity.registrationOpens ?? '2026-06-01'}T06:00:00Z`)
    const last = activity.kind === 'club' ? addDays(activity.startsOn, 20) : addDays(activity.startsOn, -2)
    const to = Math.min(Date.parse(`${last}T18:00:00Z`), Date.parse(asOf))
    return from < to ? [from, to] : null
  }
  const enrollable = activities.flatMap((activity, index) =>
    activity.capacity !== null && activity.state !== 'draft' && windowOf(activity) ? [index] : [],
  )
  const live = enrollable.filter((i) => activities[i].state === 'published' || activities[i].state === 'finished')
  const open = live.filter((i) => activities[i].state === 'published')
  const full = new Set(open.filter(() => random.chance(0.4)))
  const weight = new Map(
    live.map((i) => {
      const kind = activities[i].parent !== null ? 'turn' : activities[i].kind
      const [lo, hi] = ({ club: [12, 28], event: [20, 60], camp: [15, 35], turn: [20, 35] } as const)[kind]
      return [i, random.int(lo, hi)]
    }),
  )
  const applied = distribute(
    random,
    Math.round(total * 0.09),
    open.filter((i) => activities[i].approval === 'manual'),
    weight,
  )
  const waitlisted = distribute(random, Math.round(total * 0.05), [...full], weight)
  const offered = distribute(random, Math.round(total * 0.005), [...full], weight)
  const historyShare = Math.round(total * 0.06)
  const approvedTotal = total - historyShare - sum(applied) - sum(waitlisted) - sum(offered)
  const approved = distribute(random, approvedTotal, live, weight)

  const enrolments: PlanEnrolment[] = []
  const taken = new Map<number, Set<number>>()
  const slices = new Map<number, [number, number]>()
  const pick = (index: number, state: EnrolmentState, anyAge = false): number | null => {
    const activity = activities[index]
    let slice = slices.get(index)
    if (!slice) slices.set(index, (slice = ageSlice(births, activity)))
    const [lo, hi] = anyAge ? [0, children.length] : slice
    if (hi <= lo) return null
    const inActivity = taken.get(index) ?? new Set<number>()
    taken.set(index, inActivity)
    for (let attempt = 0; attempt < 60; attempt++) {
      const person = children[random.int(lo, hi - 1)]
      if (inActivity.has(person) || (activity.membersOnly && !options.isMember(person))) continue
      const timetable = busy.get(person) ?? new Set<string>()
      if (LIVE.includes(state)) {
        if (activity.busy.some((key) => timetable.has(key))) continue
        for (const key of activity.busy) timetable.add(key)
        busy.set(person, timetable)
      }
      inActivity.add(person)
      return person
    }
    return null
  }
  const add = (index: number, person: number, state: EnrolmentState) => {
    const activity = activities[index]
    const [from, to] = windowOf(activity)!
    const pending = state === 'applied'
    const appliedMs = pending ? random.int(Math.max(from, to - 75 * DAY), to) : random.int(from, to)
    const decidedMs = Math.min(appliedMs + random.int(DAY / 2, 6 * DAY), Date.parse(asOf))
    const applied = new Date(appliedMs).toISOString()
    const decided = new Date(decidedMs).toISOString()
    const later = new Date(Math.min(decidedMs + random.int(DAY, 20 * DAY), Date.parse(asOf))).toISOString()
    const changes: PlanChange[] = [{ from: null, to: 'applied', at: applied, reason: null }]
    const step = (to: EnrolmentState, at: string, reason: string | null = null) =>
      changes.push({ from: changes[changes.length - 1].to, to, at, reason })
    let reason: string | null = null
    if (state === 'approved' || state === 'withdrawn') step('approved', decided)
    if (state === 'waitlisted' || state === 'offered' || state === 'lapsed') step('waitlisted', decided)
    if (state === 'offered' || state === 'lapsed') step('offered', later)
    if (state === 'lapsed') step('lapsed', later, (reason = 'Nabídka propadla'))
    if (state === 'rejected') step('rejected', decided, (reason = random.pick(['Mimo věkové rozmezí', 'Kapacita'])))
    if (state === 'withdrawn') {
      const cancelled = activity.state === 'cancelled'
      reason = cancelled ? `Zrušeno: ${activity.cancelReason}` : 'Odhlášeno rodičem'
      step('withdrawn', cancelled ? activity.cancelledAt! : later, reason)
    }
    const own = pricesOf.get(activity.parent ?? index) ?? []
    const audience = options.isMember(person) ? 'member' : 'non_member'
    const price = own.find((p) => prices[p].audience === audience) ?? own[0] ?? null
    const rules = state === 'waitlisted' && activity.priorityRules.length > 0 && random.chance(0.2) ? ['returning'] : []
    enrolments.push({
      activity: index,
      person,
      state,
      price,
      source: random.chance(0.7) ? 'application' : 'staff',
      appliedAt: applied,
      decidedAt: changes.length > 1 ? changes[changes.length - 1].at : null,
      reason,
      offerExpiresAt: state === 'offered' ? options.offersExpireAt : null,
      priority: rules.length,
      priorityReasons: rules,
      changes,
    })
  }

  const placed = new Map<number, Record<'approved' | 'offered' | 'applied', number>>()
  for (const index of shuffle(random, [...live])) {
    const counts = { approved: 0, offered: 0, applied: 0 }
    const wanted: [EnrolmentState, number][] = [
      ['approved', approved.get(index) ?? 0],
      ['offered', offered.get(index) ?? 0],
      ['waitlisted', waitlisted.get(index) ?? 0],
      ['applied', applied.get(index) ?? 0],
    ]
    for (const [state, count] of wanted) {
      for (let n = 0; n < count; n++) {
        // A few applications from the public do not fit the age range: the queue explains them.
        const person = pick(index, state, state === 'applied' && random.chance(0.02))
        if (person === null) continue
        add(index, person, state)
        if (state === 'approved' || state === 'offered' || state === 'applied') counts[state]++
      }
    }
    placed.set(index, counts)
  }
  for (const [index, activity] of activities.entries()) {
    if (activity.capacity === null) continue
    const counts = placed.get(index)
    const seats = counts ? counts.approved + counts.offered : 0
    activity.capacity = !counts
      ? random.int(10, 25)
      : full.has(index) && seats > 0
        ? seats
        : seats + counts.applied + random.int(2, 10)
    activity.minimum = Math.min(activity.minimum, activity.capacity)
  }

  // History fills up to exactly `total`: everyone of a cancelled activity withdrawn, then the rest.
  let history = total - enrolments.length
  for (const index of enrollable.filter((i) => activities[i].state === 'cancelled')) {
    for (let n = random.int(6, 15); n > 0 && history > 0; n--) {
      const person = pick(index, 'withdrawn')
      if (person === null) continue
      add(index, person, 'withdrawn')
      history--
    }
  }
  for (let misses = 0; history > 0 && misses < 10_000;) {
    const index = live[random.int(0, live.length - 1)]
    const state = random.weighted<EnrolmentState>([
      ['withdrawn', 60],
      ['rejected', 30],
      ['lapsed', 10],
    ])
    const person = pick(index, state)
    if (person === null) {
      misses++
      continue
    }
    add(index, person, state)
    history--
  }
  return enrolments
}

/** The children (sorted by birth date) old enough and young enough on the activity's first day. */
function ageSlice(births: readonly string[], activity: PlanActivity): [number, number] {
  const first = activity.ageMax === null ? 0 : upperBound(births, yearsBefore(activity.startsOn, activity.ageMax + 1))
  const last =
    activity.ageMin === null ? births.length : upperBound(births, yearsBefore(activity.startsOn, activity.ageMin))
  return [first, last]
}

/** The first position whose value is above `value`. */
function upperBound(sorted: readonly string[], value: string): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid] <= value) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** `amount` spread over `over` in proportion to their weights, whole numbers summing to it. */
function distribute(random: Random, amount: number, over: readonly number[], weight: Map<number, number>) {
  const shares = new Map<number, number>()
  const total = over.reduce((s, i) => s + (weight.get(i) ?? 1), 0)
  if (over.length === 0 || amount <= 0) return shares
  let given = 0
  for (const i of over) {
    const share = Math.floor((amount * (weight.get(i) ?? 1)) / total)
    shares.set(i, share)
    given += share
  }
  for (; given < amount; given++) {
    const i = over[random.int(0, over.length - 1)]
    shares.set(i, shares.get(i)! + 1)
  }
  return shares
}

const sum = (shares: Map<number, number>) => [...shares.values()].reduce((s, n) => s + n, 0)

function shuffle<T>(random: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.int(0, i)
    ;[items[i], items[j]] = [items[j], items[i]]
  }
  return items
}
