import { In, type EntityManager } from 'typeorm'
import type { Place } from '../../shared/contract/activities'
import { AppError } from '../../shared/errors'
import type { ContextHandlers } from '../core/handler'
import { versionedUpdate } from '../database/versionedUpdate'
import { PlaceSchema, type PlaceRow } from './activityEntities'

export function toPlace(row: PlaceRow): Place {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    capacity: row.capacity,
    archived: row.archivedAt !== null,
    version: row.version,
  }
}

/**
 * Refuses an archived place (`place_archived`) or one that does not exist, for each field path
 * that chose one; a place an activity already had may stay on it although archived since.
 */
export async function assertPlacesUsable(
  em: EntityManager,
  chosen: { path: string; placeId: number | null }[],
  alreadyUsed: ReadonlySet<number> = new Set(),
): Promise<void> {
  const ids = [...new Set(chosen.map((c) => c.placeId).filter((id): id is number => id !== null))]
  if (ids.length === 0) return
  const rows = new Map((await em.findBy(PlaceSchema, { id: In(ids) })).map((row) => [row.id, row]))
  const missing: Record<string, { code: string; message: string }> = {}
  const archived: Record<string, { code: string; message: string }> = {}
  for (const { path, placeId } of chosen) {
    if (placeId === null) continue
    const row = rows.get(placeId)
    if (!row) missing[path] = { code: 'invalid', message: `No place ${placeId}` }
    else if (row.archivedAt !== null && !alreadyUsed.has(placeId))
      archived[path] = { code: 'place_archived', message: `${row.name} is archived` }
  }
  if (Object.keys(missing).length > 0) throw new AppError('VALIDATION_FAILED', 'No such place', missing)
  if (Object.keys(archived).length > 0) throw AppError.conflict('place_archived', 'The place is archived', archived)
}

// Places are shared by every unit of the centre: holding activities.edit (the router checks it) is enough.
export const placeHandlers: Pick<
  ContextHandlers<'activities'>,
  'activities/list-places' | 'activities/create-place' | 'activities/update-place'
> = {
  'activities/list-places': async (_input, { em }) =>
    (await em.find(PlaceSchema, { order: { name: 'ASC', id: 'ASC' } })).map(toPlace),

  'activities/create-place': async ({ name, kind, capacity }, { em, audit, now }) => {
    const row = await em.save(PlaceSchema, { name, kind, capacity, archivedAt: null, createdAt: now.toISOString() })
    audit.target = `place:${row.id}`
    audit.summary = `Created place ${name} (${kind})`
    return toPlace(row)
  },

  'activities/update-place': async ({ id, name, kind, capacity, archived, expectedVersion }, { em, audit, now }) => {
    const row = await em.findOneBy(PlaceSchema, { id })
    if (!row) throw new AppError('NOT_FOUND', `No place ${id}`)
    const archivedAt = archived ? (row.archivedAt ?? now.toISOString()) : null
    const version = await versionedUpdate(em, PlaceSchema, { id }, expectedVersion, {
      name,
      kind,
      capacity,
      archivedAt,
    })
    audit.target = `place:${id}`
    const what = archived && !row.archivedAt ? 'Archived' : !archived && row.archivedAt ? 'Restored' : 'Changed'
    audit.summary = `${what} place ${name}${row.name !== name ? ` (was ${row.name})` : ''}`
    return toPlace({ ...row, name, kind, capacity, archivedAt, version })
  },
}
