import { useToast } from 'primevue/usetoast'
import { computed, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { ErrorData, Result } from '@shared/errors'
import { useFieldErrors } from '../../components/useFieldErrors'
import { useErrorText } from '../../i18n/useErrorText'

/**
 * A form's round trip to main: busy flag, field errors next to fields, the rest as a
 * translated message (a toast, or inline where `inline` is read by the form).
 */
export function useFormSubmit() {
  const { t } = useI18n()
  const toast = useToast()
  const { errorText } = useErrorText()
  const { errors, show, set, clear } = useFieldErrors()
  const busy = ref(false)
  const failure = ref<ErrorData | null>(null)
  const problem = computed(() => (failure.value ? errorText(failure.value) : null))

  async function submit<T>(send: () => Promise<Result<T>>, options: { toast?: boolean } = {}): Promise<T | null> {
    busy.value = true
    clear()
    failure.value = null
    try {
      const result = await send()
      if (result.ok) return result.data
      show(result.error)
      failure.value = result.error
      if (options.toast) toast.add({ severity: 'error', summary: t('errors.title'), detail: problem.value, life: 6000 })
      return null
    } finally {
      busy.value = false
    }
  }

  return { busy, errors, problem, set, clear, submit }
}
