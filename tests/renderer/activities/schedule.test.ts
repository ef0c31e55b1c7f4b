import { describe, expect, it } from 'vitest'
import {
  normaliseTime,
  slotsText,
  weekdayName,
  weekdayOf,
} from '../../../src/renderer/src/features/activities/schedule'

describe('a club week in words', () => {
  it('names ISO weekdays in the language', () => {
    expect(weekdayName(1, 'en-GB')).toBe('Mon')
    expect(weekdayName(7, 'en-GB', 'long')).toBe('Sunday')
    expect(weekdayName(3, 'cs-CZ', 'long')).toBe('středa')
  })

  it('writes the slots in weekday order', () => {
    const slots = [
      { weekday: 4, startsAt: '15:00', endsAt: '16:00', placeId: null },
      { weekday: 1, startsAt: '16:00', endsAt: '17:30', placeId: 3 },
    ]
    expect(slotsText(slots, 'en-GB')).toBe('Mon 16:00–17:30, Thu 15:00–16:00')
    expect(slotsText([], 'en-GB')).toBe('')
  })

  it('knows the weekday of a date', () => {
    expect(weekdayOf('2026-10-05')).toBe(1)
    expect(weekdayOf('2026-10-04')).toBe(7)
  })

  it.each([
    ['16', '16:00'],
    ['1600', '16:00'],
    ['16.30', '16:30'],
    ['9:30', '09:30'],
    [' 07:05 ', '07:05'],
  ])('reads the time %s as %s', (typed, time) => {
    expect(normaliseTime(typed)).toBe(time)
  })

  it.each(['', '24:00', '16:60', 'noon', '1:2', '12345'])('%s is no time', (typed) => {
    expect(normaliseTime(typed)).toBeNull()
  })
})
