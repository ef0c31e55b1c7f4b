import { In, LessThanOrEqual, MoreThanOrEqual, type EntityManager, type FindOptionsWhere } from 'typeorm'
import {
  CLOSURE_NAME_MAX,
  ICAL_EVENTS_MAX,
  type Closure,
  type ClosureKind,
  type IcalImportResult,
} from '../../shared/contract/calendar'
import { AppError } from '../../shared/errors'
import type { ContextHandlers } from '../core/handler'
import { versionedUpdate } from '../database/versionedUpdate'
import { ClosureSchema, type ClosureRow } from './calendarEntities'
import { IcalUnreadable, parseICalendar, type IcalEvent } from './icalendar'
import { checkSpan } from './schoolYears'

/** Rows per statement: well below SQLite's and PostgreSQL's limits on bound parameters. */
const CHUNK = 200
const UID_MAX = 255

const toClosure = (row: ClosureRow): Closure => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  startsOn: row.startsOn,
  endsOn: row.endsOn,
  sourceUid: row.sourceUid,
  version: row.version,
})

async function closureOrFail(em: EntityManager, id: number): Promise<ClosureRow> {
  const row = await em.findOneBy(ClosureSchema, { id })
  if (!row) throw new AppError('NOT_FOUND', `No closure ${id}`)
  return row
}

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK))
  return out
}

/** What a closure of the file is called and keyed by; an event without UID is keyed by what it says. */
function closureOf(event: IcalEvent, kind: ClosureKind) {
  const name = event.summary.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, CLOSURE_NAME_MAX)
  const sourceUid = (event.uid ?? `frontdesk:${event.startsOn}/${event.endsOn}/${name}`).slice(0, UID_MAX)
  return { kind, name, startsOn: event.startsOn, endsOn: event.endsOn, sourceUid }
}

function readFile(text: string): { events: IcalEvent[]; skipped: number } {
  try {
    return parseICalendar(text)
  } catch (error) {
    if (!(error instanceof IcalUnreadable)) throw error
    throw new AppError('CONFLICT', `Not a readable iCalendar file: ${error.message}`, undefined, {
      reason: 'ical_unreadable',
      params: { line: error.line },
    })
  }
}

async function importEvents(em: EntityManager, events: IcalEvent[], kind: ClosureKind, createdAt: string) {
  // The same UID twice in one file (an event sent again): the later one counts.
  const wanted = new Map(events.map((event) => [closureOf(event, kind).sourceUid, closureOf(event, kind)]))
  const existing = new Map<string, ClosureRow>()
  for (const uids of chunks([...wanted.keys()])) {
    for (const row of await em.find(ClosureSchema, { where: { sourceUid: In(uids) } })) {
      existing.set(row.sourceUid!, row)
    }
  }
  const result: IcalImportResult = { created: 0, updated: 0, unchanged: 0, skipped: 0 }
  const fresh = []
  for (const [uid, closure] of wanted) {
    const row = existing.get(uid)
    if (!row) {
      fresh.push({ ...closure, createdAt })
      continue
    }
    const same =
      row.kind === closure.kind &&
      row.name === closure.name &&
      row.startsOn === closure.startsOn &&
      row.endsOn === closure.endsOn
    if (same) {
      result.unchanged++
      continue
    }
    await versionedUpdate(em, ClosureSchema, { id: row.id }, row.version, closure)
    result.updated++
  }
  for (const rows of chunks(fresh)) await em.insert(ClosureSchema, rows)
  result.created = fresh.length
  return result
}

export const closureHandlers: Pick<
  ContextHandlers<'calendar'>,
  | 'calendar/list-closures'
  | 'calendar/create-closure'
  | 'calendar/update-closure'
  | 'calendar/delete-closure'
  | 'calendar/import-ical'
> = {
  'calendar/list-closures': async ({ from, to }, { em }) => {
    const where: FindOptionsWhere<ClosureRow> = {}
    if (to) where.startsOn = LessThanOrEqual(to)
    if (from) where.endsOn = MoreThanOrEqual(from)
    return (await em.find(ClosureSchema, { where, order: { startsOn: 'ASC', id: 'ASC' } })).map(toClosure)
  },

  'calendar/create-closure': async (input, { em, authorizeCentre, audit, now }) => {
    await authorizeCentre('activities.edit')
    checkSpan(input)
    const row = await em.save(ClosureSchema, { ...input, sourceUid: null, createdAt: now.toISOString() })
    audit.target = `closure:${row.id}`
    audit.summary = `Added ${input.kind} ${input.name} (${input.startsOn} – ${input.endsOn})`
    return toClosure(row)
  },

  'calendar/update-closure': async ({ id, expectedVersion, ...input }, { em, authorizeCentre, audit }) => {
    await authorizeCentre('activities.edit')
    checkSpan(input)
    const row = await closureOrFail(em, id)
    const version = await versionedUpdate(em, ClosureSchema, { id }, expectedVersion, input)
    audit.target = `closure:${id}`
    audit.summary = `Changed ${row.kind} ${row.name} to ${input.kind} ${input.name} (${input.startsOn} – ${input.endsOn})`
    return toClosure({ ...row, ...input, version })
  },

  'calendar/delete-closure': async ({ id, expectedVersion }, { em, authorizeCentre, audit }) => {
    await authorizeCentre('activities.edit')
    const row = await closureOrFail(em, id)
    if (row.version !== expectedVersion) {
      throw AppError.conflict('stale_record', 'Someone else changed this closure after the form was opened')
    }
    await em.delete(ClosureSchema, { id, version: expectedVersion })
    audit.target = `closure:${id}`
    audit.summary = `Removed ${row.kind} ${row.name} (${row.startsOn} – ${row.endsOn})`
    return { id }
  },

  'calendar/import-ical': async ({ kind, text }, { em, authorizeCentre, audit, now }) => {
    await authorizeCentre('activities.edit')
    const { events, skipped } = readFile(text)
    if (events.length > ICAL_EVENTS_MAX) {
      throw new AppError('CONFLICT', `More than ${ICAL_EVENTS_MAX} events in one file`, undefined, {
        reason: 'batch_too_large',
        params: { limit: ICAL_EVENTS_MAX },
      })
    }
    const result = { ...(await importEvents(em, events, kind, now.toISOString())), skipped }
    audit.target = 'closures'
    audit.summary =
      `Imported ${events.length} ${kind} events from iCalendar: ${result.created} new, ` +
      `${result.updated} changed, ${result.unchanged} unchanged, ${skipped} skipped`
    return result
  },
}
