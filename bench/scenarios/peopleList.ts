import { localDate } from '../../src/shared/calendarDate'
import { engineNamed } from '../../src/main/database/engines'
import type { RegisterKey, RegisterSort } from '../../src/shared/contract/people'
import {
  EARLY_RANKS,
  filterWhere,
  segmentStatement,
  termFilterWhere,
  type ListFilter,
} from '../../src/main/people/personList'
import { SUMMARY_COLUMNS } from '../../src/main/people/personMapping'
import { segmentsOf } from '../../src/main/people/registerOrder'
import { parseSearchQuery } from '../../src/main/people/search/searchQuery'
import { countStatement, rankedMatches, searchStatements } from '../../src/main/people/search/personSearch'
import { fold } from '../../src/shared/text/fold'
import type { BenchContext } from '../context'
import { defineScenario, type RegisteredScenario } from '../scenario'
import { register, Rotation } from './peopleRegister'

const LIMIT = 100
type Base = Omit<ListFilter, 'offset' | 'limit' | 'locale'>

const input = (base: Base, offset: number, after?: RegisterKey) => ({
  locale: 'cs',
  ...base,
  offset,
  limit: LIMIT,
  ...(after ? { after } : {}),
})

/**
 * A page of the Czech-sorted register as scrolling asks for it: the rows after the last one
 * shown (`by key`), or a jump to a position (the scrollbar dragged there). The raw twin runs
 * the page's statement from the same key on a second connection.
 */
function pageScenario(name: string, base: Base, row: number, how: 'key' | 'jump'): RegisteredScenario {
  return defineScenario<{ key: RegisterKey | null; row: number }>({
    name,
    setup: async (bench) => {
      const loaded = await register(bench)
      // A smaller data set (--people): the same depth in proportion to 100 000.
      row = Math.round((row * loaded.people) / 100_000)
      if (row === 0) return { key: null, row }
      const before = await bench.call('people/list', input(base, row - LIMIT))
      return { key: before.lastKey, row }
    },
    measure: async (bench, { key }) => {
      const page = await bench.call('people/list', input(base, row, how === 'key' ? (key ?? undefined) : undefined))
      if (page.rows.length === 0) throw new Error(`${name}: an empty page`)
    },
    raw: async (bench, { key }) => {
      const segments = segmentsOf({ sort: base.sort ?? 'name', descending: false, locale: 'cs', unitsByName: [] })
      const where = filterWhere({ ...input(base, row), locale: 'cs' }, null, localDate())
      const walk = { key, backwards: false }
      const { sql, params } = segmentStatement(
        engineNamed(bench.engine),
        segments[key?.segment ?? 0],
        where,
        walk,
        LIMIT,
      )
      return bench.raw.all(sql, params)
    },
  })
}

/**
 * Two- and three-letter beginnings of surnames that a thousand people or more share (at 100 000;
 * in proportion for a smaller --people): more of them than main remembers searches, so each
 * first page is ranked afresh.
 */
async function commonPrefixes(bench: BenchContext): Promise<string[]> {
  const rows = await bench.raw.all<{ prefix: string }>(
    `SELECT "prefix" FROM (
       SELECT substr(last_fold, 1, 2) AS "prefix" FROM person UNION ALL SELECT substr(last_fold, 1, 3) FROM person
     ) AS "prefixes" GROUP BY "prefix" HAVING COUNT(*) >= ? ORDER BY COUNT(*) DESC, "prefix" LIMIT 40`,
    [Math.max(2, Math.round(bench.people / 100))],
  )
  return rows.map((row) => fold(row.prefix)).filter((prefix) => prefix.length >= 2)
}

/**
 * The raw twin of a register search, the handler's statements: a page within the first
 * EARLY_RANKS matches ranks only that far and counts the rest from the term index; a deeper one
 * ranks every match. Then the rows of the page.
 */
async function rawSearch(bench: BenchContext, query: string, offset: number): Promise<unknown[]> {
  const base = { membership: 'all' as const, includeArchived: false, locale: 'cs', offset, limit: LIMIT }
  const where = filterWhere(base, null, localDate())
  const filter = { where: where.sql, params: where.params }
  const onTerms = termFilterWhere(base, null)
  const parsed = parseSearchQuery(query)
  const run = (sql: string, params: unknown[]) => bench.raw.all<{ id: number }>(sql, params)
  const end = offset + LIMIT
  const first = end <= EARLY_RANKS ? await rankedMatches(run, searchStatements(parsed, null, end, filter), end) : null
  if (first && !first.complete) {
    const count = countStatement(parsed, null, filter, onTerms && { where: onTerms.sql, params: onTerms.params })
    if (count) await bench.raw.all(count.sql, count.params)
  }
  const ids = first?.ids ?? (await rankedMatches(run, searchStatements(parsed, null, null, filter), Infinity))?.ids
  const page = (ids ?? []).slice(offset, end)
  return bench.raw.all(`SELECT ${SUMMARY_COLUMNS} FROM person p WHERE p.id IN (${page.join(', ') || 'NULL'})`)
}

const SEARCH_BASE: Base = { membership: 'all', includeArchived: false }

/** Each run a prefix not asked for lately: the matches are ranked afresh, not remembered. */
const searchFirstPage = defineScenario<{ rotation: Rotation<string>; totals: number[] }>({
  name: 'people/list: search, thousands of matches, first page',
  setup: async (bench) => {
    await register(bench)
    return { rotation: new Rotation(await commonPrefixes(bench)), totals: [] }
  },
  measure: async (bench, state) => {
    const page = await bench.call('people/list', { ...input(SEARCH_BASE, 0), query: state.rotation.next() })
    state.totals.push(page.total)
  },
  raw: (bench, state) => rawSearch(bench, state.rotation.current, 0),
  notes: (_bench, state) => [
    `search first page: ${state.rotation.count} prefixes, ${Math.min(...state.totals)}–${Math.max(...state.totals)} matches each`,
  ],
})

/** Scrolled deep into the matches of one search: the ranking is remembered from its first page. */
const searchDeepPage = defineScenario<{ query: string; offset: number }>({
  name: 'people/list: search, thousands of matches, deep page',
  setup: async (bench) => {
    await register(bench)
    const [query] = await commonPrefixes(bench)
    const first = await bench.call('people/list', { ...input(SEARCH_BASE, 0), query })
    return { query, offset: Math.max(0, first.total - 2 * LIMIT) }
  },
  measure: (bench, state) => bench.call('people/list', { ...input(SEARCH_BASE, state.offset), query: state.query }),
  raw: (bench, state) => rawSearch(bench, state.query, state.offset),
})

const all: Base = { membership: 'all', includeArchived: false }
const by = (sort: RegisterSort): Base => ({ ...all, sort })

export const registerListScenarios = [
  pageScenario('people/list: first page, Czech order', all, 0, 'key'),
  pageScenario('people/list: page after row 30 000 (by key)', all, 30_000, 'key'),
  pageScenario('people/list: page after row 90 000 (by key)', all, 90_000, 'key'),
  pageScenario('people/list: members, page after row 30 000', { ...all, membership: 'members' }, 30_000, 'key'),
  pageScenario('people/list: jump to row 90 000 (milestone)', all, 90_000, 'jump'),
  pageScenario('people/list: by birth date, after row 60 000', by('birthDate'), 60_000, 'key'),
  searchFirstPage,
  searchDeepPage,
]
