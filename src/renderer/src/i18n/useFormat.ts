import { computed } from 'vue'
import type { Locale } from '@shared/locales'
import { useLocaleStore } from './useLocaleStore'

/** English here means Central European conventions: day before month, 24-hour clock. */
const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', cs: 'cs-CZ' }

export function useFormat() {
  const locale = useLocaleStore()
  const dateTime = computed(
    () => new Intl.DateTimeFormat(INTL_LOCALE[locale.current], { dateStyle: 'medium', timeStyle: 'short' }),
  )

  return {
    /** An instant (UTC ISO string) shown in local time. */
    dateTime: (iso: string) => dateTime.value.format(new Date(iso)),
  }
}
