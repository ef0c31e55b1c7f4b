import { yearsBefore } from '../../src/shared/calendarDate'
import { importPeople } from '../../src/main/people/bulkImport'
import { personInput } from '../../src/shared/contract/people'
import type { TestBackend } from './backend'
import { asSchemaOwner, rootUnitId, samplePerson } from './people'
import { seededRandom } from './random'

export interface GeneratedRegister {
  seed: number
  people: number
  surnames: string[]
  firstNames: string[]
  /** Ages drawn from 3 up to 3 + this many years; a tenth of the people have no birth date. */
  ageSpan: number
  /** Every n-th record (by id) is archived. */
  archiveEvery: number
}

/**
 * A centre with two departments and a register drawn at random (but repeatably) from the given
 * names: many share a name or a birth date, some have none, about 40 % are members.
 */
export async function generateRegister(
  backend: TestBackend,
  spec: GeneratedRegister,
  today: string,
): Promise<Record<'centre' | 'zpev' | 'atletika', number>> {
  const centre = await rootUnitId(backend)
  const units = {
    centre,
    zpev: (await backend.call('units/create', { name: 'Zpěv', parentId: centre })).id,
    atletika: (await backend.call('units/create', { name: 'Atletika', parentId: centre })).id,
  }
  const random = seededRandom(spec.seed)
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]
  const people = Array.from({ length: spec.people }, () =>
    personInput.parse(
      samplePerson(pick(Object.values(units)), {
        lastName: pick(spec.surnames),
        firstName: pick(spec.firstNames),
        birthDate: random() < 0.1 ? null : yearsBefore(today, 3 + Math.floor(random() * spec.ageSpan)),
        member: random() < 0.4,
        contacts: undefined,
      }),
    ),
  )
  await backend.database.dataSource.transaction((em) => importPeople(em, people, [], new Date()))
  if (backend.database.engine.kind === 'postgres') {
    // The import names the ids itself; people registered later must get the next ones.
    await asSchemaOwner(backend, [
      `SELECT setval(pg_get_serial_sequence('person', 'id'), (SELECT MAX(id) FROM person))`,
    ])
  }
  for (let id = 1; id <= spec.people; id += spec.archiveEvery) {
    await backend.call('people/set-archived', { id, archived: true })
  }
  return units
}
