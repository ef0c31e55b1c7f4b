import type { WeeklySlot } from '../../../../shared/contract/activities'

/** ISO weekday (1 = Monday) of a calendar date. */
export function weekdayOf(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay()
  return day === 0 ? 7 : day
}

/** A short weekday name in the language: 1 → "Mon" / "po". 2024-01-01 was a Monday. */
export function weekdayName(weekday: number, intlLocale: string, width: 'short' | 'long' = 'short'): string {
  const date = new Date(Date.UTC(2024, 0, weekday))
  return new Intl.DateTimeFormat(intlLocale, { weekday: width, timeZone: 'UTC' }).format(date)
}

/** "Mon 16:00–17:30, Thu 15:00–16:00": a club's week at a glance, in weekday order. */
export function slotsText(slots: readonly WeeklySlot[], intlLocale: string): string {
  return [...slots]
    .sort((a, b) => a.weekday - b.weekday || a.startsAt.localeCompare(b.startsAt))
    .map((slot) => `${weekdayName(slot.weekday, intlLocale)} ${slot.startsAt}–${slot.endsAt}`)
    .join(', ')
}

/** What the desk types as a time: "16", "1600", "16.00", "9:30" → "16:00" … "09:30"; null when it is none. */
export function normaliseTime(typed: string): string | null {
  const text = typed.trim()
  if (text === '') return null
  const match = /^(\d{1,2})(?:[:.]?(\d{2}))?$/.exec(text)
  if (!match) return null
  const hours = Number(match[1])
  const minutes = Number(match[2] ?? '0')
  if (hours > 23 || minutes > 59) return null
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`
}
