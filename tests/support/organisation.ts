import type { InputOf } from '../../src/shared/contract'

export type OrganisationInput = InputOf<'settings/update-organisation'>

/** A valid organisation as the administrator would enter it; `name` varies per test. */
export function sampleOrganisation(name = 'Dům dětí a mládeže Jablíčko'): OrganisationInput {
  return {
    name,
    street: 'Školní 12',
    city: 'Česká Lípa',
    postalCode: '470 01',
    country: 'Česko',
    companyId: '12345678',
    logo: null,
    currency: 'CZK',
    language: 'cs',
  }
}
