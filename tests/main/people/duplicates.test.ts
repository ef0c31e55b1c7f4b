import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { InputOf } from '../../../src/shared/contract'
import { startTestBackend, type TestBackend } from '../../support/backend'
import { registerFamily, rootUnitId } from '../../support/people'

describe('the duplicate guard', () => {
  let backend: TestBackend
  let family: Awaited<ReturnType<typeof registerFamily>>

  beforeAll(async () => {
    backend = await startTestBackend()
    family = await registerFamily(backend, await rootUnitId(backend))
  })
  afterAll(() => backend.dispose())

  const probe = (change: Partial<InputOf<'people/find-duplicates'>>): InputOf<'people/find-duplicates'> => ({
    firstName: '',
    lastName: '',
    birthDate: null,
    email: null,
    phones: [],
    ...change,
  })
  const found = async (change: Partial<InputOf<'people/find-duplicates'>>) =>
    (await backend.call('people/find-duplicates', probe(change))).map((candidate) => [
      candidate.person.firstName,
      candidate.reasons,
    ])

  it('matches the same name and birth date whatever the case, accents or order', async () => {
    expect(await found({ firstName: 'ELISKA', lastName: 'novakova', birthDate: '2015-09-03' })).toEqual([
      ['Eliška', ['name_birth_date']],
    ])
    expect(await found({ firstName: 'Nováková', lastName: 'Eliška', birthDate: '2015-09-03' })).toEqual([
      ['Eliška', ['name_birth_date']],
    ])
  })

  it('does not match a namesake born on another day', async () => {
    expect(await found({ firstName: 'Eliška', lastName: 'Nováková', birthDate: '2016-09-03' })).toEqual([])
  })

  it("matches a guardian's e-mail in any case and phone in any spelling", async () => {
    expect(await found({ email: 'Jana.Novakova@Example.cz' })).toEqual([['Jana', ['email']]])
    expect(await found({ phones: ['777123456'] })).toEqual([['Jana', ['phone']]])
    expect(await found({ phones: ['00420 777-123-456'] })).toEqual([['Jana', ['phone']]])
    expect(
      await found({
        firstName: 'Jana',
        lastName: 'Nováková',
        birthDate: '1986-04-12',
        email: 'jana.novakova@example.cz',
      }),
    ).toEqual([['Jana', ['name_birth_date', 'email']]])
  })

  it("does not suspect a child who carries a parent's phone or e-mail", async () => {
    const child = { firstName: 'Tomáš', lastName: 'Novák', birthDate: '2018-01-20' }
    expect(await found({ ...child, phones: ['777 123 456'], email: 'jana.novakova@example.cz' })).toEqual([
      ['Tomáš', ['name_birth_date']],
    ])
    expect(
      await found({ firstName: 'Ema', lastName: 'Nováková', birthDate: '2020-02-02', phones: ['777 123 456'] }),
    ).toEqual([])
  })

  it('leaves out the record being edited', async () => {
    expect(await found({ email: 'jana.novakova@example.cz', excludeId: family.mother.person.id })).toEqual([])
  })
})
