import { addDays, publicHolidays, type HolidayCountry } from '../../src/main/calendar/publicHolidays'

/**
 * The bench centre's school year 2026/27 as a Czech DDM enters it: the year runs from
 * 1 September to 31 August (the law's school year), the two half-years are its terms, and the
 * school holidays are those the ministry set for 2026/27 (spring break of one district).
 */
export const SCHOOL_YEAR = { name: '2026/27', startsOn: '2026-09-01', endsOn: '2027-08-31' } as const

export const TERMS = [
  { name: '1. pololetí', startsOn: '2026-09-01', endsOn: '2027-01-31' },
  { name: '2. pololetí', startsOn: '2027-02-01', endsOn: '2027-06-30' },
] as const

export interface PlanClosure {
  kind: 'school_holiday' | 'closure'
  name: string
  startsOn: string
  endsOn: string
}

export const CLOSURES: readonly PlanClosure[] = [
  { kind: 'school_holiday', name: 'Podzimní prázdniny', startsOn: '2026-10-29', endsOn: '2026-10-30' },
  { kind: 'closure', name: 'Ředitelské volno', startsOn: '2026-11-16', endsOn: '2026-11-16' },
  { kind: 'school_holiday', name: 'Vánoční prázdniny', startsOn: '2026-12-23', endsOn: '2027-01-03' },
  { kind: 'school_holiday', name: 'Pololetní prázdniny', startsOn: '2027-01-29', endsOn: '2027-01-29' },
  { kind: 'school_holiday', name: 'Jarní prázdniny (Praha 1–5)', startsOn: '2027-02-15', endsOn: '2027-02-21' },
  { kind: 'school_holiday', name: 'Velikonoční prázdniny', startsOn: '2027-03-25', endsOn: '2027-03-25' },
  { kind: 'closure', name: 'Sanitární den', startsOn: '2027-05-07', endsOn: '2027-05-07' },
  { kind: 'school_holiday', name: 'Hlavní prázdniny', startsOn: '2027-07-01', endsOn: '2027-08-31' },
]

/** Clubs run from the second week of September to mid-June; a term club over its half-year. */
export const CLUB_SPANS = {
  year: { startsOn: '2026-09-14', endsOn: '2027-06-11' },
  autumn: { startsOn: '2026-09-14', endsOn: '2027-01-28' },
  spring: { startsOn: '2027-02-01', endsOn: '2027-06-11' },
} as const
export type ClubSpan = keyof typeof CLUB_SPANS

/** The bench centre is Czech (the demo organisation's currency is CZK). */
export const COUNTRY: HolidayCountry = 'CZ'

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay()
  return day === 0 ? 7 : day
}

/** Every day of the school year on which no club meets: public holidays, school holidays, closures. */
export function closedDaySet(): Set<string> {
  const closed = new Set<string>()
  for (const year of [2026, 2027]) for (const holiday of publicHolidays(COUNTRY, year)) closed.add(holiday.date)
  for (const closure of CLOSURES)
    for (let day = closure.startsOn; day <= closure.endsOn; day = addDays(day, 1)) closed.add(day)
  return closed
}

/** The dates a weekly slot meets between two days, skipping closed days. */
export function meetingDates(weekday: number, from: string, to: string, closed: ReadonlySet<string>): string[] {
  const dates: string[] = []
  let day = addDays(from, (weekday - weekdayOf(from) + 7) % 7)
  for (; day <= to; day = addDays(day, 7)) if (!closed.has(day)) dates.push(day)
  return dates
}

/** Non-overlapping weekly time slots a place is booked in: six each weekday afternoon, three on Saturday. */
export const GRID: readonly { weekday: number; startsAt: string; endsAt: string }[] = [
  ...[1, 2, 3, 4, 5].flatMap((weekday) =>
    [
      ['12:30', '14:00'],
      ['14:00', '15:30'],
      ['15:30', '17:00'],
      ['17:00', '18:30'],
      ['18:30', '20:00'],
      ['20:00', '21:30'],
    ].map(([startsAt, endsAt]) => ({ weekday, startsAt, endsAt })),
  ),
  { weekday: 6, startsAt: '09:00', endsAt: '10:30' },
  { weekday: 6, startsAt: '10:30', endsAt: '12:00' },
  { weekday: 6, startsAt: '13:00', endsAt: '14:30' },
]
