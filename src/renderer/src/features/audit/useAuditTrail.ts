import { computed, onScopeDispose, reactive, ref, watch } from 'vue'
import type { AuditRow } from '@shared/contract/audit'
import { AppError, type ErrorData } from '@shared/errors'
import { call } from '../../api/client'
import { isoDay } from './auditCommands'

export interface AuditFilters {
  staffUserId: number | null
  command: string | null
  text: string
  from: Date | null
  to: Date | null
}

const TEXT_DEBOUNCE_MS = 300

/** The trail under the current filters, newest first, a page at a time. */
export function useAuditTrail() {
  const filters = reactive<AuditFilters>({ staffUserId: null, command: null, text: '', from: null, to: null })
  const rows = ref<AuditRow[]>([])
  const hasMore = ref(false)
  const loading = ref(false)
  const problem = ref<ErrorData | null>(null)
  const filtered = computed(
    () => filters.staffUserId !== null || !!filters.command || !!filters.text.trim() || !!filters.from || !!filters.to,
  )
  // Answers can arrive out of order while someone types: only the latest query's counts.
  let latest = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let searchedText = ''

  async function search(more = false): Promise<void> {
    clearTimeout(timer)
    const ticket = ++latest
    loading.value = true
    searchedText = filters.text.trim()
    try {
      const page = await call('audit/search', {
        staffUserId: filters.staffUserId,
        command: filters.command,
        text: searchedText.slice(0, 100),
        from: isoDay(filters.from),
        to: isoDay(filters.to),
        utcOffsetMinutes: -new Date().getTimezoneOffset(),
        beforeId: more ? (rows.value.at(-1)?.id ?? null) : null,
      })
      if (ticket !== latest) return
      rows.value = more ? [...rows.value, ...page.rows] : page.rows
      hasMore.value = page.hasMore
      problem.value = null
    } catch (error) {
      if (ticket !== latest) return
      problem.value = error instanceof AppError ? error.toData() : { code: 'INTERNAL', message: String(error) }
    } finally {
      if (ticket === latest) loading.value = false
    }
  }

  function clear(): void {
    Object.assign(filters, { staffUserId: null, command: null, text: '', from: null, to: null })
  }

  watch(
    () => [filters.staffUserId, filters.command, filters.from, filters.to],
    () => search(),
  )
  watch(
    () => filters.text,
    () => {
      clearTimeout(timer)
      // Only a real change of the words asks again (not a trailing space, not a cleared form already asked).
      timer = setTimeout(() => filters.text.trim() !== searchedText && search(), TEXT_DEBOUNCE_MS)
    },
  )
  onScopeDispose(() => clearTimeout(timer))

  return { filters, rows, hasMore, loading, problem, filtered, search, clear }
}
