import { useI18n } from 'vue-i18n'
import type { ErrorData, FieldError } from '@shared/errors'
import type { MessageSchema } from './locales/en'

/** One place that turns error data from main into words in the user's language. */
export function useErrorText() {
  const { t, te } = useI18n<{ message: MessageSchema }>()

  function errorText(error: ErrorData): string {
    const conflict = `conflicts.${error.reason}`
    if (error.reason && te(conflict)) return t(conflict, error.params ?? {})
    return t(`errors.${error.code}`, { ref: error.ref ?? '' })
  }

  function fieldText(field: FieldError): string {
    const key = `fields.${field.code}`
    return te(key) ? t(key, field.params ?? {}) : t('fields.invalid')
  }

  return { errorText, fieldText }
}
