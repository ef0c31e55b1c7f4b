import type { Random } from '../random'

export const COUNTRIES = ['CZ', 'SK', 'HU', 'PL'] as const
export type CountryCode = (typeof COUNTRIES)[number]

export interface City {
  name: string
  postalCode: string
}

/** Everything that makes a generated person look like they live in one country. */
export interface CountryNames {
  country: CountryCode
  /** As a reception worker writes it on a form. */
  countryName: string
  maleFirstNames: readonly string[]
  femaleFirstNames: readonly string[]
  /** Male (dictionary) forms; `femaleSurname` derives the female one. */
  surnames: readonly string[]
  femaleSurname(male: string): string
  streets: readonly string[]
  cities: readonly City[]
  emailDomains: readonly string[]
  /** A mobile number in the country's usual written form. */
  phone(random: Random): string
  /** Street line with a house number in the country's usual order. */
  streetLine(street: string, random: Random): string
}
