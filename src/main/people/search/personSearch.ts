import type { EntityManager } from 'typeorm'
import type { PersonHit, SearchMatch } from '../../../shared/contract/people'
import { SUMMARY_COLUMNS, summaryFromSql, type SummarySource } from '../personMapping'
import { TERM_FIELD } from '../personDerived'
import type { UnitAccess } from '../unitAccess'
import type { SearchQuery } from './searchQuery'

/** Above every character a folded term can hold: `term < prefix || END` closes a prefix range. */
const END = '\uffff'
const CHILDREN_OF_TOP_GUARDIANS = 5

interface Statement {
  sql: string
  params: unknown[]
}

interface Found {
  id: number
  matched: SearchMatch
}

/** Conditions a caller adds to every statement (the register's filters), on `person p`. */
export interface SearchFilter {
  where: string
  params: unknown[]
}

/** One statement's matches, before its ORDER BY: `id` of each matching row, a person possibly twice. */
interface Part extends Statement {
  order: string
}

/**
 * Which rows match, statement by statement in rank order. `merged` joins the whole-word and
 * prefix ranges of each name field (counting needs no rank); `onTerms` reads the unit and the
 * filter from the term rows' copies instead of looking up each person (`filter` is then on `t`).
 */
function matchParts(
  query: SearchQuery,
  units: number[] | null,
  filter: SearchFilter,
  merged: boolean,
  onTerms: boolean,
): Part[] {
  const unitFilter = units === null ? '' : ` AND ${onTerms ? 't' : 'p'}.unit_id IN (${units.join(', ') || 'NULL'})`
  const birthFilter = query.birthDate
    ? ` AND p.birth_date = '${query.birthDate}'`
    : query.birthYear
      ? ` AND p.birth_date >= '${query.birthYear}-01-01' AND p.birth_date <= '${query.birthYear}-12-31'`
      : ''
  const filters = `${unitFilter}${birthFilter}${filter.where ? ` AND ${filter.where}` : ''}`
  const from = onTerms ? 'person_search_term t' : 'person_search_term t JOIN person p ON p.id = t.person_id'
  const termRange = (
    field: number,
    range: 'word' | 'prefix' | 'both',
    term: string,
    extra = '',
    extraParams: unknown[] = [],
  ): Part => {
    const [condition, bounds] =
      range === 'word'
        ? ['t.term = ?', [term]]
        : [`t.term ${range === 'prefix' ? '>' : '>='} ? AND t.term < ?`, [term, term + END]]
    return {
      sql: `SELECT t.person_id AS id FROM ${from}
          WHERE t.field = ? AND ${condition}${filters}${extra}`,
      params: [field, ...bounds, ...filter.params, ...extraParams],
      order: 't.term, t.tiebreak, t.person_id',
    }
  }
  if (query.email) return [termRange(TERM_FIELD.email, 'both', query.email)]
  if (query.phone) return [termRange(TERM_FIELD.phone, 'both', query.phone)]
  if (query.names.length === 0) {
    if (!birthFilter) return []
    return [
      {
        // Erased records have no birth date, so they never match here.
        sql: `SELECT p.id AS id FROM person p WHERE 1 = 1${filters}`,
        params: [...filter.params],
        order: 'p.last_fold, p.first_fold, p.id',
      },
    ]
  }
  // The longest word anchors the range (the fewest rows to walk); every other word must start
  // some other word of the name.
  const [anchor, ...others] = [...query.names].sort((a, b) => b.length - a.length)
  const otherWords = others
    .map(
      () => ` AND EXISTS (SELECT 1 FROM person_search_term o WHERE o.person_id = t.person_id
             AND o.field IN (${TERM_FIELD.surname}, ${TERM_FIELD.givenName}) AND o.term >= ? AND o.term < ?)`,
    )
    .join('')
  const otherParams = others.flatMap((word) => [word, word + END])
  const fields = [TERM_FIELD.surname, TERM_FIELD.givenName]
  const ranges = merged ? (['both'] as const) : (['word', 'prefix'] as const)
  return ranges.flatMap((range) => fields.map((field) => termRange(field, range, anchor, otherWords, otherParams)))
}

/**
 * The SQL of one search, in rank order: run one after another, the first time a person turns
 * up is their place. A whole word matching the query ranks above a word merely starting with
 * it, whichever name it is in (`Jan` before *Jankowská*), then surnames before first names.
 * Each statement is a range scan of the term index that already runs in result order, so it
 * stops at `limit` (none: every match) instead of sorting all matches. The benchmark runs
 * exactly these statements as its raw-SQL baseline.
 */
export function searchStatements(
  query: SearchQuery,
  units: number[] | null,
  limit: number | null,
  filter: SearchFilter = { where: '', params: [] },
): Statement[] {
  const limitClause = limit === null ? '' : ` LIMIT ${limit}`
  return matchParts(query, units, filter, false, false).map((part) => ({
    sql: `${part.sql} ORDER BY ${part.order}${limitClause}`,
    params: part.params,
  }))
}

