import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { useFormat } from '../../i18n/useFormat'

/** useFormat plus what the register and the search show: ages in words. */
export function useRegisterFormat() {
  const { t } = useI18n()
  const format = useFormat()
  const plurals = computed(() => new Intl.PluralRules(format.intl.value))

  return {
    ...format,
    date: format.day,
    /** 1 → "1 rok", 3 → "3 roky", 9 → "9 let". */
    years: (count: number): string =>
      t(`register.years.${plurals.value.select(count)}`, { count: format.number(count) }),
  }
}
