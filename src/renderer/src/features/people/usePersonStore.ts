import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import type { InputOf } from '@shared/contract'
import type { PersonFile } from '@shared/contract/people'
import type { Result } from '@shared/errors'
import { attempt, call } from '../../api/client'
import { isStaleRecord } from '../../api/staleRecord'
import { useAuthStore } from '../auth/useAuthStore'

/** The person open on the person page, with their family, and everything done to it. */
export const usePersonStore = defineStore('person', () => {
  const file = ref<PersonFile | null>(null)
  const auth = useAuthStore()

  // Nobody signing in next sees the last person's record, not even for a moment.
  watch(
    () => auth.generation,
    () => (file.value = null),
  )

  async function load(id: number): Promise<PersonFile> {
    const loaded = await call('people/get', { id })
    file.value = loaded
    return loaded
  }

  /** Reads the open record again after a change made from the other side (a link answered with the child's file). */
  async function refresh(): Promise<void> {
    if (file.value) await load(file.value.person.id)
  }

  /** The answer is the open record's new state: show it. */
  function opened(result: Result<PersonFile>): Result<PersonFile> {
    if (result.ok) file.value = result.data
    return result
  }

  /** The answer is some record's file, maybe another's: read the open one again. */
  async function changed<T>(result: Result<T>): Promise<Result<T>> {
    // The change is saved whatever happens here; a failed refresh leaves the page as it was.
    if (result.ok) await refresh().catch(() => undefined)
    return result
  }

  const create = (input: InputOf<'people/create'>) => attempt('people/create', input)
  async function update(input: InputOf<'people/update'>): Promise<Result<PersonFile>> {
    const result = await attempt('people/update', input)
    // The form keeps what was typed (it was filled once); the page behind it shows what is stored now.
    if (isStaleRecord(result)) await refresh().catch(() => undefined)
    return opened(result)
  }
  const setArchived = async (input: InputOf<'people/set-archived'>) =>
    opened(await attempt('people/set-archived', input))
  const erase = async (input: InputOf<'people/erase'>) => opened(await attempt('people/erase', input))
  const link = async (input: InputOf<'people/link'>) => changed(await attempt('people/link', input))
  const updateLink = async (input: InputOf<'people/update-link'>) => changed(await attempt('people/update-link', input))
  const unlink = async (guardianshipId: number) => changed(await attempt('people/unlink', { guardianshipId }))
  const mergePreview = (input: InputOf<'people/merge-preview'>) => attempt('people/merge-preview', input)
  async function merge(input: InputOf<'people/merge'>): Promise<Result<PersonFile>> {
    const result = await attempt('people/merge', input)
    // Kept the other record: the page goes there and reads it; until then it shows the one it was on.
    if (result.ok && file.value?.person.id === result.data.person.id) file.value = result.data
    return result
  }
  const exportFile = (input: InputOf<'people/export'>) => attempt('people/export', input)
  const findDuplicates = (input: InputOf<'people/find-duplicates'>) => call('people/find-duplicates', input)
  const search = (query: string) => call('people/search', { query: query.slice(0, 100) })

  return {
    file,
    load,
    refresh,
    create,
    update,
    setArchived,
    erase,
    link,
    updateLink,
    unlink,
    mergePreview,
    merge,
    exportFile,
    findDuplicates,
    search,
  }
})
