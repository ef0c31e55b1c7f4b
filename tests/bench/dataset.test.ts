import { beforeAll, describe, expect, it } from 'vitest'
import { generateDataset, type DemoDataset, type DemoPerson } from '../../src/main/demo/dataset'
import type { CountryCode } from '../../src/main/demo/names'

const TODAY = '2026-09-01'

function ageOn(today: string, birthDate: string): number {
  const [ty, tm, td] = today.split('-').map(Number)
  const [by, bm, bd] = birthDate.split('-').map(Number)
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0)
}

const ofCountry = (people: readonly DemoPerson[], country: CountryCode) => people.filter((p) => p.country === country)

describe('demo data set', () => {
  let data: DemoDataset
  beforeAll(() => {
    data = generateDataset({ people: 10_000, seed: 7, today: TODAY })
  })

  it('the same seed always gives the same families, another seed other ones', () => {
    const a = generateDataset({ people: 2_000, seed: 99, today: TODAY })
    const b = generateDataset({ people: 2_000, seed: 99, today: TODAY })
    const c = generateDataset({ people: 2_000, seed: 100, today: TODAY })
    expect(b).toEqual(a)
    expect(c.people.slice(0, 20)).not.toEqual(a.people.slice(0, 20))
  })

  it('the register holds exactly as many people as asked for', () => {
    for (const size of [0, 2, 3, 4, 57, 1_001]) {
      expect(generateDataset({ people: size, seed: size, today: TODAY }).people).toHaveLength(size)
    }
    expect(data.people).toHaveLength(10_000)
    expect(() => generateDataset({ people: 1, seed: 1 })).toThrow(RangeError)
  })

  it('every guardianship links an existing adult guardian to a different, existing child', () => {
    const wrong = data.guardianships.filter((link) => {
      const guardian = data.people[link.guardianIndex]
      const child = data.people[link.participantIndex]
      return (
        guardian?.role !== 'guardian' ||
        child?.role !== 'participant' ||
        link.guardianIndex === link.participantIndex ||
        ageOn(TODAY, guardian.birthDate) < 18
      )
    })
    expect(wrong).toEqual([])
  })

  it('children are 4 to 18 years old and each has one or two parents, one of them the primary contact', () => {
    const parents = new Map<number, number>()
    const primary = new Map<number, number>()
    for (const link of data.guardianships) {
      if (link.relation === 'mother' || link.relation === 'father') {
        parents.set(link.participantIndex, (parents.get(link.participantIndex) ?? 0) + 1)
      }
      if (link.primaryContact) primary.set(link.participantIndex, (primary.get(link.participantIndex) ?? 0) + 1)
    }
    const wrong = data.people.filter((person, i) => {
      if (person.role !== 'participant') return false
      const age = ageOn(TODAY, person.birthDate)
      const count = parents.get(i) ?? 0
      return age < 4 || age > 18 || count < 1 || count > 2 || primary.get(i) !== 1
    })
    expect(wrong).toEqual([])
    expect(data.people.filter((p) => p.role === 'participant').length).toBeGreaterThan(3_000)
  })

  it('siblings share their parents and cousins share their grandparents', () => {
    const childrenOf = new Map<number, number>()
    for (const link of data.guardianships)
      childrenOf.set(link.guardianIndex, (childrenOf.get(link.guardianIndex) ?? 0) + 1)
    const parentsWithSeveral = data.guardianships.filter(
      (l) => l.relation === 'mother' && childrenOf.get(l.guardianIndex)! > 1,
    )
    const grandparentsWithSeveral = data.guardianships.filter(
      (l) => l.relation === 'grandmother' && childrenOf.get(l.guardianIndex)! > 3,
    )
    expect(parentsWithSeveral.length).toBeGreaterThan(1_000)
    expect(grandparentsWithSeveral.length).toBeGreaterThan(100)
  })

  it('there are about one and a half guardianships per person, as the People benchmark needs', () => {
    const perPerson = data.guardianships.length / data.people.length
    expect(perPerson).toBeGreaterThan(1.4)
    expect(perPerson).toBeLessThan(1.6)
  })

  it('about 55 % of people are Czech, 20 % Slovak, 12 % Hungarian and 13 % Polish', () => {
    const share = (country: CountryCode) => (100 * ofCountry(data.people, country).length) / data.people.length
    expect(Math.abs(share('CZ') - 55)).toBeLessThan(4)
    expect(Math.abs(share('SK') - 20)).toBeLessThan(4)
    expect(Math.abs(share('HU') - 12)).toBeLessThan(4)
    expect(Math.abs(share('PL') - 13)).toBeLessThan(4)
  })

  it('Czech, Slovak, Hungarian and Polish names keep their diacritics', () => {
    const names = (country: CountryCode) =>
      ofCountry(data.people, country)
        .map((p) => `${p.firstName} ${p.lastName}`)
        .join('|')
    expect(names('CZ')).toMatch(/ř/)
    expect(names('CZ')).toMatch(/Šťastn/)
    expect(names('SK')).toMatch(/Ľ/)
    expect(names('HU')).toMatch(/[őű]/)
    expect(names('HU')).toMatch(/Győző|Örs/)
    expect(names('PL')).toMatch(/Ł/)
    expect(names('PL')).toMatch(/Ż|ż/)
    expect(names('PL')).toMatch(/Wójcik/)
  })

  it('Czech surnames starting with Ch are on the register, for sorting Ch after H', () => {
    const czech = ofCountry(data.people, 'CZ')
    expect(czech.filter((p) => p.lastName.startsWith('Ch')).length).toBeGreaterThan(50)
    expect(czech.some((p) => p.lastName.startsWith('H'))).toBe(true)
  })

  it('Czech and Slovak women and girls carry the female surname form (Nováková, Černá)', () => {
    const slavic = [...ofCountry(data.people, 'CZ'), ...ofCountry(data.people, 'SK')]
    // Krejčí and Janů are the same for women and men.
    const indeclinable = /[íů]$/
    const wrong = slavic.filter(
      (p) => !indeclinable.test(p.lastName) && (p.sex === 'female') !== /(ová|á)$/.test(p.lastName),
    )
    expect(wrong).toEqual([])
    const lastNames = new Set(slavic.map((p) => p.lastName))
    expect(lastNames).toContain('Nováková')
    expect(lastNames).toContain('Němcová')
  })

  it('Polish women take -ska/-cka, Hungarian surnames have no female form', () => {
    const polish = ofCountry(data.people, 'PL')
    expect(polish.filter((p) => p.sex === 'female' && /(ski|cki)$/.test(p.lastName))).toEqual([])
    expect(polish.some((p) => p.sex === 'female' && /(ska|cka)$/.test(p.lastName))).toBe(true)
    expect(ofCountry(data.people, 'HU').some((p) => p.sex === 'female' && p.lastName === 'Nagy')).toBe(true)
  })

  it('e-mails are unique plain ASCII, and only guardians and teenagers have one', () => {
    const emails = data.people.filter((p) => p.email !== null)
    expect(emails.length).toBeGreaterThan(3_000)
    expect(new Set(emails.map((p) => p.email)).size).toBe(emails.length)
    const wrong = emails.filter(
      (p) =>
        !/^[a-z0-9.]+@[a-z0-9.-]+\.[a-z]+$/.test(p.email!) ||
        (p.role === 'participant' && ageOn(TODAY, p.birthDate) < 15),
    )
    expect(wrong).toEqual([])
    expect(data.people.some((p) => p.email?.startsWith('lukasz'))).toBe(true)
  })

  it('phone numbers and postal codes are written the way each country writes them', () => {
    const phone: Record<CountryCode, RegExp> = {
      CZ: /^\+420 [67]\d\d \d{3} \d{3}$/,
      SK: /^\+421 9\d\d \d{3} \d{3}$/,
      HU: /^\+36 (20|30|31|70) \d{3} \d{4}$/,
      PL: /^\+48 [5-8]\d\d \d{3} \d{3}$/,
    }
    const postal: Record<CountryCode, RegExp> = {
      CZ: /^\d{3} \d\d$/,
      SK: /^\d{3} \d\d$/,
      HU: /^\d{4}$/,
      PL: /^\d\d-\d{3}$/,
    }
    const wrong = data.people.filter(
      (p) =>
        (p.phone !== null && !phone[p.country].test(p.phone)) ||
        !postal[p.country].test(p.address.postalCode) ||
        p.address.street.length < 4,
    )
    expect(wrong).toEqual([])
    expect(data.people.filter((p) => p.role === 'guardian' && p.phone === null).length).toBeLessThan(500)
  })

  it('birth dates are real calendar days', () => {
    const wrong = data.people.filter(
      ({ birthDate }) => new Date(`${birthDate}T00:00:00Z`).toISOString().slice(0, 10) !== birthDate,
    )
    expect(wrong).toEqual([])
  })

  it('every person is filed under a unit of the centre → department → group tree', () => {
    const units = new Map(data.units.map((unit) => [unit.key, unit]))
    expect(data.units.filter((unit) => unit.parentKey === null)).toHaveLength(1)
    for (const unit of data.units) if (unit.parentKey) expect(units.has(unit.parentKey)).toBe(true)
    expect(data.people.filter((person) => units.get(person.unitKey)?.kind !== 'group')).toEqual([])
  })
})
