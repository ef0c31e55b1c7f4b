import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { InputOf } from '../../../src/shared/contract'
import { localDate, yearsBefore } from '../../../src/shared/calendarDate'
import { EARLY_RANKS, filterWhere, termFilterWhere } from '../../../src/main/people/personList'
import { countStatement } from '../../../src/main/people/search/personSearch'
import { parseSearchQuery } from '../../../src/main/people/search/searchQuery'
import { startTestBackend, type TestBackend } from '../../support/backend'
import { generateRegister } from '../../support/generatedRegister'
import { personInputOf, samplePerson } from '../../support/people'

type ListInput = InputOf<'people/list'>

// Whole words and prefixes of "no" and "novak" in both names; "Nová Nováková" matches twice.
const SURNAMES = ['Novák', 'Nováková', 'Nová Nováková', 'No', 'Nosek', 'Černohorský', 'Dvořák', 'Svoboda']
const FIRST_NAMES = ['Noemi', 'Norbert', 'No', 'Jan', 'Eva', 'Novak']
/** More matches than the first pages rank, so deep pages rank them all. */
const PEOPLE = 1_300
const SURNAME = 1
const NAME_WORD = 'o.field IN (1, 2)'
/** What is typed, its longest word, what the other words ask of the person, and at least how many match. */
const QUERIES = [
  { query: 'no', word: 'no', also: '', least: 100 },
  { query: 'Novák', word: 'novak', also: '', least: 50 },
  {
    query: 'Novák ev',
    word: 'novak',
    also: ` AND EXISTS (SELECT 1 FROM person_search_term o WHERE o.person_id = p.id AND ${NAME_WORD}
      AND substr(o.term, 1, 2) = 'ev')`,
    least: 10,
  },
]
const GIVEN_NAME = 2

