import type { EntityManager } from 'typeorm'
import { engineOf } from '../database/engines'

/** Entries per database: a few filter combinations and searches of the desks using it. */
const MAX_ENTRIES = 16

interface Shelf {
  version: number | string
  entries: Map<string, unknown>
}

// Per connection (a test run or a restore opens a new one), so versions of two files never mix.
const shelves = new WeakMap<object, Shelf>()

/**
 * Remembers what costs one scan of the register (the positions of a list's milestones, the
 * ranked matches of a search) until the person table may have changed. SQLite's
 * `data_version` of the read connection changes whenever another connection (the writer)
 * commits; on PostgreSQL the server's snapshot changes whenever any desk's write ends. So
 * anything remembered is dropped after every write, whichever desk made it.
 */
export async function remembered<T>(em: EntityManager, key: string, build: () => Promise<T>): Promise<T> {
  const version = await engineOf(em).changeToken(em)
  if (version === null) return build()
  let shelf = shelves.get(em.connection)
  if (!shelf || shelf.version !== version) {
    shelf = { version, entries: new Map() }
    shelves.set(em.connection, shelf)
  }
  if (shelf.entries.has(key)) {
    const value = shelf.entries.get(key) as T
    // Most recently used last: the oldest goes first when the shelf is full.
    shelf.entries.delete(key)
    shelf.entries.set(key, value)
    return value
  }
  const value = await build()
  shelf.entries.set(key, value)
  while (shelf.entries.size > MAX_ENTRIES) shelf.entries.delete(shelf.entries.keys().next().value as string)
  return value
}
