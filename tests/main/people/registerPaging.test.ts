import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { InputOf } from '../../../src/shared/contract'
import type { RegisterSort } from '../../../src/shared/contract/people'
import { localDate } from '../../../src/shared/calendarDate'
import { startTestBackend, type TestBackend } from '../../support/backend'
import { generateRegister } from '../../support/generatedRegister'
import { samplePerson } from '../../support/people'

type ListInput = InputOf<'people/list'>

const SURNAMES = ['Novák', 'Chalupa', 'Čech', 'Cibulka', 'Šťastný', 'Svoboda', 'Hrubý', 'Dvořák', 'Adámek']
const FIRST_NAMES = ['Jan', 'Eva', 'Petr', 'Ýma', 'Ondřej', 'Šárka']
/** More than two milestones' worth, so jumps start from every kind of milestone. */
const PEOPLE = 1_240

describe('paging through the register by key', () => {
  let backend: TestBackend
  const units: Record<string, number> = {}
  const today = localDate()

  beforeAll(async () => {
    backend = await startTestBackend()
    // Many share a name or a birth date, some have none: ties and the segment of unknown dates.
    Object.assign(
      units,
      await generateRegister(
        backend,
        { seed: 8, people: PEOPLE, surnames: SURNAMES, firstNames: FIRST_NAMES, ageSpan: 8, archiveEvery: 9 },
        today,
      ),
    )
  })
  afterAll(() => backend.dispose())

  /** The same list by a plain ORDER BY over the whole table: what every way of paging must give. */
  async function expected(sort: RegisterSort, descending: boolean, members: boolean): Promise<number[]> {
    const birthDown = (sort === 'age') !== descending
    const order = {
      name: `p.sort_cs ${descending ? 'DESC' : ''}, p.id ${descending ? 'DESC' : ''}`,
      unit: `u.name ${descending ? 'DESC' : ''}, p.sort_cs, p.id`,
      birthDate: `p.birth_date IS NULL, p.birth_date ${birthDown ? 'DESC' : ''},
        CASE WHEN p.birth_date IS NULL THEN p.sort_cs END,
        CASE WHEN p.birth_date IS NULL THEN p.id ELSE ${birthDown ? '-p.id' : 'p.id'} END`,
    }[sort === 'age' ? 'birthDate' : sort]
    const rows: { id: number }[] = await backend.database.readManager.query(
      `SELECT p.id FROM person p JOIN unit u ON u.id = p.unit_id WHERE p.archived_at IS NULL
       ${members ? 'AND p.member' : ''} ORDER BY ${order}`,
    )
    return rows.map((row) => row.id)
  }

  const list = (input: Partial<ListInput>) =>
    backend.call('people/list', {
      locale: 'cs',
      membership: 'all',
      includeArchived: false,
      offset: 0,
      limit: 97,
      ...input,
    })

  const cases: { sort: RegisterSort; descending: boolean; members: boolean }[] = []
  for (const sort of ['name', 'birthDate', 'age', 'unit'] as const) {
    for (const descending of [false, true]) cases.push({ sort, descending, members: sort === 'name' && descending })
  }
  cases.push({ sort: 'birthDate', descending: false, members: true }, { sort: 'unit', descending: true, members: true })

  it.each(cases)(
    'pages by key forwards and backwards, and jumps to any row, in the order of $sort (descending: $descending, members: $members)',
    async ({ sort, descending, members }) => {
      const want = await expected(sort, descending, members)
      const base = { sort, descending, membership: members ? ('members' as const) : ('all' as const) }

      const forwards: number[] = []
      let page = await list(base)
      expect(page.total).toBe(want.length)
      forwards.push(...page.rows.map((row) => row.id))
      while (page.lastKey && forwards.length < want.length) {
        page = await list({ ...base, after: page.lastKey, offset: forwards.length })
        forwards.push(...page.rows.map((row) => row.id))
      }
      expect(forwards).toEqual(want)

      const lastOffset = want.length - 97
      page = await list({ ...base, offset: lastOffset })
      const backwards = page.rows.map((row) => row.id)
      while (page.firstKey && backwards.length < want.length) {
        page = await list({ ...base, before: page.firstKey, offset: Math.max(0, want.length - backwards.length - 97) })
        backwards.unshift(...page.rows.map((row) => row.id))
      }
      expect(backwards).toEqual(want)

      for (const offset of [0, 1, 499, 500, 501, 777, 1_000, want.length - 5, want.length]) {
        const jump = await list({ ...base, offset })
        expect(jump.rows.map((row) => row.id)).toEqual(want.slice(offset, offset + 97))
      }
    },
  )

  it('keeps paging correctly when people are registered or archived between pages', async () => {
    const first = await list({ offset: 600 })
    await backend.call('people/create', {
      person: samplePerson(units.centre, { lastName: 'Aaron', firstName: 'Adam', contacts: undefined }),
    })
    const zuzana = await backend.call('people/create', {
      person: samplePerson(units.zpev, { lastName: 'Žák', firstName: 'Zuzana', contacts: undefined }),
    })
    await backend.call('people/set-archived', { id: first.rows[50].id, archived: true })
    const want = await expected('name', false, false)
    // The next page follows the last row shown, wherever it now stands; a jump sees the new positions.
    const next = await list({ after: first.lastKey ?? undefined, offset: 697 })
    const at = want.indexOf(first.rows[96].id)
    expect(next.rows.map((row) => row.id)).toEqual(want.slice(at + 1, at + 98))
    for (const offset of [0, 500, 1_000, want.length - 1]) {
      const jump = await list({ offset })
      expect(jump.total).toBe(want.length)
      expect(jump.rows.map((row) => row.id)).toEqual(want.slice(offset, offset + 97))
    }
    expect(want.at(-1)).toBe(zuzana.person.id)
  })
})
