import { defineStore } from 'pinia'
import { usePrimeVue, type PrimeVueLocaleOptions } from 'primevue/config'
import { computed } from 'vue'
import { LOCALES, type Locale } from '@shared/locales'
import { i18n, isLocale } from '.'
import { primevueLocales } from './primevueLocales'

const DESK_LOCALE_KEY = 'frontdesk.locale'

/**
 * The language on screen: the desk's own choice if it made one (remembered on this
 * computer), otherwise the organisation's default language from Settings.
 */
export const useLocaleStore = defineStore('locale', () => {
  const primevue = usePrimeVue()
  const current = computed<Locale>(() => i18n.global.locale.value)

  function apply(locale: Locale): void {
    i18n.global.locale.value = locale
    primevue.config.locale = { ...primevue.config.locale, ...primevueLocales[locale] } as PrimeVueLocaleOptions
    document.documentElement.lang = locale
  }

  /** The desk picks a language for itself, at once and for next time. */
  function choose(locale: Locale): void {
    localStorage.setItem(DESK_LOCALE_KEY, locale)
    apply(locale)
  }

  /** Called when the organisation's default is known or changes. */
  function useDefault(organisationLocale: Locale): void {
    const desk = localStorage.getItem(DESK_LOCALE_KEY)
    apply(isLocale(desk) ? desk : organisationLocale)
  }

  return { current, available: LOCALES, choose, useDefault }
})
