import { useToast } from 'primevue/usetoast'
import { computed, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { ErrorData, Result } from '@shared/errors'
import { useErrorText } from '../i18n/useErrorText'
import { useFieldErrors } from './useFieldErrors'

export interface SubmitOptions {
  /** Say what went wrong in a toast as well (a form with no place of its own for it). */
  toast?: boolean
  /**
   * The fields the form shows. When main finds fault with one of them, the message next to it
   * says it all: no general problem is shown, not even after that field is corrected.
   */
  fields?: readonly string[]
}

/**
 * A form's round trip to main: busy flag, field errors next to fields, the rest as a
 * translated message (a toast, or inline where `problem` is read by the form).
 */
export function useFormSubmit() {
  const { t } = useI18n()
  const toast = useToast()
  const { errorText } = useErrorText()
  const { errors, show, set, clear } = useFieldErrors()
  const busy = ref(false)
  const failure = ref<ErrorData | null>(null)
  const problem = computed(() => (failure.value ? errorText(failure.value) : null))

  /** A clean form again: no field errors, no problem (a dialog opening once more). */
  function reset(): void {
    clear()
    failure.value = null
  }

  async function submit<T>(send: () => Promise<Result<T>>, options: SubmitOptions = {}): Promise<Result<T>> {
    busy.value = true
    reset()
    try {
      const result = await send()
      if (!result.ok) {
        show(result.error)
        if (!options.fields?.some((field) => errors.value[field])) failure.value = result.error
        if (options.toast) {
          toast.add({ severity: 'error', summary: t('errors.title'), detail: errorText(result.error), life: 6000 })
        }
      }
      return result
    } finally {
      busy.value = false
    }
  }

  return { busy, errors, problem, set, clear, reset, submit }
}
