import type { Organisation } from '../../shared/contract/settings'

export type DemoOrganisation = Omit<Organisation, 'updatedAt' | 'version'>

export const DEMO_CENTRE_NAME = 'Dům dětí a mládeže Jablíčko'

/** A made-up Czech centre, complete enough that receipts and exports look real. */
export function demoOrganisation(): DemoOrganisation {
  return {
    name: DEMO_CENTRE_NAME,
    street: 'Školní 1234/12',
    city: 'Česká Lípa',
    postalCode: '470 01',
    country: 'Česko',
    companyId: czechCompanyId('7512043'),
    logo: null,
    currency: 'CZK',
    language: 'cs',
  }
}

/**
 * Completes a Czech IČO with its mod-11 check digit, so the demo passes the same check the
 * accountant's software applies.
 */
export function czechCompanyId(first7: string): string {
  if (!/^\d{7}$/.test(first7)) throw new Error('An IČO starts with seven digits')
  let sum = 0
  for (let i = 0; i < 7; i++) sum += Number(first7[i]) * (8 - i)
  return `${first7}${(11 - (sum % 11)) % 10}`
}
