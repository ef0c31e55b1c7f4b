import type { EntityManager } from 'typeorm'
import { engineOf, type Engine } from '../database/engines'
import type {
  MembershipFilter,
  PersonListRow,
  PersonPage,
  RegisterKey,
  RegisterSort,
} from '../../shared/contract/people'
import { yearsBefore } from '../../shared/calendarDate'
import { isActiveMember, SUMMARY_COLUMNS, summaryFromSql, type SummarySource } from './personMapping'
import { remembered } from './registerCache'
import { keyColumns, keyCondition, keyOf, orderOf, segmentsOf, type Segment } from './registerOrder'
import { parseSearchQuery } from './search/searchQuery'
import { countStatement, rankedMatches, searchStatements } from './search/personSearch'
import { sortLocaleFor } from './sorting/collationKey'
import type { UnitAccess } from './unitAccess'

export interface ListFilter {
  locale: string
  unitId?: number
  membership: MembershipFilter
  minAge?: number
  maxAge?: number
  includeArchived: boolean
  query?: string
  sort?: RegisterSort
  descending?: boolean
  after?: RegisterKey
  before?: RegisterKey
  offset: number
  limit: number
}

export interface Statement {
  sql: string
  params: unknown[]
}

/** Every MILESTONE_STEP-th key is remembered: a jump walks at most this many index entries. */
export const MILESTONE_STEP = 500

/** Units a filter covers: the chosen unit's subtree, within what the viewer may see (null: everything). */
export function listUnits(filter: ListFilter, access: UnitAccess): number[] | null {
  const visible = access.unitsWith('people.view')
  const chosen = filter.unitId === undefined ? null : access.subtree(filter.unitId)
  return chosen && visible ? chosen.filter((id) => visible.includes(id)) : (chosen ?? visible)
}

/** The register's filters as conditions on `person p`; the columns are in every register index. */
export function filterWhere(filter: ListFilter, units: number[] | null, today: string): Statement {
  const clauses = ['p.anonymised_at IS NULL']
  const params: unknown[] = []
  if (!filter.includeArchived) clauses.push('p.archived_at IS NULL')
  if (units) clauses.push(`p.unit_id IN (${units.join(', ') || 'NULL'})`)
  if (filter.membership !== 'all') {
    // A boolean on PostgreSQL, 0/1 on SQLite: true as a condition on both.
    const active = '(p.member AND (p.member_until IS NULL OR p.member_until >= ?))'
    clauses.push(filter.membership === 'members' ? active : `NOT ${active}`)
    params.push(today)
  }
  if (filter.minAge !== undefined) {
    clauses.push('p.birth_date <= ?')
    params.push(yearsBefore(today, filter.minAge))
  }
  if (filter.maxAge !== undefined) {
    clauses.push('p.birth_date > ?')
    params.push(yearsBefore(today, filter.maxAge + 1))
  }
  return { sql: clauses.join(' AND '), params }
}

const and = (...parts: string[]) => parts.filter(Boolean).join(' AND ')

/** Where a segment is read from: after (or before, walking backwards) a key, or from its start or end. */
export interface Walk {
  key: RegisterKey | null
  backwards: boolean
  inclusive?: boolean
}

/**
 * Rows of one segment in order (or backwards) from a key, walking its index. The planner would
 * rather filter first and sort; the index carries the filter columns, so the walk reads the
 * table only for the rows it returns. The benchmark runs these statements as its raw-SQL baseline.
 */
export function segmentStatement(
  engine: Engine,
  segment: Segment,
  where: Statement,
  walk: Walk,
  limit: number,
  skip = 0,
): Statement {
  const side = walk.backwards ? 'before' : 'after'
  const condition = walk.key ? keyCondition(segment, walk.key, side, walk.inclusive) : null
  const order = orderOf(segment, walk.backwards)
  const inner = `SELECT p.id FROM person p ${engine.indexHint(segment.index)}
    WHERE ${and(where.sql, segment.where, condition?.sql ?? '')} ORDER BY ${order} LIMIT ? OFFSET ?`
  return {
    sql: `SELECT ${SUMMARY_COLUMNS}, ${keyColumns(segment)} FROM person p WHERE p.id IN (${inner}) ORDER BY ${order}`,
    params: [...where.params, ...segment.params, ...(condition?.params ?? []), limit, skip],
  }
}

