import { computed } from 'vue'
import type { Locale } from '@shared/locales'
import { useLocaleStore } from './useLocaleStore'

/** English here means Central European conventions: day before month, 24-hour clock. */
export const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', cs: 'cs-CZ' }

export function useFormat() {
  const locale = useLocaleStore()
  const intl = computed(() => INTL_LOCALE[locale.current])
  const dateTime = computed(() => new Intl.DateTimeFormat(intl.value, { dateStyle: 'medium', timeStyle: 'short' }))
  // A calendar date is no instant: formatted in UTC, so no time zone moves it to the day before.
  const days = computed(
    () => new Intl.DateTimeFormat(intl.value, { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' }),
  )
  const numbers = computed(() => new Intl.NumberFormat(intl.value))

  return {
    intl,
    /** An instant (UTC ISO string) shown in local time. */
    dateTime: (iso: string) => dateTime.value.format(new Date(iso)),
    /** A calendar day: `2015-09-03` → "3. 9. 2015" / "03/09/2015"; nothing when unknown. */
    day: (iso: string | null | undefined): string => (iso ? days.value.format(new Date(`${iso}T00:00:00Z`)) : ''),
    number: (value: number): string => numbers.value.format(value),
  }
}
