import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { InputOf } from '../../../src/shared/contract'
import type { PersonInput } from '../../../src/shared/contract/people'
import { localDate, yearsBefore } from '../../../src/shared/calendarDate'
import { startTestBackend, type TestBackend } from '../../support/backend'
import { rootUnitId, samplePerson } from '../../support/people'

describe('the register list', () => {
  let backend: TestBackend
  let centreId: number
  let sportId: number
  let floorballId: number
  const today = localDate()

  beforeAll(async () => {
    backend = await startTestBackend()
    centreId = await rootUnitId(backend)
    sportId = (await backend.call('units/create', { name: 'Sport', parentId: centreId })).id
    floorballId = (await backend.call('units/create', { name: 'Florbal', parentId: sportId })).id
    const people: Partial<PersonInput>[] = [
      { lastName: 'Chalupa', firstName: 'Adam', unitId: floorballId, birthDate: yearsBefore(today, 10), member: true },
      { lastName: 'Hrubý', firstName: 'Bedřich', unitId: sportId, birthDate: yearsBefore(today, 12) },
      { lastName: 'Cibulka', firstName: 'Cyril', unitId: centreId, birthDate: yearsBefore(today, 40) },
      {
        lastName: 'Čech',
        firstName: 'David',
        unitId: floorballId,
        birthDate: yearsBefore(today, 9),
        member: true,
        memberUntil: '2000-01-01',
      },
      { lastName: 'Izák', firstName: 'Emil', unitId: centreId, birthDate: null },
      { lastName: 'Šťastná', firstName: 'Fanny', unitId: centreId, birthDate: yearsBefore(today, 18) },
      { lastName: 'Svobodová', firstName: 'Gita', unitId: centreId, birthDate: yearsBefore(today, 30) },
    ]
    for (const person of people) {
      await backend.call('people/create', { person: samplePerson(centreId, { contacts: undefined, ...person }) })
    }
    const archived = await backend.call('people/create', {
      person: samplePerson(centreId, { lastName: 'Archivní', firstName: 'Hana', contacts: undefined }),
    })
    await backend.call('people/set-archived', { id: archived.person.id, archived: true })
  })
  afterAll(() => backend.dispose())

  const surnames = async (filter: Partial<InputOf<'people/list'>> = {}) => {
    const page = await backend.call('people/list', {
      locale: 'cs',
      membership: 'all',
      includeArchived: false,
      offset: 0,
      limit: 100,
      ...filter,
    })
    return { total: page.total, names: page.rows.map((row) => row.lastName) }
  }

  it('sorts by surname in Czech: Č after C, Ch after H, Š after S', async () => {
    expect((await surnames()).names).toEqual(['Cibulka', 'Čech', 'Hrubý', 'Chalupa', 'Izák', 'Svobodová', 'Šťastná'])
  })

  it('sorts the same people the English way for an English desk', async () => {
    const page = await backend.call('people/list', {
      locale: 'en',
      membership: 'all',
      includeArchived: false,
      offset: 0,
      limit: 100,
    })
    expect(page.rows.map((row) => row.lastName)).toEqual([
      'Čech',
      'Chalupa',
      'Cibulka',
      'Hrubý',
      'Izák',
      'Šťastná',
      'Svobodová',
    ])
  })

  it('filters by unit including its sub-units', async () => {
    expect(await surnames({ unitId: sportId })).toEqual({ total: 3, names: ['Čech', 'Hrubý', 'Chalupa'] })
    expect((await surnames({ unitId: floorballId })).names).toEqual(['Čech', 'Chalupa'])
  })

  it('filters by membership in force today', async () => {
    expect((await surnames({ membership: 'members' })).names).toEqual(['Chalupa'])
    expect((await surnames({ membership: 'non-members' })).total).toBe(6)
  })

  it('filters by age, leaving out people without a birth date', async () => {
    expect((await surnames({ minAge: 10, maxAge: 12 })).names).toEqual(['Hrubý', 'Chalupa'])
    expect((await surnames({ minAge: 18 })).names).toEqual(['Cibulka', 'Svobodová', 'Šťastná'])
  })

  it('shows archived people only when asked, and pages through the rest', async () => {
    expect((await surnames({ includeArchived: true })).names).toContain('Archivní')
    const second = await backend.call('people/list', {
      locale: 'cs',
      membership: 'all',
      includeArchived: false,
      offset: 5,
      limit: 5,
    })
    expect(second).toMatchObject({ total: 7, offset: 5 })
    expect(second.rows.map((row) => row.lastName)).toEqual(['Svobodová', 'Šťastná'])
  })
})