interface SegmentMarks {
  count: number
  /** Position of the segment's first row in the whole list. */
  start: number
  /** Keys of rows 0, STEP, 2·STEP, … of the segment. */
  marks: RegisterKey[]
}

/** Every STEP-th key of a segment and its row count, in one walk of its index. */
export function milestoneStatement(engine: Engine, segment: Segment, where: Statement): Statement {
  return {
    sql: `SELECT * FROM (
        SELECT ${keyColumns(segment)}, ROW_NUMBER() OVER (ORDER BY ${orderOf(segment)}) AS n,
          CAST(COUNT(*) OVER () AS integer) AS total
        FROM person p ${engine.indexHint(segment.index)} WHERE ${and(where.sql, segment.where)}
      ) AS walked WHERE (n - 1) % ${MILESTONE_STEP} = 0`,
    params: [...where.params, ...segment.params],
  }
}

async function milestones(em: EntityManager, signature: string, segments: Segment[], where: Statement) {
  return remembered(em, `milestones ${signature}`, async () => {
    const result: SegmentMarks[] = []
    let start = 0
    for (const [index, segment] of segments.entries()) {
      const { sql, params } = milestoneStatement(engineOf(em), segment, where)
      const rows: (Record<string, unknown> & { total: number })[] = await em.query(sql, params)
      const count = rows[0]?.total ?? 0
      result.push({ count, start, marks: rows.map((row) => keyOf(index, row, segment)) })
      start += count
    }
    return result
  })
}

type Row = SummarySource & Record<string, unknown>

/**
 * A page by key: after a row, before a row, or from a position reached through the nearest
 * milestone and a short walk. A page that runs past the end of a segment goes on in the next.
 */
async function keysetRows(
  em: EntityManager,
  filter: ListFilter,
  segments: Segment[],
  where: Statement,
  marks: SegmentMarks[],
): Promise<{ rows: Row[]; segmentOf: number[] }> {
  const rows: Row[] = []
  const segmentOf: number[] = []
  const backwards = filter.before !== undefined
  let index: number
  let walk: Walk
  let skip = 0
  if (filter.before || filter.after) {
    const key = (filter.before ?? filter.after) as RegisterKey
    index = key.segment
    walk = { key, backwards }
  } else {
    index = marks.findIndex((segment) => filter.offset < segment.start + segment.count)
    if (index < 0) return { rows, segmentOf }
    const local = filter.offset - marks[index].start
    const mark = Math.floor(local / MILESTONE_STEP)
    walk = { key: marks[index].marks[mark], backwards: false, inclusive: true }
    skip = local - mark * MILESTONE_STEP
  }
  for (; index >= 0 && index < segments.length && rows.length < filter.limit; index += backwards ? -1 : 1) {
    if (walk.key !== null || (marks[index]?.count ?? 0) > 0) {
      const limit = filter.limit - rows.length
      const { sql, params } = segmentStatement(engineOf(em), segments[index], where, walk, limit, skip)
      const part: Row[] = await em.query(sql, params)
      rows.push(...part)
      segmentOf.push(...part.map(() => index))
    }
    walk = { key: null, backwards }
    skip = 0
  }
  return backwards ? { rows: rows.reverse(), segmentOf: segmentOf.reverse() } : { rows, segmentOf }
}

/** Units of the list ordered by name in the viewer's language, for the unit sort. */
async function unitsByName(em: EntityManager, units: number[] | null, locale: string): Promise<number[]> {
  const all: { id: number; name: string }[] = await em.query('SELECT id, name FROM unit')
  const collator = new Intl.Collator(locale)
  return all
    .filter((unit) => units === null || units.includes(unit.id))
    .sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id)
    .map((unit) => unit.id)
}

/**
 * Pages of a search that start within this many matches rank only that far and count the rest;
 * deeper pages rank every match once and remember it until the next write.
 */
export const EARLY_RANKS = 500

