import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { isCalendarDate, localDate } from '@shared/calendarDate'
import { useFormat } from '../../i18n/useFormat'

/** A sample day for hints and messages, written as the desk's language writes it. */
const EXAMPLE_DAY = '2017-04-12'

const pad = (value: number) => String(value).padStart(2, '0')

/**
 * A day typed at the desk, as YYYY-MM-DD: `12. 4. 2017`, `12.4.2017`, `12/04/2017`,
 * `12-4-2017`, `12042017`, `2017-04-12`, and a two-digit year (`12.4.17`) in the last
 * hundred years. `null` for nothing typed, `undefined` for something that is not a day.
 */
export function parseTypedDate(typed: string, today: string = localDate()): string | null | undefined {
  const text = typed.trim()
  if (text === '') return null
  let day: number, month: number, year: number
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text)
  const dmy = /^(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{2}|\d{4})$/.exec(text)
  const digits = /^(\d{2})(\d{2})(\d{4})$/.exec(text)
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])]
  else if (dmy) [day, month, year] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])]
  else if (digits) [day, month, year] = [Number(digits[1]), Number(digits[2]), Number(digits[3])]
  else return undefined
  if (dmy && dmy[3].length === 2) {
    // 17 is 2017 this year, 86 is 1986: people at the desk were born in the last hundred years.
    const century = Number(today.slice(0, 2)) * 100
    year = century + year > Number(today.slice(0, 4)) ? century - 100 + year : century + year
  }
  const value = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`
  return isCalendarDate(value) ? value : undefined
}

/** Dates and names of people in the user's language. */
export function usePersonFormat() {
  const { t } = useI18n()
  const { day } = useFormat()

  const exampleDay = computed(() => day(EXAMPLE_DAY))

  /** "Jana Nováková"; an erased record has no name left, only its number. */
  function name(person: { id: number; firstName: string; lastName: string }): string {
    const full = `${person.firstName} ${person.lastName}`.trim()
    return full || t('person.erasedName', { id: person.id })
  }

  /** "age 8 · born 12. 4. 2017", or what is known of it. */
  function birth(person: { age: number | null; birthDate: string | null }): string {
    if (!person.birthDate) return t('person.birthUnknown')
    return [
      person.age === null ? null : t('person.age', { age: person.age }),
      t('person.born', { date: day(person.birthDate) }),
    ]
      .filter(Boolean)
      .join(' · ')
  }

  return { day, exampleDay, name, birth }
}
