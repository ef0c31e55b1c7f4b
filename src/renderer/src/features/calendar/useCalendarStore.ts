import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { InputOf } from '@shared/contract'
import type { CalendarDay, CalendarSettings, Closure, SchoolYear } from '@shared/contract/calendar'
import type { Result } from '@shared/errors'
import { attempt, call } from '../../api/client'

/** The calendar screen's data: school years, the selected year's closures and closed days. */
export const useCalendarStore = defineStore('calendar', () => {
  const years = ref<SchoolYear[]>([])
  const selectedId = ref<number | null>(null)
  const closures = ref<Closure[]>([])
  const days = ref<CalendarDay[]>([])
  const settings = ref<CalendarSettings | null>(null)

  const selected = computed(() => years.value.find((year) => year.id === selectedId.value) ?? null)

  /** The span the screen shows: the selected year, or the school year running today. */
  const span = computed(() => {
    if (selected.value) return { from: selected.value.startsOn, to: selected.value.endsOn }
    const today = new Date()
    const start = today.getMonth() >= 7 ? today.getFullYear() : today.getFullYear() - 1
    return { from: `${start}-09-01`, to: `${start + 1}-06-30` }
  })

  async function loadYears(): Promise<void> {
    years.value = await call('calendar/list-school-years', {})
    if (!years.value.some((year) => year.id === selectedId.value)) {
      // The year running today, else the newest.
      const today = new Date().toISOString().slice(0, 10)
      selectedId.value =
        (years.value.find((year) => year.startsOn <= today && today <= year.endsOn) ?? years.value[0])?.id ?? null
    }
  }

  async function loadSpan(): Promise<void> {
    const { from, to } = span.value
    const [list, range] = await Promise.all([
      call('calendar/list-closures', { from, to }),
      call('calendar/range', { from, to }),
    ])
    closures.value = list
    days.value = range.days
  }

  async function loadSettings(): Promise<void> {
    settings.value = await call('calendar/get-settings', {})
  }

  async function load(): Promise<void> {
    await Promise.all([loadYears(), loadSettings()])
    await loadSpan()
  }

  async function select(id: number): Promise<void> {
    selectedId.value = id
    await loadSpan()
  }

  /** Any change: read again what it may have moved (a stale form re-reads as well). */
  async function after<T>(result: Result<T>, reload: () => Promise<void>): Promise<Result<T>> {
    if (result.ok || (result.error.code === 'CONFLICT' && result.error.reason === 'stale_record')) await reload()
    return result
  }
  const reloadAll = async () => {
    await loadYears()
    await loadSpan()
  }

  return {
    years,
    selectedId,
    selected,
    closures,
    days,
    settings,
    span,
    load,
    loadSpan,
    select,
    async createYear(input: InputOf<'calendar/create-school-year'>) {
      const result = await attempt('calendar/create-school-year', input)
      if (result.ok) selectedId.value = result.data.id
      return after(result, reloadAll)
    },
    updateYear: async (input: InputOf<'calendar/update-school-year'>) =>
      after(await attempt('calendar/update-school-year', input), reloadAll),
    deleteYear: async (input: InputOf<'calendar/delete-school-year'>) =>
      after(await attempt('calendar/delete-school-year', input), reloadAll),
    updateTerm: async (input: InputOf<'calendar/update-term'>) =>
      after(await attempt('calendar/update-term', input), loadYears),
    createClosure: async (input: InputOf<'calendar/create-closure'>) =>
      after(await attempt('calendar/create-closure', input), loadSpan),
    updateClosure: async (input: InputOf<'calendar/update-closure'>) =>
      after(await attempt('calendar/update-closure', input), loadSpan),
    deleteClosure: async (input: InputOf<'calendar/delete-closure'>) =>
      after(await attempt('calendar/delete-closure', input), loadSpan),
    importIcal: async (input: InputOf<'calendar/import-ical'>) =>
      after(await attempt('calendar/import-ical', input), loadSpan),
    async updateSettings(input: InputOf<'calendar/update-settings'>) {
      const result = await attempt('calendar/update-settings', input)
      if (result.ok) settings.value = result.data
      return after(result, async () => {
        await loadSettings()
        await loadSpan()
      })
    },
  }
})
