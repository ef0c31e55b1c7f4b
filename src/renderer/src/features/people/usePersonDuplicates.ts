import { onScopeDispose, ref, watch } from 'vue'
import type { DuplicateCandidate } from '@shared/contract/people'
import { usePersonStore } from './usePersonStore'

export interface DuplicateProbe {
  firstName: string
  lastName: string
  birthDate: string | null
  email: string
  phones: string[]
}

const DEBOUNCE_MS = 400

/** Enough typed to be worth asking: a whole name, an e-mail address, a phone number. */
function worthAsking(probe: DuplicateProbe): boolean {
  return (
    (probe.firstName.trim() !== '' && probe.lastName.trim() !== '') ||
    probe.email.includes('@') ||
    probe.phones.some((phone) => phone.replace(/\D/g, '').length >= 6)
  )
}

/**
 * Records that look like the one being typed, asked for a moment after the typing stops.
 * `check()` asks at once (the CONFLICT dialog wants the list as it is now).
 */
export function usePersonDuplicates(probe: () => DuplicateProbe, excludeId: () => number | undefined) {
  const store = usePersonStore()
  const candidates = ref<DuplicateCandidate[]>([])
  let timer: ReturnType<typeof setTimeout> | undefined
  let latest = 0

  async function check(): Promise<DuplicateCandidate[]> {
    clearTimeout(timer)
    const ticket = ++latest
    const now = probe()
    if (!worthAsking(now)) {
      candidates.value = []
      return []
    }
    try {
      const found = await store.findDuplicates({
        firstName: now.firstName.trim().slice(0, 80),
        lastName: now.lastName.trim().slice(0, 80),
        birthDate: now.birthDate,
        email: now.email.trim().slice(0, 200) || null,
        phones: now.phones
          .map((phone) => phone.trim().slice(0, 40))
          .filter(Boolean)
          .slice(0, 3),
        excludeId: excludeId(),
      })
      if (ticket === latest) candidates.value = found
      return found
    } catch {
      // A warning that could not be fetched is no reason to stop the form: main checks again on save.
      return candidates.value
    }
  }

  watch(
    () => JSON.stringify(probe()),
    () => {
      clearTimeout(timer)
      timer = setTimeout(() => void check(), DEBOUNCE_MS)
    },
  )
  onScopeDispose(() => clearTimeout(timer))

  return { candidates, check }
}
