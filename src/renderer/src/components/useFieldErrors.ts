import { computed, ref } from 'vue'
import type { ErrorData, FieldError } from '@shared/errors'
import { useErrorText } from '../i18n/useErrorText'

/**
 * Field errors from main, keyed by field path, kept as data and translated on display, so
 * they follow a language switch.
 */
export function useFieldErrors() {
  const { fieldText } = useErrorText()
  const fields = ref<Record<string, FieldError>>({})
  const errors = computed<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(fields.value).map(([path, field]) => [path, fieldText(field)])),
  )

  function show(error: ErrorData): void {
    fields.value = { ...(error.fields ?? {}) }
  }

  /** A problem the form finds itself, before asking main (two passwords that differ). */
  function set(path: string, code: string): void {
    fields.value = { ...fields.value, [path]: { code, message: code } }
  }

  function clear(path?: string): void {
    if (path === undefined) fields.value = {}
    else {
      const { [path]: _gone, ...rest } = fields.value
      fields.value = rest
    }
  }

  return { errors, show, set, clear }
}
