import type { EntityManager } from 'typeorm'
import { z } from 'zod'
import { HOLIDAY_COUNTRIES, type CalendarSettings, type HolidayCountry } from '../../shared/contract/calendar'
import { readOrganisation } from '../settings/organisationSettings'
import { jsonSetting } from '../settings/jsonSetting'
import { countryOfCurrency } from './publicHolidays'

/** null: nobody chose, the organisation's currency decides (CZK → CZ, EUR → SK …). */
const calendar = jsonSetting('calendar', z.object({ country: z.enum(HOLIDAY_COUNTRIES).nullable() }), {
  country: null,
})

export async function readCalendarSettings(em: EntityManager): Promise<CalendarSettings> {
  const { value, updatedAt, version } = await calendar.read(em)
  const country = value.country ?? countryOfCurrency((await readOrganisation(em)).currency)
  return { country, fromCurrency: value.country === null, updatedAt, version }
}

export async function writeCalendarSettings(
  em: EntityManager,
  country: HolidayCountry | null,
  expectedVersion: number,
  now: Date,
): Promise<CalendarSettings> {
  await calendar.write(em, { country }, expectedVersion, now)
  return readCalendarSettings(em)
}

/** The country whose public holidays the centre keeps. */
export async function holidayCountry(em: EntityManager): Promise<HolidayCountry> {
  return (await readCalendarSettings(em)).country
}
