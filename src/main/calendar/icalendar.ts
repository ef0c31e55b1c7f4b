import { isCalendarDate, localDate } from '../../shared/calendarDate'
import { addDays } from './publicHolidays'

/** One event of the file as a closure sees it: whole days, the last one included. */
export interface IcalEvent {
  uid: string | null
  summary: string
  startsOn: string
  endsOn: string
}

export interface IcalCalendar {
  events: IcalEvent[]
  /** Events that cannot become closures: repeating (RRULE) or cancelled ones. */
  skipped: number
}

/** The file is not iCalendar, or breaks it where it matters; `line` counts unfolded lines from 1. */
export class IcalUnreadable extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`${message} (line ${line})`)
  }
}

interface ContentLine {
  number: number
  name: string
  params: Record<string, string>
  value: string
}

/**
 * A small, strict reader of RFC 5545 as school-holiday calendars use it: VEVENTs with DTSTART,
 * DTEND or DURATION in days, SUMMARY and UID. Anything it cannot read surely refuses the whole
 * file, so that an import never half-happens.
 */
export function parseICalendar(text: string): IcalCalendar {
  const lines = contentLines(text)
  if (lines.length === 0 || lines[0].name !== 'BEGIN' || lines[0].value.toUpperCase() !== 'VCALENDAR') {
    throw new IcalUnreadable('The file does not start with BEGIN:VCALENDAR', 1)
  }
  const events: IcalEvent[] = []
  let skipped = 0
  // The open components, outermost first; properties count only directly inside a VEVENT.
  const stack: string[] = []
  let event: Map<string, ContentLine> | null = null
  let closedCalendar = false
  for (const line of lines) {
    if (closedCalendar) throw new IcalUnreadable('Content after END:VCALENDAR', line.number)
    if (line.name === 'BEGIN') {
      const component = line.value.toUpperCase()
      stack.push(component)
      if (component === 'VEVENT') {
        if (stack.length !== 2) throw new IcalUnreadable('VEVENT inside another component', line.number)
        event = new Map()
      }
      continue
    }
    if (line.name === 'END') {
      const component = line.value.toUpperCase()
      if (stack.pop() !== component) throw new IcalUnreadable(`END:${component} without its BEGIN`, line.number)
      if (component === 'VEVENT' && event) {
        const read = readEvent(event, line.number)
        if (read) events.push(read)
        else skipped++
        event = null
      }
      if (stack.length === 0) closedCalendar = true
      continue
    }
    if (event && stack.length === 2 && !event.has(line.name)) event.set(line.name, line)
  }
  if (!closedCalendar) throw new IcalUnreadable('END:VCALENDAR is missing', lines.length)
  return { events, skipped }
}

/** Unfolds (a line break followed by a space or tab continues the line) and splits name;params:value. */
function contentLines(text: string): ContentLine[] {
  const unfolded = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\n[ \t]/g, '')
  const lines: ContentLine[] = []
  unfolded.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') return
    lines.push(contentLine(raw, index + 1))
  })
  return lines
}

function contentLine(raw: string, number: number): ContentLine {
  // The value starts at the first colon outside a quoted parameter value.
  let quoted = false
  let colon = -1
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '"') quoted = !quoted
    else if (raw[i] === ':' && !quoted) {
      colon = i
      break
    }
  }
  if (colon <= 0) throw new IcalUnreadable('A line without NAME:value', number)
  const [name, ...parts] = splitOutsideQuotes(raw.slice(0, colon), ';')
  if (!/^[A-Za-z0-9-]+$/.test(name)) throw new IcalUnreadable('A property name with odd characters', number)
  const params: Record<string, string> = {}
  for (const part of parts) {
    const equals = part.indexOf('=')
    if (equals <= 0) throw new IcalUnreadable('A parameter without a value', number)
    params[part.slice(0, equals).toUpperCase()] = part.slice(equals + 1).replace(/^"(.*)"$/, '$1')
  }
  return { number, name: name.toUpperCase(), params, value: raw.slice(colon + 1) }
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = []
  let quoted = false
  let start = 0
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted
    else if (text[i] === separator && !quoted) {
      parts.push(text.slice(start, i))
      start = i + 1
    }
  }
  parts.push(text.slice(start))
  return parts
}

