import { defineStore } from 'pinia'
import { computed, markRaw, reactive, ref, shallowRef, watch } from 'vue'
import type { MembershipFilter, PersonListRow, RegisterKey, RegisterSort } from '@shared/contract/people'
import { AppError, type ErrorData } from '@shared/errors'
import { call } from '../../api/client'
import { useLocaleStore } from '../../i18n/useLocaleStore'
import { useAuthStore } from '../auth/useAuthStore'

export interface RegisterFilterValues {
  unitId: number | null
  membership: MembershipFilter
  minAge: number | null
  maxAge: number | null
  includeArchived: boolean
}

/** A row not loaded yet: it holds its place, so the scrollbar is true from the first page. */
export interface RegisterPlaceholder {
  id: number
  placeholder: true
}
export type RegisterRow = PersonListRow | RegisterPlaceholder

export const isLoaded = (row: RegisterRow | undefined): row is PersonListRow => !!row && !('placeholder' in row)

/** Main walks the sort index up to the offset, so a page deep in the list costs about the same whatever its size. */
export const REGISTER_PAGE_SIZE = 200
/**
 * Main answers reads one after another and cannot drop one already asked: one at a time, so
 * after a jump at most one read stands before the page now in view.
 */
const MAX_PARALLEL = 1
/** About 45 000 rows: deep scrolling through 100 000 keeps memory flat; evicted pages load again. */
const MAX_CACHED_PAGES = 300
/** A filter typed digit by digit (an age) is asked for once, after a short pause. */
const FILTER_DEBOUNCE_MS = 250
/** Search as you type: long enough for a word, short enough to feel instant. */
const SEARCH_DEBOUNCE_MS = 120
/** A dragged scrollbar passes many pages: only where it rests is loaded. */
const SCROLL_DEBOUNCE_MS = 40
/**
 * The pages either side are read ahead only once the list has stayed put a little: main answers
 * one read at a time, and a read ahead of a place already left would delay the next one.
 */
const READ_AHEAD_MS = 250

const defaults = (): RegisterFilterValues => ({
  unitId: null,
  membership: 'all',
  minAge: null,
  maxAge: null,
  includeArchived: false,
})

// Raw: PrimeVue's virtual scroller watches its items deeply, which would walk every field of every row.
const placeholder = (index: number): RegisterPlaceholder => markRaw({ id: -(index + 1), placeholder: true })
const raw = (page: PersonListRow[]): PersonListRow[] => page.map((row) => markRaw(row))

/**
 * The register's list: filters, sort, search, the total, and rows loaded a page at a time as
 * the list scrolls: next to a page already shown by its rows' keys, elsewhere (a dragged
 * scrollbar) by position. Kept while the app runs, so coming back from a person returns to
 * the same list at the same place.
 */
