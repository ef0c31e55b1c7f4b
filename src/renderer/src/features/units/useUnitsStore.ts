import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import type { InputOf } from '@shared/contract'
import type { Unit } from '@shared/contract/units'
import type { Result } from '@shared/errors'
import { attempt, call } from '../../api/client'
import { isStaleRecord } from '../../api/staleRecord'
import { useAuthStore } from '../auth/useAuthStore'

/** The unit tree, loaded once and shared by the units screen and every unit picker. */
export const useUnitsStore = defineStore('units', () => {
  const units = ref<Unit[]>([])
  const loaded = ref(false)
  let loading: Promise<void> | null = null

  // Someone else signed in: read the tree afresh, as they are allowed to see it.
  watch(
    () => useAuthStore().generation,
    () => (loaded.value = false),
  )

  const byId = computed(() => new Map(units.value.map((unit) => [unit.id, unit])))
  const root = computed(() => units.value.find((unit) => unit.parentId === null) ?? null)

  async function load(): Promise<void> {
    loading ??= call('units/list', {})
      .then((list) => {
        units.value = list
        loaded.value = true
      })
      .finally(() => (loading = null))
    return loading
  }

  /** For pickers: the list as it is, loading it only the first time. */
  async function ensureLoaded(): Promise<void> {
    if (!loaded.value) await load()
  }

  async function remember(result: Result<Unit>): Promise<Result<Unit>> {
    // The open dialog keeps what was typed; the tree behind it shows what is stored now.
    if (isStaleRecord(result)) await load().catch(() => undefined)
    if (result.ok) {
      const index = units.value.findIndex((unit) => unit.id === result.data.id)
      if (index >= 0) units.value.splice(index, 1, result.data)
      else units.value.push(result.data)
    }
    return result
  }

  const create = async (input: InputOf<'units/create'>) => remember(await attempt('units/create', input))
  const rename = async (input: InputOf<'units/rename'>) => remember(await attempt('units/rename', input))
  const move = async (input: InputOf<'units/move'>) => remember(await attempt('units/move', input))
  const setArchived = async (input: InputOf<'units/set-archived'>) =>
    remember(await attempt('units/set-archived', input))

  function name(id: number): string {
    return byId.value.get(id)?.name ?? ''
  }

  return { units, loaded, byId, root, load, ensureLoaded, create, rename, move, setArchived, name }
})
