import type { DemoDataset } from '../../src/main/demo/dataset'
import { Random } from '../../src/main/demo/random'
import type {
  ActivityKind,
  ActivityState,
  ApprovalMode,
  PlaceKind,
  PriceAudience,
  PricePeriod,
} from '../../src/shared/contract/activities'
import { addDays } from '../../src/main/calendar/publicHolidays'
import { CLUB_SPANS, GRID, closedDaySet, meetingDates, weekdayOf, type ClubSpan } from './calendar'
import { planEnrolments, type PlanEnrolment } from './enrolmentPlan'

/** How big the centre is; `activitySizes` scales the figures to the size of the register. */
export interface ActivitySizes {
  places: number
  clubs: number
  events: number
  camps: number
  enrolments: number
}

/** The centre at 100 000 people: 60 places, 2 000 activities, 60 000 enrolments. */
export function activitySizes(people: number): ActivitySizes {
  const f = people / 100_000
  return {
    places: Math.max(4, Math.round(60 * f)),
    clubs: Math.max(8, Math.round(1_700 * f)),
    events: Math.max(2, Math.round(200 * f)),
    camps: Math.max(2, Math.round(100 * f)),
    enrolments: Math.round(60_000 * f),
  }
}

export interface PlanPlace {
  name: string
  kind: PlaceKind
  capacity: number | null
}

/** One activity row; `parent` and `place` are indexes into the plan's lists. */
export interface PlanActivity {
  kind: ActivityKind
  parent: number | null
  unitKey: string
  code: string
  name: string
  description: string
  place: number | null
  capacity: number | null
  minimum: number
  ageMin: number | null
  ageMax: number | null
  /** Club: 0 or 1 for a term club, null over the whole year. */
  term: number | null
  span: ClubSpan | null
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
  priorityRules: string[]
  state: ActivityState
  cancelledAt: string | null
  cancelReason: string | null
  /** Person indexes of its leaders (volunteers and coaches from the register). */
  leaders: number[]
  /** What a child's timetable must keep free for it: a weekly slot of a half-year, a Sunday, a camp week. */
  busy: string[]
}

export interface PlanSlot {
  activity: number
  weekday: number
  startsAt: string
  endsAt: string
  place: number
}

export interface PlanPrice {
  activity: number
  label: string
  audience: PriceAudience
  period: PricePeriod
  amount: number
  position: number
}

export interface PlanSession {
  activity: number
  slot: number
  date: string
  startsAt: string
  endsAt: string
  place: number
  cancelReason: string | null
}

export interface ActivityPlan {
  places: PlanPlace[]
  activities: PlanActivity[]
  slots: PlanSlot[]
  prices: PlanPrice[]
  sessions: PlanSession[]
  enrolments: PlanEnrolment[]
}

export interface PlanOptions {
  seed: number
  sizes: ActivitySizes
  /** Whether the person at this index is a member (as loaded into the register). */
  isMember(index: number): boolean
  /** The data set is as of this instant: earlier events are finished, decisions made before it. */
  asOf?: string
  /** When the open seat offers expire: after the bench's own clock, so no expiry run lapses them mid-run. */
  offersExpireAt?: string
}

export const AS_OF = '2026-11-20T15:00:00.000Z'

const PLACE_TYPES: readonly (readonly [string, PlaceKind, number | null])[] = [
  ['Učebna', 'room', 16],
  ['Tělocvična', 'gym', 40],
  ['Keramická dílna', 'room', 12],
  ['Taneční sál', 'room', 30],
  ['Klubovna', 'room', 20],
  ['Počítačová učebna', 'room', 14],
  ['Hudebna', 'room', 15],
  ['Hřiště', 'outdoor', null],
]

