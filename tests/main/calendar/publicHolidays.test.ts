import { describe, expect, it } from 'vitest'
import {
  countryOfCurrency,
  easterSunday,
  publicHolidays,
  type HolidayCountry,
} from '../../../src/main/calendar/publicHolidays'

// Easter Sunday as the churches' tables give it.
const EASTER: [number, string][] = [
  [2024, '2024-03-31'],
  [2025, '2025-04-20'],
  [2026, '2026-04-05'],
  [2027, '2027-03-28'],
  [2028, '2028-04-16'],
  [2029, '2029-04-01'],
  [2030, '2030-04-21'],
]

// Every day off work of 2026, from each country's official calendar.
const YEAR_2026: Record<HolidayCountry, [string, string][]> = {
  CZ: [
    ['2026-01-01', 'new_year'],
    ['2026-04-03', 'good_friday'],
    ['2026-04-06', 'easter_monday'],
    ['2026-05-01', 'labour_day'],
    ['2026-05-08', 'liberation_day'],
    ['2026-07-05', 'cyril_methodius'],
    ['2026-07-06', 'jan_hus'],
    ['2026-09-28', 'statehood_day'],
    ['2026-10-28', 'independence_day'],
    ['2026-11-17', 'freedom_day'],
    ['2026-12-24', 'christmas_eve'],
    ['2026-12-25', 'christmas_day'],
    ['2026-12-26', 'st_stephen'],
  ],
  // No 1 September (since 2024) and no 17 November (since 2026): consolidation packages.
  SK: [
    ['2026-01-01', 'new_year'],
    ['2026-01-06', 'epiphany'],
    ['2026-04-03', 'good_friday'],
    ['2026-04-06', 'easter_monday'],
    ['2026-05-01', 'labour_day'],
    ['2026-05-08', 'liberation_day'],
    ['2026-07-05', 'cyril_methodius'],
    ['2026-08-29', 'slovak_uprising'],
    ['2026-09-15', 'our_lady_of_sorrows'],
    ['2026-11-01', 'all_saints'],
    ['2026-12-24', 'christmas_eve'],
    ['2026-12-25', 'christmas_day'],
    ['2026-12-26', 'st_stephen'],
  ],
  HU: [
    ['2026-01-01', 'new_year'],
    ['2026-03-15', 'revolution_1848'],
    ['2026-04-03', 'good_friday'],
    ['2026-04-05', 'easter_sunday'],
    ['2026-04-06', 'easter_monday'],
    ['2026-05-01', 'labour_day'],
    ['2026-05-24', 'whit_sunday'],
    ['2026-05-25', 'whit_monday'],
    ['2026-08-20', 'state_foundation'],
    ['2026-10-23', 'revolution_1956'],
    ['2026-11-01', 'all_saints'],
    ['2026-12-25', 'christmas_day'],
    ['2026-12-26', 'st_stephen'],
  ],
  PL: [
    ['2026-01-01', 'new_year'],
    ['2026-01-06', 'epiphany'],
    ['2026-04-05', 'easter_sunday'],
    ['2026-04-06', 'easter_monday'],
    ['2026-05-01', 'labour_day'],
    ['2026-05-03', 'constitution_day'],
    ['2026-05-24', 'whit_sunday'],
    ['2026-06-04', 'corpus_christi'],
    ['2026-08-15', 'assumption'],
    ['2026-11-01', 'all_saints'],
    ['2026-11-11', 'independence_day'],
    ['2026-12-24', 'christmas_eve'],
    ['2026-12-25', 'christmas_day'],
    ['2026-12-26', 'st_stephen'],
  ],
}

// Where a law changed: the day is off from (or until) a year, and not before (after).
const CHANGES: { country: HolidayCountry; date: string; key: string; off: boolean }[] = [
  { country: 'CZ', date: '2015-04-03', key: 'good_friday', off: false },
  { country: 'CZ', date: '2016-03-25', key: 'good_friday', off: true },
  { country: 'SK', date: '2023-09-01', key: 'constitution_day', off: true },
  { country: 'SK', date: '2024-09-01', key: 'constitution_day', off: false },
  { country: 'SK', date: '2024-11-17', key: 'freedom_day', off: true },
  { country: 'SK', date: '2025-11-17', key: 'freedom_day', off: true },
  { country: 'SK', date: '2026-11-17', key: 'freedom_day', off: false },
  { country: 'SK', date: '2027-11-17', key: 'freedom_day', off: false },
  { country: 'HU', date: '2016-03-25', key: 'good_friday', off: false },
  { country: 'HU', date: '2017-04-14', key: 'good_friday', off: true },
  { country: 'PL', date: '2010-01-06', key: 'epiphany', off: false },
  { country: 'PL', date: '2011-01-06', key: 'epiphany', off: true },
  { country: 'PL', date: '2024-12-24', key: 'christmas_eve', off: false },
  { country: 'PL', date: '2025-12-24', key: 'christmas_eve', off: true },
]

describe('public holidays', () => {
  it.each(EASTER)('Easter Sunday of %i is %s', (year, date) => {
    expect(easterSunday(year)).toBe(date)
  })

  it.each(Object.entries(YEAR_2026))('every day off of 2026 in %s', (country, days) => {
    const holidays = publicHolidays(country as HolidayCountry, 2026)
    expect(holidays.map(({ date, key }) => [date, key])).toEqual(days)
  })

  it.each(CHANGES)('$country $date $key: off $off', ({ country, date, key, off }) => {
    const holidays = publicHolidays(country, Number(date.slice(0, 4)))
    expect(holidays.some((holiday) => holiday.date === date && holiday.key === key)).toBe(off)
  })

  it.each([2024, 2027, 2030] as const)('the Easter days of %i move with Easter in every country', (year) => {
    const easter = easterSunday(year)
    for (const country of ['CZ', 'SK', 'HU', 'PL'] as const) {
      const monday = publicHolidays(country, year).find((holiday) => holiday.key === 'easter_monday')
      expect(monday && new Date(`${monday.date}T00:00:00Z`).getTime() - new Date(`${easter}T00:00:00Z`).getTime()).toBe(
        86_400_000,
      )
    }
  })

  it('the currency names the country until the centre chooses', () => {
    expect(['CZK', 'EUR', 'HUF', 'PLN'].map((c) => countryOfCurrency(c as 'CZK'))).toEqual(['CZ', 'SK', 'HU', 'PL'])
  })
})
