import { planClan } from './clanPlan'
import { FamilyBuilder } from './family'
import type { CountryCode } from './names'
import { Random } from './random'
import { demoUnits, type DemoUnit } from './units'

export type Sex = 'female' | 'male'
export type Relation = 'mother' | 'father' | 'grandmother' | 'grandfather'

export interface DemoAddress {
  street: string
  city: string
  postalCode: string
  /** The country as written on a letter, e.g. 'Česko'. */
  country: string
}

export interface DemoPerson {
  /** Participants are the children (4–18); guardians are their parents and grandparents. */
  role: 'participant' | 'guardian'
  firstName: string
  lastName: string
  sex: Sex
  /** YYYY-MM-DD */
  birthDate: string
  email: string | null
  phone: string | null
  address: DemoAddress
  unitKey: string
  country: CountryCode
}

/** Guardian ↔ participant, by index into `people` (row id − 1 when inserted in order). */
export interface DemoGuardianship {
  guardianIndex: number
  participantIndex: number
  relation: Relation
  primaryContact: boolean
  mayPickUp: boolean
}

export interface DemoDataset {
  seed: number
  units: DemoUnit[]
  people: DemoPerson[]
  guardianships: DemoGuardianship[]
}

export interface DatasetOptions {
  people: number
  seed: number
  /** Ages are counted to this day (YYYY-MM-DD); defaults to today, pass it for byte-identical output. */
  today?: string
}

const COUNTRY_MIX: readonly (readonly [CountryCode, number])[] = [
  ['CZ', 55],
  ['SK', 20],
  ['HU', 12],
  ['PL', 13],
]

/**
 * A realistic register of families: children in groups, their parents (one or two, shared by
 * siblings) and grandparents who may pick them up (shared by cousins), each family living in
 * one of the four countries. The same options always give the same data set.
 */
export function generateDataset(options: DatasetOptions): DemoDataset {
  if (!Number.isInteger(options.people) || options.people < 0 || options.people === 1) {
    throw new RangeError('A data set holds 0 or at least 2 people (a child needs a guardian)')
  }
  const random = new Random(options.seed)
  const today = options.today ? new Date(`${options.today}T00:00:00Z`) : startOfToday()
  const units = demoUnits()
  const groupKeys = units.filter((unit) => unit.kind === 'group').map((unit) => unit.key)
  const builder = new FamilyBuilder(random, today, groupKeys)
  while (builder.people.length < options.people) {
    builder.addClan(random.weighted(COUNTRY_MIX), planClan(random, options.people - builder.people.length))
  }
  return { seed: options.seed, units, people: builder.people, guardianships: builder.guardianships }
}

function startOfToday(): Date {
  const now = new Date()
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
}
