import { createI18n } from 'vue-i18n'
import { LOCALES, type Locale } from '@shared/locales'
import cs from './locales/cs'
import en, { type MessageSchema } from './locales/en'
import { pluralByCategory } from './plural'

export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: 'cs',
  fallbackLocale: 'en',
  messages: { en, cs },
  pluralRules: { cs: pluralByCategory('cs') },
})

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}