/** The filter on search-term rows' copies of unit and archiving; null when it needs more of the person. */
export function termFilterWhere(filter: ListFilter, units: number[] | null): Statement | null {
  if (filter.membership !== 'all' || filter.minAge !== undefined || filter.maxAge !== undefined) return null
  const clauses = filter.includeArchived ? [] : ['t.archived_at IS NULL']
  if (units) clauses.push(`t.unit_id IN (${units.join(', ') || 'NULL'})`)
  return { sql: clauses.join(' AND '), params: [] }
}

/** Ids of one page of a search's matches in rank order, and how many match within the filters. */
async function searchPage(
  em: EntityManager,
  filter: ListFilter,
  access: UnitAccess,
  units: number[] | null,
  where: Statement,
): Promise<{ ids: number[]; total: number }> {
  const query = parseSearchQuery(filter.query ?? '')
  // Finding someone by a phone or e-mail shows that contact: only where the viewer may see contacts.
  const contacts = access.unitsWith('people.contacts')
  const searchUnits =
    query.phone !== null || query.email !== null
      ? units === null
        ? contacts
        : units.filter((id) => contacts === null || contacts.includes(id))
      : units
  const key = `search ${JSON.stringify([query, searchUnits, where])}`
  const run = (sql: string, params: unknown[]) => em.query(sql, params) as Promise<{ id: number }[]>
  const searchFilter = { where: where.sql, params: where.params }
  const end = filter.offset + filter.limit
  if (end <= EARLY_RANKS) {
    const first = await rankedMatches(run, searchStatements(query, searchUnits, end, searchFilter), end)
    if (first) {
      const total = first.complete
        ? first.ids.length
        : await remembered(em, `count ${key}`, async () => {
            const onTerms = termFilterWhere(filter, units)
            const termFilter = onTerms && { where: onTerms.sql, params: onTerms.params }
            const count = countStatement(query, searchUnits, searchFilter, termFilter)
            const rows: { total: number }[] = count ? await em.query(count.sql, count.params) : []
            return rows[0]?.total ?? 0
          })
      return { ids: first.ids.slice(filter.offset), total }
    }
  }
  const all = await remembered(em, key, async () => {
    const ranked = await rankedMatches(run, searchStatements(query, searchUnits, null, searchFilter), Infinity)
    return ranked?.ids ?? []
  })
  return { ids: all.slice(filter.offset, end), total: all.length }
}

/** One page of the register: sorted by a column in the viewer's alphabet, or a search's matches in rank order. */
export async function listPeople(
  em: EntityManager,
  filter: ListFilter,
  access: UnitAccess,
  today: string,
): Promise<PersonPage> {
  const units = listUnits(filter, access)
  const where = filterWhere(filter, units, today)
  const toRow = (row: SummarySource): PersonListRow => ({
    ...summaryFromSql(row, access, today),
    activeMember: isActiveMember(row.member, row.member_until, today),
  })
  if (filter.query?.trim()) {
    const { ids: slice, total } = await searchPage(em, filter, access, units, where)
    const found: SummarySource[] =
      slice.length === 0
        ? []
        : await em.query(`SELECT ${SUMMARY_COLUMNS} FROM person p WHERE p.id IN (${slice.join(', ')})`)
    const byId = new Map(found.map((row) => [row.id, row]))
    return {
      total,
      offset: filter.offset,
      rows: slice.flatMap((id) => (byId.has(id) ? [toRow(byId.get(id) as SummarySource)] : [])),
      firstKey: null,
      lastKey: null,
    }
  }
  const locale = sortLocaleFor(filter.locale)
  const sort = filter.sort ?? 'name'
  const segments = segmentsOf({
    sort,
    descending: filter.descending ?? false,
    locale,
    unitsByName: sort === 'unit' ? await unitsByName(em, units, filter.locale) : [],
  })
  const signature = JSON.stringify([segments, where])
  const marks = await milestones(em, signature, segments, where)
  const { rows, segmentOf } = await keysetRows(em, filter, segments, where, marks)
  const total = marks.reduce((sum, segment) => sum + segment.count, 0)
  const keyAt = (i: number) => (i < 0 || i >= rows.length ? null : keyOf(segmentOf[i], rows[i], segments[segmentOf[i]]))
  return { total, offset: filter.offset, rows: rows.map(toRow), firstKey: keyAt(0), lastKey: keyAt(rows.length - 1) }
}
