import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import type { ActivityListRow, SeatCounts, WeeklySlot } from '@shared/contract/activities'
import { useFormat } from '../../i18n/useFormat'
import { useOrganisationStore } from '../settings/useOrganisationStore'
import { currencyDigits, fromMinorUnits } from './money'
import { slotsText, weekdayName } from './schedule'

/** How activities are written on the screens: their week, their dates, their seats, their prices. */
export function useActivityFormat() {
  const { t } = useI18n()
  const format = useFormat()
  const organisation = useOrganisationStore()
  const currency = computed(() => organisation.organisation?.currency ?? 'CZK')
  const digits = computed(() => currencyDigits(currency.value))
  const money = computed(() => {
    const options = { style: 'currency', currency: currency.value, maximumFractionDigits: digits.value } as const
    return {
      whole: new Intl.NumberFormat(format.intl.value, { ...options, minimumFractionDigits: 0 }),
      exact: new Intl.NumberFormat(format.intl.value, { ...options, minimumFractionDigits: digits.value }),
    }
  })
  const decimalSeparator = computed(
    () =>
      new Intl.NumberFormat(format.intl.value).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.',
  )

  function range(from: string, to: string): string {
    return from === to ? format.day(from) : t('activities.range', { from: format.day(from), to: format.day(to) })
  }

  /** Clubs by their week ("Mon 16:00–17:30"), events by their day and time, camps by their dates. */
  function when(
    row: Pick<ActivityListRow, 'kind' | 'slots' | 'startsOn' | 'endsOn'> & {
      startsAt?: string | null
      endsAt?: string | null
    },
  ): string {
    if (row.kind === 'club' && row.slots.length > 0) return slotsText(row.slots, format.intl.value)
    if (row.kind === 'event' && row.startsAt && row.endsAt) {
      return t('activities.dayTime', { day: format.day(row.startsOn), from: row.startsAt, to: row.endsAt })
    }
    return range(row.startsOn, row.endsOn)
  }

  function slot(slot: WeeklySlot): string {
    return t('activities.slot', {
      weekday: weekdayName(slot.weekday, format.intl.value, 'long'),
      from: slot.startsAt,
      to: slot.endsAt,
    })
  }

  /** "8 / 12": seats taken (approved and offered) against the capacity. */
  function seats(counts: SeatCounts, capacity: number | null): string {
    const taken = counts.approved + counts.offered
    return capacity === null
      ? `${format.number(taken)} / ${t('activities.noLimit')}`
      : t('activities.seatsOf', { taken: format.number(taken), capacity: format.number(capacity) })
  }

  /** The form's text for an amount: major units, as the desk types them. */
  const amountText = (minor: number) => fromMinorUnits(minor, digits.value, decimalSeparator.value)
  /** "CZK 1,200" for whole amounts, "CZK 1,200.50" otherwise. */
  const price = (minor: number) => {
    const scale = 10 ** digits.value
    return (minor % scale === 0 ? money.value.whole : money.value.exact).format(minor / scale)
  }
  /** "Mon 5 Oct" style: a session's or a clash's day with its weekday. */
  const dayWithWeekday = (iso: string) =>
    `${weekdayName(new Date(`${iso}T00:00:00Z`).getUTCDay() || 7, format.intl.value)} ${format.day(iso)}`

  return { ...format, currency, digits, range, when, slot, seats, amountText, price, dayWithWeekday }
}
