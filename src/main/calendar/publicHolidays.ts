import type { HolidayCountry } from '../../shared/contract/calendar'
import type { Currency } from '../../shared/money'

export { HOLIDAY_COUNTRIES, type HolidayCountry } from '../../shared/contract/calendar'

export interface PublicHoliday {
  date: string
  /** Stable key of the holiday (`new_year`, `good_friday` …); the renderer names it in the desk's language. */
  key: string
}

/** The country whose public holidays a centre keeps, as its currency says until it says otherwise. */
export function countryOfCurrency(currency: Currency): HolidayCountry {
  return ({ CZK: 'CZ', EUR: 'SK', HUF: 'HU', PLN: 'PL' } as const)[currency]
}

const pad = (value: number) => String(value).padStart(2, '0')
const day = (year: number, month: number, date: number) => `${year}-${pad(month)}-${pad(date)}`

/** Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
export function easterSunday(year: number): string {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const date = ((h + l - 7 * m + 114) % 31) + 1
  return day(year, month, date)
}

/** A calendar date moved by whole days, in UTC so that no clock change shifts it. */
export function addDays(date: string, days: number): string {
  const moved = new Date(`${date}T00:00:00Z`)
  moved.setUTCDate(moved.getUTCDate() + days)
  return moved.toISOString().slice(0, 10)
}

/** `from` / `until`: the first and last year the day is a day off, where the law changed. */
type Rule = { key: string; from?: number; until?: number } & ({ month: number; day: number } | { easter: number })

/*
 * Days off work (not every state holiday or memorial day is one), as the laws say:
 * CZ zákon 245/2000 Sb. (Good Friday since 2016); SK zákon 241/1993 Z. z. as the consolidation
 * packages changed it (1 September no day off from 2024, 17 November from 2026); HU Munka
 * törvénykönyve § 102 (Good Friday since 2017); PL ustawa o dniach wolnych od pracy (Epiphany
 * since 2011, Christmas Eve since 2025).
 */

const RULES: Record<HolidayCountry, Rule[]> = {
  CZ: [
    { key: 'new_year', month: 1, day: 1 },
    { key: 'good_friday', easter: -2, from: 2016 },
    { key: 'easter_monday', easter: 1 },
    { key: 'labour_day', month: 5, day: 1 },
    { key: 'liberation_day', month: 5, day: 8 },
    { key: 'cyril_methodius', month: 7, day: 5 },
    { key: 'jan_hus', month: 7, day: 6 },
    { key: 'statehood_day', month: 9, day: 28 },
    { key: 'independence_day', month: 10, day: 28 },
    { key: 'freedom_day', month: 11, day: 17 },
    { key: 'christmas_eve', month: 12, day: 24 },
    { key: 'christmas_day', month: 12, day: 25 },
    { key: 'st_stephen', month: 12, day: 26 },
  ],
  SK: [
    { key: 'new_year', month: 1, day: 1 },
    { key: 'epiphany', month: 1, day: 6 },
    { key: 'good_friday', easter: -2 },
    { key: 'easter_monday', easter: 1 },
    { key: 'labour_day', month: 5, day: 1 },
    { key: 'liberation_day', month: 5, day: 8 },
    { key: 'cyril_methodius', month: 7, day: 5 },
    { key: 'slovak_uprising', month: 8, day: 29 },
    { key: 'constitution_day', month: 9, day: 1, until: 2023 },
    { key: 'our_lady_of_sorrows', month: 9, day: 15 },
    { key: 'all_saints', month: 11, day: 1 },
    { key: 'freedom_day', month: 11, day: 17, until: 2025 },
    { key: 'christmas_eve', month: 12, day: 24 },
    { key: 'christmas_day', month: 12, day: 25 },
    { key: 'st_stephen', month: 12, day: 26 },
  ],
  HU: [
    { key: 'new_year', month: 1, day: 1 },
    { key: 'revolution_1848', month: 3, day: 15 },
    { key: 'good_friday', easter: -2, from: 2017 },
    { key: 'easter_sunday', easter: 0 },
    { key: 'easter_monday', easter: 1 },
    { key: 'labour_day', month: 5, day: 1 },
    { key: 'whit_sunday', easter: 49 },
    { key: 'whit_monday', easter: 50 },
    { key: 'state_foundation', month: 8, day: 20 },
    { key: 'revolution_1956', month: 10, day: 23 },
    { key: 'all_saints', month: 11, day: 1 },
    { key: 'christmas_day', month: 12, day: 25 },
    { key: 'st_stephen', month: 12, day: 26 },
  ],
  PL: [
    { key: 'new_year', month: 1, day: 1 },
    { key: 'epiphany', month: 1, day: 6, from: 2011 },
    { key: 'easter_sunday', easter: 0 },
    { key: 'easter_monday', easter: 1 },
    { key: 'labour_day', month: 5, day: 1 },
    { key: 'constitution_day', month: 5, day: 3 },
    { key: 'whit_sunday', easter: 49 },
    { key: 'corpus_christi', easter: 60 },
    { key: 'assumption', month: 8, day: 15 },
    { key: 'all_saints', month: 11, day: 1 },
    { key: 'independence_day', month: 11, day: 11 },
    { key: 'christmas_eve', month: 12, day: 24, from: 2025 },
    { key: 'christmas_day', month: 12, day: 25 },
    { key: 'st_stephen', month: 12, day: 26 },
  ],
}

/** The country's public holidays of one year, in date order. */
export function publicHolidays(country: HolidayCountry, year: number): PublicHoliday[] {
  const easter = easterSunday(year)
  return RULES[country]
    .filter((rule) => year >= (rule.from ?? year) && year <= (rule.until ?? year))
    .map((rule) => ({
      key: rule.key,
      date: 'easter' in rule ? addDays(easter, rule.easter) : day(year, rule.month, rule.day),
    }))
    .sort((a, b) => a.date.localeCompare(b.date))
}
