import type { PersonFile } from '../../src/shared/contract/people'
import type { TestBackend } from './backend'
import { ADMINISTRATOR, CENTRE_NAME } from './desks'
import { personInputOf, sampleChild, samplePerson } from './personSamples'

export { personInputOf, sampleChild, samplePerson }

/** The centre (root unit) of a test backend, set up on first use. */
export async function rootUnitId(backend: TestBackend): Promise<number> {
  let root = (await backend.call('units/list', {})).find((unit) => unit.parentId === null)
  if (!root) {
    await backend.call('auth/set-up', { ...ADMINISTRATOR, centreName: CENTRE_NAME, language: 'cs' })
    root = (await backend.call('units/list', {})).find((unit) => unit.parentId === null)
  }
  if (!root) throw new Error('Setting up the centre made no root unit')
  return root.id
}

/** A mother with two children registered the way reception does it: the children from her page. */
export async function registerFamily(backend: TestBackend, unitId: number) {
  const mother = await backend.call('people/create', { person: samplePerson(unitId) })
  const link = {
    personId: mother.person.id,
    as: 'child',
    relation: 'mother',
    primaryContact: true,
    mayPickUp: true,
  } as const
  const eliska: PersonFile = await backend.call('people/create', {
    person: sampleChild(unitId, 'Eliška', '2015-09-03'),
    link,
  })
  const tomas: PersonFile = await backend.call('people/create', {
    person: sampleChild(unitId, 'Tomáš', '2018-01-20', { lastName: 'Novák', sex: 'male' }),
    link,
  })
  return { mother, eliska, tomas }
}
