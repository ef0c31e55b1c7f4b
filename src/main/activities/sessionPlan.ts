import type { ActivityKind } from '../../shared/contract/activities'
import type { ClosedDay } from '../calendar/closedDays'
import { addDays } from '../calendar/publicHolidays'

/** What an activity's dated sessions are generated from. */
export interface PlanSource {
  kind: ActivityKind
  startsOn: string
  endsOn: string
  startsAt: string | null
  endsAt: string | null
  slots: { id: number | null; weekday: number; startsAt: string; endsAt: string; placeId: number | null }[]
}

export interface PlannedSession {
  slotId: number | null
  date: string
  startsAt: string | null
  endsAt: string | null
  placeId: number | null
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay()
  return day === 0 ? 7 : day
}

/**
 * The sessions an activity holds from `from` on: a club meets on each weekly slot's weekday
 * except the closed days; an event once; a camp (or a turn) every day of its range, holidays
 * included (camps are what the holidays are for).
 */
export function planSessions(source: PlanSource, closed: ReadonlyMap<string, ClosedDay>, from = source.startsOn) {
  const sessions: PlannedSession[] = []
  const first = from > source.startsOn ? from : source.startsOn
  if (source.kind === 'event') {
    if (source.startsOn >= first)
      sessions.push({
        slotId: null,
        date: source.startsOn,
        startsAt: source.startsAt,
        endsAt: source.endsAt,
        placeId: null,
      })
    return sessions
  }
  for (let date = first; date <= source.endsOn; date = addDays(date, 1)) {
    if (source.kind === 'camp') {
      sessions.push({ slotId: null, date, startsAt: source.startsAt, endsAt: source.endsAt, placeId: null })
      continue
    }
    if (closed.has(date)) continue
    const weekday = isoWeekday(date)
    for (const slot of source.slots) {
      if (slot.weekday === weekday)
        sessions.push({ slotId: slot.id, date, startsAt: slot.startsAt, endsAt: slot.endsAt, placeId: slot.placeId })
    }
  }
  return sessions
}
