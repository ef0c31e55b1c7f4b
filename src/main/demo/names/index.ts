import { czech } from './czech'
import { hungarian } from './hungarian'
import { polish } from './polish'
import { slovak } from './slovak'
import type { CountryCode, CountryNames } from './types'

export const NAMES: Readonly<Record<CountryCode, CountryNames>> = { CZ: czech, SK: slovak, HU: hungarian, PL: polish }

export { COUNTRIES, type CountryCode, type CountryNames, type City } from './types'
