/** Currencies an installation can keep its books in; amounts are always integer minor units. */
export const CURRENCIES = ['CZK', 'EUR', 'HUF', 'PLN'] as const
export type Currency = (typeof CURRENCIES)[number]
