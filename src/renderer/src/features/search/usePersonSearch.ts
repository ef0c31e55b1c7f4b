import { computed, onScopeDispose, ref, shallowRef, watch } from 'vue'
import type { PersonHit } from '@shared/contract/people'
import { AppError, type ErrorData } from '@shared/errors'
import { call } from '../../api/client'

/** Long enough to let a word be typed, short enough to feel instant (main answers in a few ms). */
const DEBOUNCE_MS = 100
const LIMIT = 20
const MAX_QUERY = 100

/**
 * Search as you type, shared by the register and the palette: debounced, the answer to an
 * older query never replaces a newer one, and a highlighted hit that arrows move.
 */
export function usePersonSearch(limit = LIMIT) {
  const query = ref('')
  const hits = shallowRef<PersonHit[]>([])
  const active = ref(-1)
  const searching = ref(false)
  /** The query the shown hits answer: "nothing found" is said only for what was really asked. */
  const answered = ref('')
  const problem = ref<ErrorData | null>(null)
  const term = computed(() => query.value.trim().slice(0, MAX_QUERY))
  let latest = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  async function run(text: string): Promise<void> {
    const ticket = ++latest
    if (!text) {
      hits.value = []
      answered.value = ''
      active.value = -1
      searching.value = false
      problem.value = null
      return
    }
    searching.value = true
    try {
      const found = await call('people/search', { query: text, limit })
      if (ticket !== latest) return
      hits.value = found
      answered.value = text
      active.value = found.length > 0 ? 0 : -1
      problem.value = null
    } catch (error) {
      if (ticket !== latest) return
      problem.value = error instanceof AppError ? error.toData() : { code: 'INTERNAL', message: String(error) }
    } finally {
      if (ticket === latest) searching.value = false
    }
  }

  watch(term, (text) => {
    clearTimeout(timer)
    // Emptied: forget at once (and make any answer still on its way stale).
    if (!text) void run('')
    else timer = setTimeout(() => void run(text), DEBOUNCE_MS)
  })
  onScopeDispose(() => clearTimeout(timer))

  /** Arrow keys: moves the highlight, wrapping round at either end. */
  function move(step: 1 | -1): void {
    const count = hits.value.length
    if (count === 0) return
    active.value = active.value < 0 ? (step > 0 ? 0 : count - 1) : (active.value + step + count) % count
  }

  function clear(): void {
    query.value = ''
  }

  const current = computed<PersonHit | null>(() => hits.value[active.value] ?? null)

  /** Enter typed faster than the debounce: answer what is in the field now, not the query before it. */
  async function settled(): Promise<PersonHit | null> {
    if (term.value && term.value !== answered.value) {
      clearTimeout(timer)
      await run(term.value)
    }
    return current.value
  }

  /** Asks again even for the same words: records may have changed (merged, erased) since the last answer. */
  async function refresh(): Promise<void> {
    clearTimeout(timer)
    await run(term.value)
  }

  return { query, term, hits, active, current, searching, answered, problem, move, clear, settled, refresh }
}
