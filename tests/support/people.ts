import pg from 'pg'
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

/**
 * Runs SQL as the owner of the schema, as a later migration would: on PostgreSQL the desk role
 * may not create tables or move sequences. DDL is written in the portable (SQLite) spelling.
 */
export async function asSchemaOwner(backend: TestBackend, statements: string[]): Promise<void> {
  const { engine } = backend.database
  const server = backend.serverDatabase
  if (!server) {
    for (const sql of statements) await backend.database.dataSource.query(engine.ddl(sql))
    return
  }
  const { host, port, database, user, password } = server.owner
  const client = new pg.Client({ host, port, database, user, password })
  await client.connect()
  try {
    for (const sql of statements) await client.query(engine.ddl(sql))
  } finally {
    await client.end()
  }
}
