import { isCalendarDate } from '@shared/calendarDate'
import type { EnrolmentProblem, EnrolmentRow, EnrolmentState } from '@shared/contract/enrolments'
import { useI18n } from 'vue-i18n'
import { useFormat } from '../../i18n/useFormat'
import { pluralCategory, positionReasonKeys, problemMessage, type MessageRef } from './enrolmentTexts'

/** The enrolment screens' words: counts with plural forms, states, problems, who did what when. */
export function useEnrolmentText() {
  const { t } = useI18n()
  const format = useFormat()

  /** `key` names an object of plural forms under `enrolments.`. */
  function count(key: string, value: number, params: Record<string, string | number> = {}): string {
    return t(`enrolments.${key}.${pluralCategory(format.intl.value, value)}`, {
      ...params,
      count: format.number(value),
    })
  }

  function message(ref: MessageRef): string {
    const params = Object.fromEntries(
      Object.entries(ref.params).map(([name, value]) => [
        name,
        typeof value === 'string' && isCalendarDate(value) ? format.day(value) : value,
      ]),
    )
    return t(`enrolments.${ref.key}`, params)
  }

  const problem = (value: EnrolmentProblem, age?: number | null): string => message(problemMessage(value, { age }))
  const state = (value: EnrolmentState): string => t(`enrolments.states.${value}`)

  /** "12. 11. 2026 14:05 by Jana Nováková", or just the time when nobody is named. */
  function when(at: string | null, name: string | null): string {
    if (!at) return ''
    const time = format.dateTime(at)
    return name ? t('enrolments.row.at', { when: time, name }) : time
  }

  function positionReasons(row: EnrolmentRow): string {
    return t('enrolments.row.positionReasons', {
      reasons: positionReasonKeys(row.positionReasons)
        .map((key) => t(`enrolments.${key}`))
        .join(', '),
    })
  }

  return { ...format, count, message, problem, state, when, positionReasons }
}
