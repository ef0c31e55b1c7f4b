import type { ActivityKind } from '../../shared/contract/activities'
import type { ClosedDay } from '../calendar/closedDays'

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
const dayCache = new Map<string, { date: string; weekday: number }[]>()

/** Every day from `from` to `to` with its ISO weekday; remembered, since a year's clubs share a few ranges. */
function calendarDays(from: string, to: string): { date: string; weekday: number }[] {
  const key = `${from}|${to}`
  let days = dayCache.get(key)
  if (days) return days
  days = []
  const cursor = new Date(`${from}T00:00:00Z`)
  for (let date = from; date <= to;) {
    const day = cursor.getUTCDay()
    days.push({ date, weekday: day === 0 ? 7 : day })
    cursor.setUTCDate(cursor.getUTCDate() + 1)
    date = cursor.toISOString().slice(0, 10)
  }
  if (dayCache.size > 200) dayCache.clear()
  dayCache.set(key, days)
  return days
}

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
  for (const { date, weekday } of calendarDays(first, source.endsOn)) {
    if (source.kind === 'camp') {
      sessions.push({ slotId: null, date, startsAt: source.startsAt, endsAt: source.endsAt, placeId: null })
      continue
    }
    if (closed.has(date)) continue
    for (const slot of source.slots) {
      if (slot.weekday === weekday)
        sessions.push({ slotId: slot.id, date, startsAt: slot.startsAt, endsAt: slot.endsAt, placeId: slot.placeId })
    }
  }
  return sessions
}
