import { LessThanOrEqual, MoreThanOrEqual, type EntityManager } from 'typeorm'
import type { HolidayCountry } from '../../shared/contract/calendar'
import { ClosureSchema } from './calendarEntities'
import { holidayCountry } from './calendarSettings'
import { addDays, publicHolidays } from './publicHolidays'

export interface ClosedDay {
  kind: 'public_holiday' | 'school_holiday' | 'closure'
  /** The holiday's key for a public holiday; the name the centre gave otherwise. */
  name: string
}

export { holidayCountry }

/**
 * Every day from `from` to `to` (inclusive) on which no club meets: public holidays of the
 * centre's country, school holidays and the centre's closure days. A day that is several is
 * reported as the first found (public holiday, then as entered).
 */
export async function closedDays(em: EntityManager, from: string, to: string): Promise<Map<string, ClosedDay>> {
  return closedDaysIn(em, from, to, await holidayCountry(em))
}

/** The same for a country already read (the calendar screen answers with it). */
export async function closedDaysIn(
  em: EntityManager,
  from: string,
  to: string,
  country: HolidayCountry,
): Promise<Map<string, ClosedDay>> {
  const closed = new Map<string, ClosedDay>()
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const holiday of publicHolidays(country, year)) {
      if (holiday.date >= from && holiday.date <= to)
        closed.set(holiday.date, { kind: 'public_holiday', name: holiday.key })
    }
  }
  const closures = await em.find(ClosureSchema, {
    where: { startsOn: LessThanOrEqual(to), endsOn: MoreThanOrEqual(from) },
    order: { startsOn: 'ASC', id: 'ASC' },
  })
  for (const closure of closures) {
    for (
      let date = closure.startsOn < from ? from : closure.startsOn;
      date <= closure.endsOn && date <= to;
      date = addDays(date, 1)
    ) {
      if (!closed.has(date)) closed.set(date, { kind: closure.kind, name: closure.name })
    }
  }
  return closed
}
