import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PersonInput } from '../../../src/shared/contract/people'
import { startTestBackend, type TestBackend } from '../../support/backend'
import { rootUnitId, samplePerson } from '../../support/people'

const PEOPLE: Partial<PersonInput>[] = [
  { firstName: 'Jana', lastName: 'Nováková', birthDate: '1986-04-12' },
  { firstName: 'Jan', lastName: 'Novák', birthDate: '1984-02-01' },
  { firstName: 'Novák', lastName: 'Petr', birthDate: '1990-01-01' },
  { firstName: 'Tereza', lastName: 'Nováčková', birthDate: '2012-05-05' },
  { firstName: 'Łukasz', lastName: 'Wójcik', birthDate: '2014-03-03' },
  { firstName: 'Örsi', lastName: 'Szőke', birthDate: '2013-07-07' },
  { firstName: 'Ľubomír', lastName: 'Ďurica', birthDate: '2011-11-11' },
  { firstName: 'Zsófia', lastName: 'Nagy-Kovács', birthDate: '2016-01-31' },
  { firstName: 'Marie', lastName: 'Jankowská', birthDate: '1979-09-09' },
  { firstName: 'Hana', lastName: 'Svobodová', birthDate: '1981-08-08' },
  { firstName: 'Ota', lastName: 'Hanák', birthDate: '1982-07-07' },
]

describe('finding people as you type', () => {
  let backend: TestBackend
  const ids = new Map<string, number>()

  beforeAll(async () => {
    backend = await startTestBackend()
    const unitId = await rootUnitId(backend)
    for (const [index, person] of PEOPLE.entries()) {
      const contacts = {
        ...samplePerson(unitId).contacts!,
        email: `person${index}@example.cz`,
        phones: [`+420 777 000 ${String(index).padStart(3, '0')}`],
      }
      const file = await backend.call('people/create', { person: samplePerson(unitId, { ...person, contacts }) })
      ids.set(`${person.firstName} ${person.lastName}`, file.person.id)
    }
  })
  afterAll(() => backend.dispose())

  const names = async (query: string) =>
    (await backend.call('people/search', { query })).map((hit) => `${hit.firstName} ${hit.lastName}`)

  it('ignores case and diacritics in every language', async () => {
    expect(await names('novakova')).toEqual(['Jana Nováková'])
    expect(await names('lukasz')).toEqual(['Łukasz Wójcik'])
    expect(await names('orsi')).toEqual(['Örsi Szőke'])
    expect(await names('LUBOMIR durica')).toEqual(['Ľubomír Ďurica'])
    expect(await names('kovacs')).toEqual(['Zsófia Nagy-Kovács'])
  })

  it('ranks a whole word above a word starting with it, then surnames before first names', async () => {
    expect(await names('novak')).toEqual(['Jan Novák', 'Novák Petr', 'Jana Nováková'])
    expect(await names('nova')).toEqual(['Tereza Nováčková', 'Jan Novák', 'Jana Nováková', 'Novák Petr'])
    expect(await names('jan')).toEqual(['Jan Novák', 'Marie Jankowská', 'Jana Nováková'])
    expect(await names('hana')).toEqual(['Hana Svobodová', 'Ota Hanák'])
  })

  it('fills the register with every match in rank order, within its filters', async () => {
    const page = (query: string, offset: number, limit: number, membership: 'all' | 'members' = 'all') =>
      backend.call('people/list', { locale: 'cs', membership, includeArchived: false, query, offset, limit })
    const all = await page('nov', 0, 50)
    expect(all.total).toBe(4)
    expect(all.rows.map((row) => row.lastName)).toEqual(['Nováčková', 'Novák', 'Nováková', 'Petr'])
    const paged = [...(await page('nov', 0, 3)).rows, ...(await page('nov', 3, 3)).rows]
    expect(paged.map((row) => row.id)).toEqual(all.rows.map((row) => row.id))
    expect(await page('nov', 0, 10, 'members')).toMatchObject({ total: 0, rows: [] })
  })

  it('takes the words of a name in any order and as prefixes', async () => {
    expect(await names('jan novak')).toEqual(['Jan Novák', 'Jana Nováková'])
    expect(await names('nov ja')).toEqual(['Jan Novák', 'Jana Nováková'])
    expect(await names('zs nagy')).toEqual(['Zsófia Nagy-Kovács'])
    expect(await names('novak zzz')).toEqual([])
  })

  it('finds by birth date, birth year, phone and e-mail', async () => {
    expect(await names('12. 4. 1986')).toEqual(['Jana Nováková'])
    expect(await names('2014')).toEqual(['Łukasz Wójcik'])
    expect(await names('novak 1984')).toEqual(['Jan Novák'])
    expect(await names('777 000 004')).toEqual(['Łukasz Wójcik'])
    expect(await names('+420777000005')).toEqual(['Örsi Szőke'])
    expect(await names('PERSON6@')).toEqual(['Ľubomír Ďurica'])
    expect(await names('00420 777 000 006')).toEqual(['Ľubomír Ďurica'])
  })

  it('says how each hit matched', async () => {
    const [hit] = await backend.call('people/search', { query: '777000003' })
    expect(hit).toMatchObject({ matched: 'phone', phone: '+420 777 000 003', via: null })
  })

  it('refuses an over-long query as invalid input', async () => {
    const result = await backend.result('people/search', { query: 'x'.repeat(101) })
    expect(result.ok || result.error.code).toBe('VALIDATION_FAILED')
  })
})

describe('finding phone numbers however they are typed', () => {
  let backend: TestBackend
  const owners = new Map<string, string>()

  beforeAll(async () => {
    backend = await startTestBackend()
    const unitId = await rootUnitId(backend)
    const numbers: [string, string, string][] = [
      ['Erzsébet', 'Kiss', '+36 1 234 5678'],
      ['Gábor', 'Tóth', '+36 46 123 456'],
      ['Zoltán', 'Szabó', '+36 30 123 4567'],
      ['Mária', 'Kováčová', '+421 905 123 456'],
      ['Karel', 'Veselý', '(+420) 777-987-654'],
    ]
    for (const [firstName, lastName, phone] of numbers) {
      const contacts = { ...samplePerson(unitId).contacts!, email: null, phones: [phone] }
      await backend.call('people/create', { person: samplePerson(unitId, { firstName, lastName, contacts }) })
      owners.set(phone, lastName)
    }
  })
  afterAll(() => backend.dispose())

  const found = async (query: string) =>
    (await backend.call('people/search', { query })).map((hit) => `${hit.lastName} ${hit.phone}`)

  it.each([
    ['+36 1 234 5678', '+36 1 234 5678'],
    ['1 234 5678', '+36 1 234 5678'],
    ['06 1 234 5678', '+36 1 234 5678'],
    ['+36 46 123 456', '+36 46 123 456'],
    ['46 123 456', '+36 46 123 456'],
    ['06 30 123', '+36 30 123 4567'],
    ['0905 123', '+421 905 123 456'],
    ['(+420) 777-987-654', '(+420) 777-987-654'],
    ['777 987 654', '(+420) 777-987-654'],
  ])('finds %s', async (query, phone) => {
    expect(await found(query)).toEqual([`${owners.get(phone)} ${phone}`])
  })
})