describe('a register search of many matches', () => {
  let backend: TestBackend
  const units: Record<string, number> = {}
  const today = localDate()

  beforeAll(async () => {
    backend = await startTestBackend()
    Object.assign(
      units,
      await generateRegister(
        backend,
        { seed: 9, people: PEOPLE, surnames: SURNAMES, firstNames: FIRST_NAMES, ageSpan: 50, archiveEvery: 7 },
        today,
      ),
    )
  })
  afterAll(() => backend.dispose())

  /**
   * Every match in rank order, worked out here from all matching name words: whole words before
   * prefixes, surnames before first names, then by word, the other name and id; each person at
   * their best place.
   */
  async function expected(word: string, personFilter: string): Promise<number[]> {
    const rows: { field: number; term: string; tiebreak: string; id: number }[] =
      await backend.database.readManager.query(
        `SELECT t.field, t.term, t.tiebreak, t.person_id AS id FROM person_search_term t JOIN person p ON p.id = t.person_id
         WHERE t.field IN (${SURNAME}, ${GIVEN_NAME}) AND substr(t.term, 1, ?) = ? AND ${personFilter}`,
        [word.length, word],
      )
    const keyed = rows.map((row) => ({
      id: row.id,
      key: [(row.term === word ? 0 : 2) + (row.field === SURNAME ? 0 : 1), row.term, row.tiebreak, row.id] as const,
    }))
    const before = (a: (typeof keyed)[number]['key'], b: (typeof keyed)[number]['key']) => {
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i]
      return false
    }
    const best = new Map<number, (typeof keyed)[number]['key']>()
    for (const { id, key } of keyed) if (!best.has(id) || before(key, best.get(id)!)) best.set(id, key)
    return [...best.entries()].sort(([, a], [, b]) => (before(a, b) ? -1 : before(b, a) ? 1 : 0)).map(([id]) => id)
  }

  const page = (filter: Partial<ListInput>) =>
    backend.call('people/list', {
      locale: 'cs',
      membership: 'all',
      includeArchived: false,
      offset: 0,
      limit: 20,
      ...filter,
    })

  const cases: { name: string; filter: Partial<ListInput>; where: () => string }[] = [
    { name: 'in the register', filter: {}, where: () => 'p.archived_at IS NULL' },
    { name: 'archived too', filter: { includeArchived: true }, where: () => '1 = 1' },
    { name: 'of one unit', filter: { unitId: 0 }, where: () => `p.archived_at IS NULL AND p.unit_id = ${units.zpev}` },
    {
      name: 'members only',
      filter: { membership: 'members' },
      where: () => `p.archived_at IS NULL AND p.member AND (p.member_until IS NULL OR p.member_until >= '${today}')`,
    },
    {
      name: 'of an age',
      filter: { minAge: 10, maxAge: 30 },
      where: () =>
        `p.archived_at IS NULL AND p.birth_date <= '${yearsBefore(today, 10)}' AND p.birth_date > '${yearsBefore(today, 31)}'`,
    },
  ]

  for (const { name, filter, where } of cases) {
    it(`pages ${name} in rank order with the total of every match, near the start and deep`, async () => {
      const withUnit = filter.unitId === undefined ? filter : { ...filter, unitId: units.zpev }
      for (const { query, word, also, least } of QUERIES) {
        const all = await expected(word, `${where()}${also}`)
        expect(all.length).toBeGreaterThan(least)
        for (const offset of [0, 40, EARLY_RANKS - 10, all.length - 15]) {
          const result = await page({ ...withUnit, query, offset })
          expect(result.total).toBe(all.length)
          expect(result.rows.map((row) => row.id)).toEqual(all.slice(offset, offset + 20))
        }
      }
    })
  }

  it('counts a name search from the search terms alone, without reading a person row', async () => {
    const filter = { locale: 'cs', membership: 'all' as const, includeArchived: false, offset: 0, limit: 20 }
    const where = filterWhere(filter, [units.zpev], today)
    const onTerms = termFilterWhere(filter, [units.zpev])!
    const count = countStatement(
      parseSearchQuery('no'),
      [units.zpev],
      { where: where.sql, params: where.params },
      { where: onTerms.sql, params: onTerms.params },
    )!
    if (backend.database.engine.kind === 'sqlite') {
      const plan: { detail: string }[] = await backend.database.readManager.query(
        `EXPLAIN QUERY PLAN ${count.sql}`,
        count.params,
      )
      expect(plan.map((step) => step.detail).join('\n')).toMatch(/SEARCH t USING PRIMARY KEY/)
      expect(plan.filter((step) => /\b(SCAN|SEARCH) p\b/.test(step.detail))).toEqual([])
    } else {
      // PostgreSQL's planner may scan the small test table rather than walk its key; no person row either way.
      const plan: { 'QUERY PLAN': string }[] = await backend.database.readManager.query(
        `EXPLAIN ${count.sql}`,
        count.params,
      )
      const steps = plan.map((step) => step['QUERY PLAN'])
      expect(steps.join('\n')).toMatch(/ on person_search_term t\b/)
      expect(steps.filter((step) => / on person p\b/.test(step))).toEqual([])
    }
  })

  it('keeps the total in step when a match is archived, restored, moved or merged', async () => {
    // A page of one: the rest is counted, not ranked.
    const total = async (filter: Partial<ListInput> = {}) => (await page({ query: 'quo', limit: 1, ...filter })).total
    const create = async (lastName: string, unitId: number) =>
      (
        await backend.call('people/create', {
          person: samplePerson(unitId, { lastName, contacts: undefined }),
          allowDuplicate: true,
        })
      ).person
    const first = await create('Quorum', units.zpev)
    const second = await create('Quota', units.zpev)
    expect(await total()).toBe(2)
    await backend.call('people/set-archived', { id: first.id, archived: true })
    expect(await total()).toBe(1)
    expect(await total({ includeArchived: true })).toBe(2)
    await backend.call('people/set-archived', { id: first.id, archived: false })
    expect(await total()).toBe(2)
    expect(await total({ unitId: units.atletika })).toBe(0)
    const moved = (await backend.call('people/get', { id: second.id })).person
    await backend.call('people/update', {
      id: second.id,
      person: personInputOf(moved, { unitId: units.atletika }),
      expectedVersion: moved.version,
    })
    expect(await total({ unitId: units.atletika })).toBe(1)
    expect(await total({ unitId: units.zpev })).toBe(1)
    // An archived record merged with one in use stays in the register.
    await backend.call('people/set-archived', { id: first.id, archived: true })
    const third = await create('Quorum', units.zpev)
    expect(await total()).toBe(2)
    await backend.call('people/merge', {
      keepId: first.id,
      removeId: third.id,
      takeFromRemoved: [],
      confirmDifferences: true,
    })
    expect(await total()).toBe(2)
  })

  it('finds the person after one whose two words filled the first page', async () => {
    const create = async (lastName: string) =>
      (await backend.call('people/create', { person: samplePerson(units.zpev, { lastName, contacts: undefined }) }))
        .person.id
    const both = await create('Quax Quay')
    const next = await create('Quaz')
    const result = await page({ query: 'qua', limit: 2 })
    expect(result.total).toBe(2)
    expect(result.rows.map((row) => row.id)).toEqual([both, next])
  })
})
