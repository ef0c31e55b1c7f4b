import { ref } from 'vue'
import type { ErrorData } from '@shared/errors'
import { useErrorText } from '../i18n/useErrorText'

/** Field errors from main, translated, keyed by field path, for a form to show beside its fields. */
export function useFieldErrors() {
  const { fieldText } = useErrorText()
  const errors = ref<Record<string, string>>({})

  function show(error: ErrorData): void {
    errors.value = Object.fromEntries(
      Object.entries(error.fields ?? {}).map(([path, field]) => [path, fieldText(field)]),
    )
  }

  function clear(path?: string): void {
    if (path === undefined) errors.value = {}
    else delete errors.value[path]
  }

  return { errors, show, clear }
}