const LEVELS: readonly (readonly [string, number | null, number | null])[] = [
  ['přípravka', 5, 7],
  ['mladší žáci', 8, 11],
  ['starší žáci', 12, 15],
  ['dorost', 15, 18],
  ['začátečníci', 7, 14],
  ['pokročilí', 10, 18],
  ['rodiče s dětmi', 4, 6],
  ['pro všechny', null, null],
]
const DAY_NAMES = ['', 'po', 'út', 'st', 'čt', 'pá', 'so', 'ne']
const EVENT_NAMES = [
  'Drakiáda',
  'Turnaj',
  'Výlet',
  'Dílnička',
  'Karneval',
  'Soutěž',
  'Vystoupení',
  'Den otevřených dveří',
]
/** Summer weeks (Mondays) and the shorter holiday camps. */
const SUMMER_WEEKS = ['2027-07-05', '2027-07-12', '2027-07-19', '2027-07-26', '2027-08-02', '2027-08-09', '2027-08-16']
const SHORT_CAMPS = [
  { name: 'Podzimní', startsOn: '2026-10-29', endsOn: '2026-10-30' },
  { name: 'Jarní', startsOn: '2027-02-15', endsOn: '2027-02-19' },
  { name: 'Velikonoční', startsOn: '2027-03-25', endsOn: '2027-03-26' },
]

const pad = (n: number, width = 4) => String(n).padStart(width, '0')

/**
 * The centre's activities for 2026/27, generated from a seed: places, ~85 % clubs (one or two
 * weekly slots, over the year or a half-year) with their dated sessions, Sunday events, holiday
 * camps (some in summer turns), price options, leaders from the register, and the enrolments.
 * No place, leader or child is booked twice at the same time. Indexes, not ids: the loader maps them.
 */
