import { shallowRef, watch } from 'vue'
import { useRoute } from 'vue-router'
import type { PersonFile, PersonHit } from '@shared/contract/people'
import { call } from '../../api/client'
import { useAuthStore } from '../auth/useAuthStore'

/** Enough to find the family just served again; the palette shows them without scrolling. */
const MAX_RECENT = 10

const storageKey = (userId: number) => `frontdesk.recentPeople.${userId}`

function stored(userId: number): number[] {
  try {
    const ids: unknown = JSON.parse(localStorage.getItem(storageKey(userId)) ?? '[]')
    return Array.isArray(ids) ? ids.filter((id): id is number => Number.isInteger(id) && id > 0) : []
  } catch {
    return []
  }
}

function store(userId: number, ids: number[]): void {
  localStorage.setItem(storageKey(userId), JSON.stringify(ids.slice(0, MAX_RECENT)))
}

function hitOf({ person }: PersonFile): PersonHit {
  return {
    id: person.id,
    firstName: person.firstName,
    lastName: person.lastName,
    birthDate: person.birthDate,
    age: person.age,
    unitId: person.unitId,
    unitName: person.unitName,
    archived: person.archived,
    phone: person.contacts?.phones[0] ?? null,
    email: person.contacts?.email ?? null,
    matched: 'name',
    via: null,
  }
}

/**
 * People opened recently at this desk, newest first, kept per signed-in staff member in this
 * computer's storage (ids only: names are asked for again, so a record merged, erased or no
 * longer visible to this user drops out instead of showing stale data).
 */
export function useRecentPeople() {
  const route = useRoute()
  const auth = useAuthStore()
  const recent = shallowRef<PersonHit[]>([])

  watch(
    () => (route.name === 'person' ? Number(route.params.id) : null),
    (id) => {
      const userId = auth.session?.userId
      if (!id || !userId) return
      store(userId, [id, ...stored(userId).filter((other) => other !== id)])
    },
    { immediate: true },
  )

  /** Reads the recent people again; those that cannot be opened any more are forgotten. */
  async function load(): Promise<void> {
    const userId = auth.session?.userId
    if (!userId) {
      recent.value = []
      return
    }
    const ids = stored(userId)
    const files = await Promise.all(ids.map((id) => call('people/get', { id }).catch(() => null)))
    const kept = files.filter((file): file is PersonFile => file !== null && !file.person.anonymised)
    store(
      userId,
      kept.map((file) => file.person.id),
    )
    recent.value = kept.map(hitOf)
  }

  return { recent, load }
}
