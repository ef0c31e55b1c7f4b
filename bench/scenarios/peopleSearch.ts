import { fold } from '../../src/shared/text/fold'
import { SUMMARY_COLUMNS } from '../../src/main/people/personMapping'
import { parseSearchQuery } from '../../src/main/people/search/searchQuery'
import { searchStatements } from '../../src/main/people/search/personSearch'
import { Random } from '../../src/main/demo/random'
import type { BenchContext } from '../context'
import { defineScenario, type RegisteredScenario } from '../scenario'
import { register, Rotation } from './peopleRegister'

const LIMIT = 20

type QueryKind = 'prefix-1' | 'prefix-2' | 'prefix-3' | 'full-name'

/** What reception types: the start of a surname, or a whole name with its diacritics, in either order. */
function queries(bench: BenchContext, kind: QueryKind): string[] {
  const random = new Random(kind.length * 7919)
  const people = bench.dataset().people
  return Array.from({ length: 200 }, () => {
    const person = people[random.int(0, people.length - 1)]
    if (kind === 'full-name') {
      return random.chance(0.5) ? `${person.lastName} ${person.firstName}` : `${person.firstName} ${person.lastName}`
    }
    return fold(person.lastName).slice(0, Number(kind.slice(-1)))
  })
}

/**
 * The same lookup as plain SQL on a second connection: the ranked statements until the page
 * is full, then the rows of the hits. No DTOs, no unit access, no children of guardians.
 */
async function rawSearch(bench: BenchContext, query: string): Promise<unknown[]> {
  const ids: number[] = []
  for (const statement of searchStatements(parseSearchQuery(query), null, LIMIT)) {
    if (ids.length >= LIMIT) break
    const rows = await bench.raw.all<{ id: number }>(statement.sql, statement.params)
    for (const { id } of rows) if (!ids.includes(id) && ids.length < LIMIT) ids.push(id)
  }
  if (ids.length === 0) return []
  return bench.raw.all(`SELECT ${SUMMARY_COLUMNS} FROM person p WHERE p.id IN (${ids.join(', ')})`)
}

function searchScenario(kind: QueryKind, label: string): RegisteredScenario {
  return defineScenario<{ rotation: Rotation<string>; hits: number[] }>({
    name: `people/search: ${label}`,
    setup: async (bench) => {
      await register(bench)
      return { rotation: new Rotation(queries(bench, kind)), hits: [] }
    },
    measure: async (bench, state) => {
      const hits = await bench.call('people/search', { query: state.rotation.next(), limit: LIMIT })
      state.hits.push(hits.length)
    },
    raw: (bench, state) => rawSearch(bench, state.rotation.current),
    notes: (_bench, state) => {
      const empty = state.hits.filter((count) => count === 0).length
      return [`people/search ${label}: ${empty} of ${state.hits.length} searches found nobody`]
    },
  })
}

export const peopleSearchScenarios = [
  searchScenario('prefix-1', '1 letter'),
  searchScenario('prefix-2', '2 letters'),
  searchScenario('prefix-3', '3 letters'),
  searchScenario('full-name', 'full name'),
]
