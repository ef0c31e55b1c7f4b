import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import type { InputOf } from '@shared/contract'
import type { ActivityKind, ActivityListRow, ActivityState, Place } from '@shared/contract/activities'
import type { ErrorData, Result } from '@shared/errors'
import { attempt, call } from '../../api/client'
import { useAuthStore } from '../auth/useAuthStore'

export interface ActivityFilters {
  schoolYearId: number | null
  kind: ActivityKind | null
  state: ActivityState | null
  unitId: number | null
  text: string
}

function noFilters(): ActivityFilters {
  return { schoolYearId: null, kind: null, state: null, unitId: null, text: '' }
}

/** The activities list with its filters (kept when the desk comes back from an activity) and the places. */
export const useActivitiesStore = defineStore('activities', () => {
  const auth = useAuthStore()
  const filters = ref<ActivityFilters>(noFilters())
  const rows = ref<ActivityListRow[]>([])
  const loading = ref(false)
  const problem = ref<ErrorData | null>(null)
  const places = ref<Place[]>([])
  /** Camps whose turns are shown. */
  const expanded = ref<number[]>([])
  /** The list opened once: its school year is the user's choice from then on. */
  const yearChosen = ref(false)
  let latest = 0

  watch(
    () => auth.generation,
    () => {
      filters.value = noFilters()
      rows.value = []
      places.value = []
      yearChosen.value = false
    },
  )

  async function load(): Promise<void> {
    const ticket = ++latest
    loading.value = true
    const result = await attempt('activities/list', { ...filters.value, text: filters.value.text.trim() })
    // Filters typed quickly: only the latest answer is shown.
    if (ticket !== latest) return
    loading.value = false
    problem.value = result.ok ? null : result.error
    if (result.ok) rows.value = result.data
  }

  async function loadPlaces(): Promise<void> {
    places.value = await call('activities/list-places', {})
  }

  /** Places for a form: loaded once, an empty list when they cannot be read. */
  async function ensurePlaces(): Promise<void> {
    if (places.value.length === 0) await loadPlaces().catch(() => undefined)
  }

  function placeName(id: number | null): string {
    return id === null ? '' : (places.value.find((place) => place.id === id)?.name ?? '')
  }

  async function savePlace(
    input: InputOf<'activities/create-place'> | InputOf<'activities/update-place'>,
  ): Promise<Result<Place>> {
    const result =
      'id' in input ? await attempt('activities/update-place', input) : await attempt('activities/create-place', input)
    if (result.ok) {
      const index = places.value.findIndex((place) => place.id === result.data.id)
      if (index >= 0) places.value[index] = result.data
      else places.value.push(result.data)
    }
    return result
  }

  return {
    filters,
    rows,
    loading,
    problem,
    places,
    expanded,
    yearChosen,
    load,
    loadPlaces,
    ensurePlaces,
    placeName,
    savePlace,
  }
})
