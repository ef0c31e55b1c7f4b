import { describe, expect, it } from 'vitest'
import { IcalUnreadable, parseICalendar, unescapeText } from '../../../src/main/calendar/icalendar'
import { CZECH_SCHOOL_HOLIDAYS, czechSchoolHolidays } from '../../support/icalendar'

const wrap = (...event: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', ...event, 'END:VEVENT', 'END:VCALENDAR'].join('\n')

/** The line the reader points at, or null when it reads the text. */
function refusedAt(text: string): number | null {
  try {
    parseICalendar(text)
    return null
  } catch (error) {
    if (error instanceof IcalUnreadable) return error.line
    throw error
  }
}

describe('the iCalendar reader', () => {
  it('reads a Czech school-holiday calendar: all-day DTEND exclusive, folded lines, escapes, DURATION', () => {
    const { events, skipped } = parseICalendar(czechSchoolHolidays())
    expect(events.map((event) => [event.summary, event.startsOn, event.endsOn])).toEqual(CZECH_SCHOOL_HOLIDAYS)
    expect(events.map((event) => event.uid)).toEqual([
      'podzim-2026@msmt.cz',
      'vanoce-2026@msmt.cz',
      'pololeti-2027@msmt.cz',
      null,
      'velikonoce-2027@msmt.cz',
      'leto-2027@msmt.cz',
    ])
    expect(skipped).toBe(0)
  })

  it('reads the same with plain LF line ends and a byte-order mark', () => {
    const text = '\uFEFF' + czechSchoolHolidays().replace(/\r\n/g, '\n')
    expect(parseICalendar(text).events).toHaveLength(CZECH_SCHOOL_HOLIDAYS.length)
  })

  it.each([
    ['a timed day', ['DTSTART:20261111T080000', 'DTEND:20261111T120000'], '2026-11-11', '2026-11-11'],
    ['a timed span over days', ['DTSTART:20261111T080000', 'DTEND:20261113T120000'], '2026-11-11', '2026-11-13'],
    ['timed, ending at midnight', ['DTSTART:20261111T000000', 'DTEND:20261113T000000'], '2026-11-11', '2026-11-12'],
    ['UTC at noon', ['DTSTART:20261111T110000Z', 'DTEND:20261111T150000Z'], '2026-11-11', '2026-11-11'],
    ['a day without DTEND', ['DTSTART;VALUE=DATE:20261111'], '2026-11-11', '2026-11-11'],
    ['DURATION in days', ['DTSTART;VALUE=DATE:20261111', 'DURATION:P3D'], '2026-11-11', '2026-11-13'],
    ['lower-case names', ['dtstart;value=DATE:20261111', 'dtend;value=DATE:20261112'], '2026-11-11', '2026-11-11'],
  ])('%s', (_name, dates, startsOn, endsOn) => {
    const [event] = parseICalendar(wrap('UID:x', 'SUMMARY:Ředitelské volno', ...dates)).events
    expect(event).toEqual({ uid: 'x', summary: 'Ředitelské volno', startsOn, endsOn })
  })

  it('unescapes text and keeps a colon inside a quoted parameter out of the value', () => {
    expect(unescapeText('a\\, b\\; c\\\\d\\ne')).toBe('a, b; c\\d\ne')
    const [event] = parseICalendar(
      wrap('SUMMARY;ALTREP="http://example.cz/a:b":Sanitární den\\, budova A', 'DTSTART;VALUE=DATE:20261111'),
    ).events
    expect(event.summary).toBe('Sanitární den, budova A')
  })

  it('skips repeating and cancelled events rather than guessing their days', () => {
    const text = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'SUMMARY:Every Monday',
      'DTSTART;VALUE=DATE:20261102',
      'RRULE:FREQ=WEEKLY',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'SUMMARY:Called off',
      'DTSTART;VALUE=DATE:20261103',
      'STATUS:CANCELLED',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n')
    expect(parseICalendar(text)).toEqual({ events: [], skipped: 2 })
  })

  it.each([
    ['plain text', 'Podzimní prázdniny 29. 10. – 30. 10.', 1],
    ['a CSV export', 'name,from,to\nPodzim,2026-10-29,2026-10-30', 1],
    ['an empty calendar body cut short', 'BEGIN:VCALENDAR\nVERSION:2.0', 2],
    ['an event without DTSTART', wrap('SUMMARY:x'), 5],
    ['an event without SUMMARY', wrap('DTSTART;VALUE=DATE:20261111'), 4],
    ['a day that does not exist', wrap('SUMMARY:x', 'DTSTART;VALUE=DATE:20270229'), 5],
    ['a date in another form', wrap('SUMMARY:x', 'DTSTART;VALUE=DATE:2026-11-11'), 5],
    ['DTEND before DTSTART', wrap('SUMMARY:x', 'DTSTART;VALUE=DATE:20261111', 'DTEND;VALUE=DATE:20261110'), 6],
    ['an all-day DTEND on the start', wrap('SUMMARY:x', 'DTSTART;VALUE=DATE:20261111', 'DTEND;VALUE=DATE:20261111'), 6],
    ['mixed date types', wrap('SUMMARY:x', 'DTSTART;VALUE=DATE:20261111', 'DTEND:20261112T100000'), 6],
    ['a DURATION in hours', wrap('SUMMARY:x', 'DTSTART;VALUE=DATE:20261111', 'DURATION:PT4H'), 6],
    ['a line without a colon', wrap('SUMMARY x'), 4],
    ['an END without its BEGIN', 'BEGIN:VCALENDAR\nEND:VEVENT\nEND:VCALENDAR', 2],
    ['content after the calendar', wrap('SUMMARY:x', 'DTSTART;VALUE=DATE:20261111') + '\nBEGIN:VEVENT', 8],
  ])('refuses %s, saying where', (_name, text, line) => {
    expect(refusedAt(text)).toBe(line)
  })
})
