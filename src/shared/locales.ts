/** Languages with a complete translation. Slovak, Hungarian and Polish join when complete. */
export const LOCALES = ['en', 'cs'] as const
export type Locale = (typeof LOCALES)[number]