export const useRegisterStore = defineStore('register', () => {
  const locale = useLocaleStore()
  const filters = reactive<RegisterFilterValues>(defaults())
  /** What is typed in the search field; the list follows it after a short pause. */
  const query = ref('')
  /** The search the list shows: the typed text once typing pauses. */
  const searched = ref('')
  const sort = reactive<{ by: RegisterSort; descending: boolean }>({ by: 'name', descending: false })
  /** Where the unsearched list was when a search began: clearing the search goes back there. */
  let listTop = 0
  const total = ref<number | null>(null)
  /** Every row of the list, placeholders where no page has arrived yet. */
  const rows = shallowRef<RegisterRow[]>([])
  const loading = ref(false)
  const problem = ref<ErrorData | null>(null)
  /** Changes when the list starts afresh (other filters): the view scrolls back to the top. */
  const listKey = ref(0)
  const scrollTop = ref(0)
  const lastOpenedId = ref<number | null>(null)
  /** The row the keyboard is on (an index into `rows`), -1 for none. */
  const activeIndex = ref(-1)
  const filtered = computed(
    () =>
      filters.unitId !== null ||
      filters.membership !== 'all' ||
      filters.minAge !== null ||
      filters.maxAge !== null ||
      filters.includeArchived,
  )

  // Plain, not reactive: thousands of rows need no deep watching; `rows` is replaced instead.
  let pages = new Map<number, PersonListRow[]>()
  /** Keys of each loaded page's first and last row: its neighbours are asked for by key. */
  let keys = new Map<number, { first: RegisterKey | null; last: RegisterKey | null }>()
  let searchTimer: ReturnType<typeof setTimeout> | undefined
  let inflight = new Map<number, Promise<void>>()
  /** Pages to load next, most wanted first; rewritten whenever the list scrolls elsewhere. */
  let queue: number[] = []
  let generation = 0
  let asked: string | null = null
  let wanted = { first: 0, last: 0 }
  let scrollTimer: ReturnType<typeof setTimeout> | undefined
  let readAheadTimer: ReturnType<typeof setTimeout> | undefined
  let filterTimer: ReturnType<typeof setTimeout> | undefined
  let flushPending = false
  /** Whether the register is on screen: filters changed elsewhere (a new sign-in) wait for it. */
  let active = false

  const signature = computed(() =>
    JSON.stringify({ ...filters, locale: locale.current, query: searched.value, sort: { ...sort } }),
  )
  const searching = computed(() => searched.value !== '')

  function input(page: number) {
    const before = keys.get(page - 1)?.last ? null : keys.get(page + 1)?.first
    return {
      locale: locale.current,
      unitId: filters.unitId ?? undefined,
      membership: filters.membership,
      minAge: filters.minAge ?? undefined,
      maxAge: filters.maxAge ?? undefined,
      includeArchived: filters.includeArchived,
      query: searched.value || undefined,
      sort: sort.by,
      descending: sort.descending,
      after: keys.get(page - 1)?.last ?? undefined,
      before: before ?? undefined,
      offset: page * REGISTER_PAGE_SIZE,
      limit: REGISTER_PAGE_SIZE,
    }
  }

  /** All rows again from the cached pages; used when the total changes. */
  function rebuild(count: number): void {
    const next: RegisterRow[] = Array.from({ length: count }, (_, index) => placeholder(index))
    for (const [page, pageRows] of pages) {
      pageRows.forEach((row, i) => {
        const index = page * REGISTER_PAGE_SIZE + i
        if (index < count) next[index] = row
      })
    }
    rows.value = next
  }

  /** Pages arriving close together are written into the list once, in one new array. */
  function scheduleFlush(): void {
    if (flushPending) return
    flushPending = true
    requestAnimationFrame(() => {
      flushPending = false
      const next = rows.value.slice()
      for (const [page, pageRows] of pages) {
        const start = page * REGISTER_PAGE_SIZE
        pageRows.forEach((row, i) => {
          if (start + i < next.length) next[start + i] = row
        })
      }
      rows.value = next
    })
  }

  function remember(page: number, pageRows: PersonListRow[]): void {
    pages.delete(page)
    pages.set(page, pageRows)
    while (pages.size > MAX_CACHED_PAGES) {
      const [oldest] = pages.keys()
      pages.delete(oldest)
      keys.delete(oldest)
      // Evicted far away from the view: back to placeholders there, so memory stays flat.
      const start = oldest * REGISTER_PAGE_SIZE
      const next = rows.value
      for (let i = start; i < Math.min(start + REGISTER_PAGE_SIZE, next.length); i++) next[i] = placeholder(i)
    }
  }

  async function fetchPage(page: number): Promise<void> {
    const running = inflight.get(page)
    if (running) return running
    const ticket = generation
    const requests = inflight
    const promise = call('people/list', input(page))
      .then((result) => {
        if (ticket !== generation) return
        problem.value = null
        const pageRows = raw(result.rows)
        remember(page, pageRows)
        keys.set(page, { first: result.firstKey, last: result.lastKey })
        if (result.total !== total.value) {
          // Someone added or archived people meanwhile: other pages' offsets moved, load them again.
          pages = new Map([[page, pageRows]])
          keys = new Map([[page, { first: result.firstKey, last: result.lastKey }]])
          total.value = result.total
          rebuild(result.total)
        } else scheduleFlush()
      })
      .catch((error: unknown) => {
        if (ticket !== generation) return
        problem.value = error instanceof AppError ? error.toData() : { code: 'INTERNAL', message: String(error) }
      })
      .finally(() => requests.delete(page))
    requests.set(page, promise)
    return promise
  }

  /** The rows the list shows now; missing pages load after scrolling rests, a page either side next. */
  function want(first: number, last: number): void {
    wanted = { first, last }
    clearTimeout(scrollTimer)
    clearTimeout(readAheadTimer)
    scrollTimer = setTimeout(() => loadWanted(false), SCROLL_DEBOUNCE_MS)
    readAheadTimer = setTimeout(() => loadWanted(true), READ_AHEAD_MS)
  }

  function loadWanted(readAhead: boolean): void {
    const count = total.value ?? 0
    if (count === 0) return
    if (readAhead && inflight.size > 0) {
      // The page in view is still on its way: read ahead after it.
      readAheadTimer = setTimeout(() => loadWanted(true), READ_AHEAD_MS)
      return
    }
    const lastPage = Math.floor((count - 1) / REGISTER_PAGE_SIZE)
    const from = Math.floor(wanted.first / REGISTER_PAGE_SIZE)
    const to = Math.min(lastPage, Math.floor(Math.max(wanted.first, wanted.last - 1) / REGISTER_PAGE_SIZE))
    const order: number[] = []
    for (let page = from; page <= to; page++) order.push(page)
    if (readAhead && from > 0) order.push(from - 1)
    if (readAhead && to < lastPage) order.push(to + 1)
    // Pages scrolled past before their turn are dropped: only where the list rests is asked for.
    queue = order.filter((page) => {
      const cached = pages.get(page)
      if (cached) remember(page, cached)
      return !cached && !inflight.has(page)
    })
    pump()
  }

  function pump(): void {
    while (inflight.size < MAX_PARALLEL && queue.length > 0) {
      const page = queue.shift() as number
      if (!pages.has(page)) void fetchPage(page).then(pump)
    }
  }

  /** Other filters or language: start from the first page and the top. */
  async function reload(top = 0): Promise<void> {
    clearTimeout(filterTimer)
    generation++
    asked = signature.value
    pages = new Map()
    keys = new Map()
    inflight = new Map()
    queue = []
    loading.value = true
    const ticket = generation
    try {
      const first = await call('people/list', input(0))
      if (ticket !== generation) return
      problem.value = null
      pages.set(0, raw(first.rows))
      keys.set(0, { first: first.firstKey, last: first.lastKey })
      total.value = first.total
      scrollTop.value = top
      // A search highlights its best match: Enter opens it.
      activeIndex.value = searching.value && first.total > 0 ? 0 : -1
      rebuild(first.total)
      listKey.value++
    } catch (error) {
      if (ticket !== generation) return
      problem.value = error instanceof AppError ? error.toData() : { code: 'INTERNAL', message: String(error) }
    } finally {
      if (ticket === generation) loading.value = false
    }
  }

  /**
   * The register opens again: the same filters keep their rows and place on screen while the
   * pages in view are read again (someone may have been added or renamed meanwhile). Says
   * whether the place was kept, or the list starts at the top.
   */
  async function open(): Promise<boolean> {
    active = true
    // An empty list has no place to keep: it simply asks again.
    if (asked !== signature.value || !total.value) {
      await reload()
      return false
    }
    generation++
    pages = new Map()
    keys = new Map()
    inflight = new Map()
    queue = []
    loadWanted(true)
    return true
  }

  function close(): void {
    active = false
    clearTimeout(searchTimer)
    clearTimeout(scrollTimer)
    clearTimeout(readAheadTimer)
    clearTimeout(filterTimer)
  }

  watch(signature, (now) => {
    clearTimeout(filterTimer)
    if (active && now !== asked) filterTimer = setTimeout(() => void reload(), FILTER_DEBOUNCE_MS)
  })

  /** The search the list shows changes: from the list into a search its place is kept, and back. */
  function applySearch(text: string): Promise<void> {
    clearTimeout(searchTimer)
    clearTimeout(filterTimer)
    if (text === searched.value) return Promise.resolve()
    const top = searched.value === '' ? 0 : listTop
    if (searched.value === '') listTop = scrollTop.value
    searched.value = text
    return active ? reload(text === '' ? top : 0) : Promise.resolve()
  }

  watch(query, (typed) => {
    clearTimeout(searchTimer)
    const text = typed.trim()
    // Emptied: the list is back at once; words wait for a pause in the typing.
    if (!text) void applySearch('')
    else searchTimer = setTimeout(() => void applySearch(text), SEARCH_DEBOUNCE_MS)
  })

  /** Enter typed faster than the pause: the list first shows what is in the field now. */
  async function settleSearch(): Promise<void> {
    const text = query.value.trim()
    if (text !== searched.value || loading.value) await applySearch(text)
    while (loading.value) await new Promise((resolve) => setTimeout(resolve, 10))
  }

  function sortBy(column: RegisterSort): void {
    if (sort.by === column) sort.descending = !sort.descending
    else Object.assign(sort, { by: column, descending: false })
    // A click wants its answer now, not after the pause for typed filters.
    if (active) void reload()
  }

  function clearFilters(): void {
    Object.assign(filters, defaults())
  }

  // Someone else signed in: nothing of the last person's list, filters or place stays.
  watch(
    () => useAuthStore().generation,
    () => {
      generation++
      Object.assign(filters, defaults())
      Object.assign(sort, { by: 'name', descending: false })
      query.value = ''
      searched.value = ''
      listTop = 0
      asked = null
      pages = new Map()
      keys = new Map()
      inflight = new Map()
      queue = []
      total.value = null
      rows.value = []
      scrollTop.value = 0
      lastOpenedId.value = null
      activeIndex.value = -1
    },
  )

  return {
    filters,
    query,
    searched,
    searching,
    sort,
    sortBy,
    settleSearch,
    total,
    rows,
    loading,
    problem,
    listKey,
    scrollTop,
    lastOpenedId,
    activeIndex,
    filtered,
    want,
    open,
    close,
    reload,
    clearFilters,
  }
})
