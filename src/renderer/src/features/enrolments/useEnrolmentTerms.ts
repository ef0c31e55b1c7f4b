import { computed, ref } from 'vue'
import type { Activity, PriceOption } from '@shared/contract/activities'
import { useAuthStore } from '../auth/useAuthStore'
import { priceOptionsOf } from './enrolmentActivity'
import { registrationOpen } from './enrolmentRules'

/** The price option, source and note of an enrol dialog, with their defaults for the activity chosen. */
export function useEnrolmentTerms(activity: () => Activity | null) {
  const auth = useAuthStore()
  const priceOptions = ref<PriceOption[]>([])
  const priceOptionId = ref<number | null>(null)
  const source = ref<'application' | 'staff'>('staff')
  const note = ref('')
  const mayDecide = computed(() => auth.can('enrolments.decide'))
  const open = computed(() => {
    const chosen = activity()
    return chosen !== null && registrationOpen(chosen)
  })

  /** Fresh terms for the activity: its first price option, staff adding when the user may decide. */
  async function prepare(): Promise<void> {
    note.value = ''
    source.value = mayDecide.value || !open.value ? 'staff' : 'application'
    const chosen = activity()
    priceOptions.value = chosen ? await priceOptionsOf(chosen).catch(() => []) : []
    priceOptionId.value = priceOptions.value[0]?.id ?? null
  }

  return { priceOptions, priceOptionId, source, note, mayDecide, registrationOpen: open, prepare }
}