export function planActivities(dataset: DemoDataset, options: PlanOptions): ActivityPlan {
  const random = new Random(options.seed ^ 0x5eed)
  const { sizes } = options
  const asOf = options.asOf ?? AS_OF
  const today = asOf.slice(0, 10)
  const groups = dataset.units.filter((unit) => unit.kind === 'group')
  const places: PlanPlace[] = Array.from({ length: sizes.places }, (_, i) => {
    const [name, kind, capacity] = PLACE_TYPES[i % PLACE_TYPES.length]
    return { name: `${name} ${Math.floor(i / PLACE_TYPES.length) + 1}`, kind, capacity }
  })
  const adults = dataset.people.flatMap((person, index) => (person.role === 'guardian' ? [index] : []))
  let nextLeader = random.int(0, adults.length - 1)
  const leader = () => adults[nextLeader++ % adults.length]

  const activities: PlanActivity[] = []
  const slots: PlanSlot[] = []
  const prices: PlanPrice[] = []
  const base = (kind: ActivityKind, code: string): PlanActivity => {
    const [level, ageMin, ageMax] = random.pick(LEVELS)
    const group = random.pick(groups)
    const manual = kind === 'event' ? random.chance(0.3) : random.chance(0.9)
    return {
      kind,
      parent: null,
      unitKey: group.key,
      code,
      name: `${group.name} – ${level}`,
      description: random.chance(0.6) ? `${group.name} pro ${level}. Přihlášky na recepci nebo online.` : '',
      place: null,
      capacity: null,
      minimum: 0,
      ageMin,
      ageMax,
      term: null,
      span: null,
      startsOn: '',
      endsOn: '',
      startsAt: null,
      endsAt: null,
      registrationOpens: null,
      registrationCloses: null,
      public: random.chance(0.9),
      membersOnly: random.chance(0.05),
      approval: manual ? 'manual' : 'automatic',
      seatOffers: random.chance(0.7) ? 'automatic' : 'manual',
      offerHours: random.pick([24, 48, 72]),
      priorityRules: random.chance(0.15) ? ['returning', 'sibling'] : [],
      state: 'published',
      cancelledAt: null,
      cancelReason: null,
      leaders: [leader()],
      busy: [],
    }
  }
  const addPrices = (activity: number, period: PricePeriod, amount: number, sibling: boolean) => {
    const options: [string, PriceAudience, number][] = [
      ['Člen', 'member', amount],
      ['Nečlen', 'non_member', Math.round(amount * 1.25)],
    ]
    if (sibling) options.push(['Sourozenec', 'sibling', Math.round(amount * 0.8)])
    options.forEach(([label, audience, value], position) =>
      prices.push({ activity, label, audience, period, amount: Math.round(value / 1000) * 1000, position }),
    )
  }

  // Clubs: whole-year ones take both halves of a place's weekly slot, term clubs one half.
  const cells = shuffled(
    random,
    Array.from({ length: sizes.places * GRID.length }, (_, i) => i),
  )
  // Per half-year, which cells (by position in the shuffled order) are free, and where the first free one is.
  const free = [new Uint8Array(cells.length).fill(1), new Uint8Array(cells.length).fill(1)]
  const firstFree = [0, 0]
  const takeCell = (halves: number[], avoidWeekday: number | null): number | null => {
    const h0 = halves[0]
    while (firstFree[h0] < cells.length && !free[h0][firstFree[h0]]) firstFree[h0]++
    for (let position = firstFree[h0]; position < cells.length; position++) {
      if (!halves.every((h) => free[h][position])) continue
      const cell = cells[position]
      if (avoidWeekday !== null && GRID[cell % GRID.length].weekday === avoidWeekday) continue
      for (const h of halves) free[h][position] = 0
      return cell
    }
    return null
  }
  const spans: ClubSpan[] = Array.from({ length: sizes.clubs }, () =>
    random.weighted<ClubSpan>([
      ['year', 70],
      ['autumn', 15],
      ['spring', 15],
    ]),
  )
  // Whole-year clubs first: they need a slot free in both halves.
  const order = spans
    .map((span, i) => [span, i] as const)
    .sort((a, b) => (a[0] === 'year' ? 0 : 1) - (b[0] === 'year' ? 0 : 1))
  const clubOf = new Map<number, PlanActivity>()
  const clubCells = new Map<number, number[]>()
  for (const [span, i] of order) {
    const halves = span === 'year' ? [0, 1] : span === 'autumn' ? [0] : [1]
    const first = takeCell(halves, null)
    if (first === null) continue
    const second = random.chance(0.2) ? takeCell(halves, GRID[first % GRID.length].weekday) : null
    const club = base('club', `K${pad(i + 1)}`)
    const grid = GRID[first % GRID.length]
    club.name = `${club.name} (${DAY_NAMES[grid.weekday]} ${grid.startsAt})`
    club.place = Math.floor(first / GRID.length)
    club.span = span
    club.term = span === 'year' ? null : halves[0]
    club.startsOn = CLUB_SPANS[span].startsOn
    club.endsOn = CLUB_SPANS[span].endsOn
    club.capacity = 1
    club.minimum = random.int(4, 8)
    club.registrationOpens = '2026-06-01'
    club.registrationCloses = random.chance(0.7) ? '2026-09-30' : null
    for (const cell of second === null ? [first] : [first, second])
      for (const h of halves) club.busy.push(`${h}|${cell % GRID.length}`)
    clubOf.set(i, club)
    clubCells.set(i, second === null ? [first] : [first, second])
  }
  const closed = closedDaySet()
  const sessions: PlanSession[] = []
  for (let i = 0; i < sizes.clubs; i++) {
    const club = clubOf.get(i)
    if (!club) continue
    const index = activities.push(club) - 1
    for (const cell of clubCells.get(i)!) {
      const grid = GRID[cell % GRID.length]
      const slot = slots.push({ activity: index, ...grid, place: Math.floor(cell / GRID.length) }) - 1
      for (const date of meetingDates(grid.weekday, club.startsOn, club.endsOn, closed)) {
        // About one past session in 120 was called off (an ill leader), with its reason kept.
        const cancelled = date < today && random.chance(1 / 120)
        sessions.push({
          ...grid,
          activity: index,
          slot,
          date,
          place: slots[slot].place,
          cancelReason: cancelled ? 'Nemoc lektora' : null,
        })
      }
    }
    addPrices(index, club.span === 'year' ? 'school_year' : 'half_year', random.int(8, 25) * 10_000, random.chance(0.3))
  }

  // Events: on Sundays (no club meets), each place holds one in the morning and one in the afternoon.
  const sundays: string[] = []
  for (let day = '2026-09-06'; day <= '2027-06-27'; day = addDays(day, 7)) sundays.push(day)
  const eventCells = shuffled(
    random,
    Array.from({ length: sundays.length * 2 * sizes.places }, (_, i) => i),
  )
  for (let i = 0; i < sizes.events && i < eventCells.length; i++) {
    const cell = eventCells[i]
    const event = base('event', `A${pad(i + 1)}`)
    const date = sundays[Math.floor(cell / (2 * sizes.places))]
    const morning = Math.floor(cell / sizes.places) % 2 === 0
    event.name = `${random.pick(EVENT_NAMES)}: ${event.name}`
    event.place = cell % sizes.places
    event.startsOn = event.endsOn = date
    event.startsAt = morning ? '09:00' : '14:00'
    event.endsAt = morning ? '12:00' : '17:00'
    event.capacity = 1
    event.registrationOpens = addDays(date, -45)
    event.registrationCloses = addDays(date, -2)
    event.state = date < today ? 'finished' : 'published'
    event.busy = [`e|${date}`]
    const index = activities.push(event) - 1
    addPrices(index, 'one_off', random.int(5, 30) * 1_000, false)
  }

  // Camps: summer camps (a third of them in turns) and short holiday camps.
  const campPlaces = new Set<string>()
  for (let i = 0; i < sizes.camps; i++) {
    const camp = base('camp', `T${pad(i + 1)}`)
    camp.minimum = random.int(8, 12)
    camp.registrationOpens = '2026-10-01'
    const summer = random.chance(0.8)
    const turns = summer && random.chance(0.35) ? random.int(2, 4) : 0
    const short = random.pick(SHORT_CAMPS)
    const firstWeek = random.int(0, SUMMER_WEEKS.length - Math.max(turns, 1))
    camp.startsOn = summer ? SUMMER_WEEKS[firstWeek] : short.startsOn
    camp.endsOn = summer ? addDays(SUMMER_WEEKS[firstWeek + Math.max(turns, 1) - 1], 4) : short.endsOn
    camp.name = `${summer ? 'Letní' : short.name} tábor: ${camp.name}`
    camp.registrationCloses = addDays(camp.startsOn, -14)
    // A day camp in one of the centre's places, unless that place is taken that week; else away.
    const place = random.int(0, sizes.places - 1)
    if (!summer || turns === 0) {
      const key = `${place}|${camp.startsOn}`
      if (!campPlaces.has(key) && random.chance(0.5)) {
        campPlaces.add(key)
        camp.place = place
      }
    }
    camp.capacity = turns ? null : 1
    camp.busy = turns ? [] : weeks(camp.startsOn, camp.endsOn)
    const index = activities.push(camp) - 1
    addPrices(index, 'one_off', random.int(20, 60) * 10_000, random.chance(0.4))
    for (let t = 0; t < turns; t++) {
      const startsOn = SUMMER_WEEKS[firstWeek + t]
      activities.push({
        ...camp,
        parent: index,
        code: `${camp.code}-${t + 1}`,
        name: `${t + 1}. turnus`,
        description: '',
        startsOn,
        endsOn: addDays(startsOn, 4),
        capacity: 1,
        leaders: [leader()],
        busy: weeks(startsOn, addDays(startsOn, 4)),
      })
    }
  }

  // A few drafts (nobody in them yet) and a few cancelled (everyone withdrawn, history kept).
  for (const activity of activities) {
    if (activity.parent !== null || activity.state === 'finished') continue
    if (random.chance(0.02)) activity.state = 'draft'
    else if (random.chance(0.01)) {
      activity.state = 'cancelled'
      activity.cancelledAt = '2026-10-02T08:30:00.000Z'
      activity.cancelReason = 'Nedostatek přihlášených'
    }
  }
  for (const turn of activities)
    if (turn.parent !== null) {
      turn.state = activities[turn.parent].state
      turn.cancelledAt = activities[turn.parent].cancelledAt
      turn.cancelReason = activities[turn.parent].cancelReason
    }

  const enrolments = planEnrolments(random, dataset, activities, prices, {
    total: sizes.enrolments,
    isMember: options.isMember,
    asOf,
    offersExpireAt: options.offersExpireAt ?? new Date(Date.parse(asOf) + 48 * 3_600_000).toISOString(),
  })
  return { places, activities, slots, prices, sessions, enrolments }
}

/** The Monday of every week a date range touches: a child is at one camp a week. */
function weeks(from: string, to: string): string[] {
  const keys: string[] = []
  for (let monday = addDays(from, 1 - weekdayOf(from)); monday <= to; monday = addDays(monday, 7))
    keys.push(`c|${monday}`)
  return keys
}

function shuffled<T>(random: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.int(0, i)
    ;[items[i], items[j]] = [items[j], items[i]]
  }
  return items
}
