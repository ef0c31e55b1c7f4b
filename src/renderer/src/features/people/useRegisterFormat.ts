import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Locale } from '@shared/locales'
import { useFormat } from '../../i18n/useFormat'
import { useLocaleStore } from '../../i18n/useLocaleStore'

/** The same conventions as useFormat: English means day before month. */
const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', cs: 'cs-CZ' }

/**
 * useFormat plus what the register and the search show: calendar dates (birthdays), ages in
 * words and counts. A calendar date is no instant: it is formatted in UTC so no time zone
 * moves it to the day before.
 */
export function useRegisterFormat() {
  const { t } = useI18n()
  const locale = useLocaleStore()
  const intl = computed(() => INTL_LOCALE[locale.current])
  const dates = computed(
    () => new Intl.DateTimeFormat(intl.value, { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' }),
  )
  const plurals = computed(() => new Intl.PluralRules(intl.value))
  const numbers = computed(() => new Intl.NumberFormat(intl.value))

  return {
    ...useFormat(),
    /** `2015-09-03` → "3. 9. 2015" / "03/09/2015"; nothing when unknown. */
    date: (day: string | null): string => (day ? dates.value.format(new Date(`${day}T00:00:00Z`)) : ''),
    /** 1 → "1 rok", 3 → "3 roky", 9 → "9 let". */
    years: (count: number): string =>
      t(`register.years.${plurals.value.select(count)}`, { count: numbers.value.format(count) }),
    number: (value: number): string => numbers.value.format(value),
  }
}
