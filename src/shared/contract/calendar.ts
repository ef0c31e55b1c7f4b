import { z } from 'zod'
import { calendarDate } from './activities'
import { command } from './define'
import { visibleName } from './text'
import { expectedVersion } from './version'

/** The countries whose public holidays Frontdesk knows. */
export const HOLIDAY_COUNTRIES = ['CZ', 'SK', 'HU', 'PL'] as const
export type HolidayCountry = (typeof HOLIDAY_COUNTRIES)[number]

/** What the centre enters: school holidays (the schools' days off) and its own closure days. */
export const CLOSURE_KINDS = ['school_holiday', 'closure'] as const
export type ClosureKind = (typeof CLOSURE_KINDS)[number]

export const SCHOOL_YEAR_NAME_MAX = 40
export const TERM_NAME_MAX = 60
export const CLOSURE_NAME_MAX = 120
/** An .ics file of a whole country's school holidays is a few hundred kB; 4 MB is far beyond any real one. */
export const ICAL_TEXT_MAX = 4_000_000
/** The most events one import takes: a few thousand, so that one write stays short. */
export const ICAL_EVENTS_MAX = 3000
/** The longest span the calendar reads at once: two years and a day. */
export const RANGE_DAYS_MAX = 731

export interface Term {
  id: number
  schoolYearId: number
  name: string
  startsOn: string
  endsOn: string
  version: number
}

export interface SchoolYear {
  id: number
  name: string
  startsOn: string
  endsOn: string
  /** In date order. */
  terms: Term[]
  /** Some activity runs over the year or one of its terms: it cannot be deleted. */
  inUse: boolean
  version: number
}

export interface Closure {
  id: number
  kind: ClosureKind
  name: string
  startsOn: string
  endsOn: string
  /** The iCalendar UID it was imported from; null when entered by hand. */
  sourceUid: string | null
  version: number
}

export interface CalendarSettings {
  country: HolidayCountry
  /** True while nobody chose a country: it follows the organisation's currency. */
  fromCurrency: boolean
  updatedAt: string | null
  /** 0: never saved. */
  version: number
}

export type ClosedDayKind = 'public_holiday' | ClosureKind

/** One day no club meets. `name` is a public holiday's key (`good_friday`) or the name the centre gave. */
export interface CalendarDay {
  date: string
  kind: ClosedDayKind
  name: string
}

export interface CalendarRange {
  country: HolidayCountry
  /** Only closed days, in date order. */
  days: CalendarDay[]
}

export interface IcalImportResult {
  created: number
  updated: number
  unchanged: number
  /** Events the file holds that cannot become closures (repeating or cancelled ones). */
  skipped: number
}

const id = z.number().int().positive()
const dateRange = { startsOn: calendarDate, endsOn: calendarDate }
const termDraft = z.object({ name: visibleName(TERM_NAME_MAX), ...dateRange })
const schoolYearInput = z.object({ name: visibleName(SCHOOL_YEAR_NAME_MAX), ...dateRange })
const closureInput = z.object({ kind: z.enum(CLOSURE_KINDS), name: visibleName(CLOSURE_NAME_MAX), ...dateRange })

/**
 * The usual Czech and Slovak school year starting in `startYear`: 1 September – 30 June, halved
 * at the end of January. The form starts from it; every date stays editable.
 */
export function usualSchoolYear(startYear: number, termNames: [string, string]) {
  const next = startYear + 1
  return {
    name: `${startYear}/${next}`,
    startsOn: `${startYear}-09-01`,
    endsOn: `${next}-06-30`,
    terms: [
      { name: termNames[0], startsOn: `${startYear}-09-01`, endsOn: `${next}-01-31` },
      { name: termNames[1], startsOn: `${next}-02-01`, endsOn: `${next}-06-30` },
    ],
  }
}

export const calendarContract = {
  /** Every school year with its terms, newest first. */
  'calendar/list-school-years': command<SchoolYear[]>()({ input: z.object({}), kind: 'read', access: 'signed-in' }),
  /** A school year and its terms in one step (the form fills the usual two halves). */
  'calendar/create-school-year': command<SchoolYear>()({
    input: schoolYearInput.extend({ terms: z.array(termDraft).min(1).max(6) }),
    kind: 'write',
    access: 'activities.edit',
  }),
  'calendar/update-school-year': command<SchoolYear>()({
    input: schoolYearInput.extend({ id, expectedVersion }),
    kind: 'write',
    access: 'activities.edit',
  }),
  /** Only while no activity runs over it or its terms (`school_year_in_use`); its terms go with it. */
  'calendar/delete-school-year': command<{ id: number }>()({
    input: z.object({ id, expectedVersion }),
    kind: 'write',
    access: 'activities.edit',
  }),
  'calendar/create-term': command<SchoolYear>()({
    input: termDraft.extend({ schoolYearId: id }),
    kind: 'write',
    access: 'activities.edit',
  }),
  'calendar/update-term': command<SchoolYear>()({
    input: termDraft.extend({ id, expectedVersion }),
    kind: 'write',
    access: 'activities.edit',
  }),
  'calendar/delete-term': command<SchoolYear>()({
    input: z.object({ id, expectedVersion }),
    kind: 'write',
    access: 'activities.edit',
  }),

  /** Closures touching the span (either end null: open), in date order. */
  'calendar/list-closures': command<Closure[]>()({
    input: z.object({ from: calendarDate.nullable(), to: calendarDate.nullable() }),
    kind: 'read',
    access: 'signed-in',
  }),
  'calendar/create-closure': command<Closure>()({ input: closureInput, kind: 'write', access: 'activities.edit' }),
  'calendar/update-closure': command<Closure>()({
    input: closureInput.extend({ id, expectedVersion }),
    kind: 'write',
    access: 'activities.edit',
  }),
  'calendar/delete-closure': command<{ id: number }>()({
    input: z.object({ id, expectedVersion }),
    kind: 'write',
    access: 'activities.edit',
  }),
  /**
   * The text of an .ics file: each all-day (or timed) event becomes a closure of `kind`.
   * Importing the same file again updates the closures by the events' UIDs instead of adding.
   */
  'calendar/import-ical': command<IcalImportResult>()({
    input: z.object({ kind: z.enum(CLOSURE_KINDS), text: z.string().min(1).max(ICAL_TEXT_MAX) }),
    kind: 'write',
    access: 'activities.edit',
  }),

  /** Every closed day from `from` to `to` (inclusive, at most RANGE_DAYS_MAX days). */
  'calendar/range': command<CalendarRange>()({
    input: z.object({ from: calendarDate, to: calendarDate }),
    kind: 'read',
    access: 'signed-in',
  }),
  'calendar/get-settings': command<CalendarSettings>()({ input: z.object({}), kind: 'read', access: 'signed-in' }),
  /** `country` null: follow the organisation's currency again. */
  'calendar/update-settings': command<CalendarSettings>()({
    input: z.object({ country: z.enum(HOLIDAY_COUNTRIES).nullable(), expectedVersion: z.number().int().min(0) }),
    kind: 'write',
    access: 'activities.edit',
  }),
}
