import type { CommandName, InputOf, OutputOf } from '../../src/shared/contract'
import type { Organisation } from '../../src/shared/contract/settings'

/** What the organisation form holds, without the version it was filled from. */
export type OrganisationInput = Omit<InputOf<'settings/update-organisation'>, 'expectedVersion'>

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

interface Calls {
  call<N extends CommandName>(name: N, input: InputOf<N>): Promise<OutputOf<N>>
}

/** Saves as a freshly opened form would: over the version stored right now. */
export async function saveOrganisation(backend: Calls, value: OrganisationInput): Promise<Organisation> {
  const { version } = await backend.call('settings/get-organisation', {})
  return backend.call('settings/update-organisation', { ...value, expectedVersion: version })
}