/**
 * How many people `searchStatements` finds, without ranking them. Given `termFilter` (the same
 * filter on the term rows' copies, when it has one) a name, e-mail or phone search is counted
 * from the term index alone; a birth date needs the person rows. Null when nothing can match.
 */
export function countStatement(
  query: SearchQuery,
  units: number[] | null,
  filter: SearchFilter,
  termFilter: SearchFilter | null,
): Statement | null {
  const onTerms = termFilter !== null && !query.birthDate && !query.birthYear
  const parts = matchParts(query, units, onTerms ? termFilter : filter, true, onTerms)
  if (parts.length === 0) return null
  return {
    sql: `SELECT CAST(COUNT(DISTINCT id) AS integer) AS total FROM (${parts.map((part) => part.sql).join(' UNION ALL ')}) AS matches`,
    params: parts.flatMap((part) => part.params),
  }
}

export type RunQuery = (sql: string, params: unknown[]) => Promise<{ id: number }[]>

/**
 * The first `need` people of a search in rank order (`Infinity`: all of them, `complete`),
 * running its statements (limited to `need` rows) until enough turned up. Null when a statement
 * filled its limit with someone twice (two words of one name): more may follow unseen.
 */
export async function rankedMatches(
  run: RunQuery,
  statements: Statement[],
  need: number,
): Promise<{ ids: number[]; complete: boolean } | null> {
  const ids: number[] = []
  const seen = new Set<number>()
  for (const statement of statements) {
    const rows = await run(statement.sql, statement.params)
    for (const { id } of rows) {
      if (seen.has(id)) continue
      seen.add(id)
      ids.push(id)
    }
    if (ids.length >= need) return { ids: ids.slice(0, need), complete: false }
    if (rows.length >= need) return null
  }
  return { ids, complete: true }
}

function matchOf(query: SearchQuery): SearchMatch {
  if (query.email) return 'email'
  if (query.phone) return 'phone'
  return query.names.length === 0 ? 'birthDate' : 'name'
}

/** Ranked hits: surname matches, then first-name matches, then children of the guardians found. */
export async function searchPeople(
  em: EntityManager,
  query: SearchQuery,
  access: UnitAccess,
  today: string,
  limit: number,
): Promise<PersonHit[]> {
  const viaContacts = query.email !== null || query.phone !== null
  const units = access.unitsWith(viaContacts ? 'people.contacts' : 'people.view')
  const found: Found[] = []
  const seen = new Set<number>()
  for (const statement of searchStatements(query, units, limit)) {
    if (found.length >= limit) break
    const rows: { id: number }[] = await em.query(statement.sql, statement.params)
    for (const { id } of rows) {
      if (seen.has(id) || found.length >= limit) continue
      seen.add(id)
      found.push({ id, matched: matchOf(query) })
    }
  }
  if (found.length === 0) return []
  const children = await childrenOf(em, found.slice(0, CHILDREN_OF_TOP_GUARDIANS), seen, units)
  const ids = [...found.map((hit) => hit.id), ...children.map((child) => child.id)]
  const rows: SummarySource[] = await em.query(
    `SELECT ${SUMMARY_COLUMNS} FROM person p WHERE p.id IN (${ids.join(', ')})`,
  )
  const byId = new Map(rows.map((row) => [row.id, row]))
  const summary = (id: number) => summaryFromSql(byId.get(id) as SummarySource, access, today)
  return [
    ...found.map((hit) => ({ ...summary(hit.id), matched: hit.matched, via: null })),
    ...children.map((child) => {
      const guardian = byId.get(child.guardianId) as SummarySource
      return {
        ...summary(child.id),
        matched: 'guardian' as const,
        via: { id: guardian.id, firstName: guardian.first_name, lastName: guardian.last_name },
      }
    }),
  ]
}

/** A parent at the desk gives their own name: their children are what reception is looking for. */
async function childrenOf(
  em: EntityManager,
  guardians: Found[],
  seen: Set<number>,
  units: number[] | null,
): Promise<{ id: number; guardianId: number }[]> {
  // NULLS FIRST is SQLite's default order; PostgreSQL would put them last.
  const rows: { id: number; guardian_id: number }[] = await em.query(
    `SELECT g.participant_id AS id, g.guardian_id FROM guardianship g JOIN person p ON p.id = g.participant_id
     WHERE g.guardian_id IN (${guardians.map((hit) => hit.id).join(', ')})
       ${units === null ? '' : `AND p.unit_id IN (${units.join(', ') || 'NULL'})`}
     ORDER BY g.guardian_id, p.birth_date NULLS FIRST`,
  )
  const order = new Map(guardians.map((hit, index) => [hit.id, index]))
  rows.sort((a, b) => (order.get(a.guardian_id) ?? 0) - (order.get(b.guardian_id) ?? 0))
  const children: { id: number; guardianId: number }[] = []
  for (const row of rows) {
    if (seen.has(row.id)) continue
    seen.add(row.id)
    children.push({ id: row.id, guardianId: row.guardian_id })
  }
  return children
}