/** TEXT values escape backslash, semicolon, comma and new line (RFC 5545 3.3.11). */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_all, escaped: string) =>
    escaped === 'n' || escaped === 'N' ? '\n' : escaped,
  )
}

function readEvent(properties: Map<string, ContentLine>, endLine: number): IcalEvent | null {
  const start = properties.get('DTSTART')
  if (!start) throw new IcalUnreadable('An event without DTSTART', endLine)
  if (properties.has('RRULE') || properties.get('STATUS')?.value.toUpperCase() === 'CANCELLED') return null
  const summaryLine = properties.get('SUMMARY')
  const summary = summaryLine ? unescapeText(summaryLine.value).replace(/\s+/g, ' ').trim() : ''
  if (!summary) throw new IcalUnreadable('An event without SUMMARY', summaryLine?.number ?? start.number)
  const uid = properties.get('UID')?.value.trim() || null

  const first = readDate(start)
  let last: string
  const end = properties.get('DTEND')
  const duration = properties.get('DURATION')
  if (end) {
    const until = readDate(end)
    if (until.allDay !== first.allDay) throw new IcalUnreadable('DTSTART and DTEND of different types', end.number)
    // An all-day DTEND is the first day after the event; a timed one ending at midnight is too.
    last = until.allDay || (until.midnight && until.date > first.date) ? addDays(until.date, -1) : until.date
    if (until.allDay ? until.date <= first.date : until.date < first.date) {
      throw new IcalUnreadable('DTEND before DTSTART', end.number)
    }
  } else if (duration) {
    const match = /^P(?:(\d+)W|(\d+)D)$/.exec(duration.value.trim())
    if (!match) throw new IcalUnreadable('A DURATION other than whole days or weeks', duration.number)
    const days = match[1] ? Number(match[1]) * 7 : Number(match[2])
    if (days < 1) throw new IcalUnreadable('A DURATION of no days', duration.number)
    last = addDays(first.date, days - 1)
  } else {
    last = first.date
  }
  return { uid, summary, startsOn: first.date, endsOn: last }
}

/** DATE (20261029) or DATE-TIME (20261029T080000, …Z, with TZID): the day as the calendar shows it. */
function readDate(line: ContentLine): { date: string; allDay: boolean; midnight: boolean } {
  const value = line.value.trim()
  const dateOnly = /^(\d{4})(\d{2})(\d{2})$/.exec(value)
  if (dateOnly && line.params.VALUE !== 'DATE-TIME') {
    const date = `${dateOnly[1]}-${dateOnly[2]}-${dateOnly[3]}`
    if (!isCalendarDate(date)) throw new IcalUnreadable(`${line.name} is not a real day`, line.number)
    return { date, allDay: true, midnight: true }
  }
  const dateTime = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/.exec(value)
  if (!dateTime || line.params.VALUE === 'DATE') {
    throw new IcalUnreadable(`${line.name} is neither a date nor a date-time`, line.number)
  }
  const [, year, month, day, hour, minute, second, utc] = dateTime
  let date = `${year}-${month}-${day}`
  if (!isCalendarDate(date) || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 60) {
    throw new IcalUnreadable(`${line.name} is not a real time`, line.number)
  }
  let midnight = hour === '00' && minute === '00' && second === '00'
  if (utc) {
    // A UTC instant: the day it is on this desk's clock (where the centre is).
    const instant = new Date(`${date}T${hour}:${minute}:${second}Z`)
    date = localDate(instant)
    midnight = instant.getHours() === 0 && instant.getMinutes() === 0 && instant.getSeconds() === 0
  }
  return { date, allDay: false, midnight }
}
