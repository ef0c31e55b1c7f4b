import { In, type EntityManager } from 'typeorm'
import type { PriorityRule } from '../../shared/contract/activities'
import { AppError } from '../../shared/errors'
import { ActivitySchema, type ActivityRow } from '../activities/activityEntities'

/**
 * An activity as enrolments see it: a camp's turn keeps its own dates, capacity, state and
 * counters, but takes the age rules, flags, prices and registration window from its camp.
 */
export interface Activity {
  row: ActivityRow
  /** The camp of a turn, else null. */
  parent: ActivityRow | null
  /** Whose price options apply (the camp's for a turn). */
  priceOwnerId: number
  ageMin: number | null
  ageMax: number | null
  referenceDate: string
  membersOnly: boolean
  approval: ActivityRow['approval']
  seatOffers: ActivityRow['seatOffers']
  offerHours: number
  priorityRules: PriorityRule[]
  registrationOpens: string | null
  registrationCloses: string | null
  cancelled: boolean
}

export function activityOf(row: ActivityRow, parent: ActivityRow | null): Activity {
  const rules = parent ?? row
  return {
    row,
    parent,
    priceOwnerId: rules.id,
    ageMin: rules.ageMin,
    ageMax: rules.ageMax,
    referenceDate: rules.ageReferenceDate ?? row.startsOn,
    membersOnly: Boolean(rules.membersOnly),
    approval: rules.approval,
    seatOffers: rules.seatOffers,
    offerHours: rules.offerHours,
    priorityRules: JSON.parse(rules.priorityRules) as PriorityRule[],
    registrationOpens: rules.registrationOpens,
    registrationCloses: rules.registrationCloses,
    cancelled: row.state === 'cancelled' || parent?.state === 'cancelled',
  }
}

export async function loadActivity(em: EntityManager, id: number): Promise<Activity> {
  const row = await em.findOneBy(ActivitySchema, { id })
  if (!row) throw new AppError('NOT_FOUND', `No activity ${id}`)
  const parent = row.parentId === null ? null : await em.findOneBy(ActivitySchema, { id: row.parentId })
  return activityOf(row, parent)
}

/** Many activities (and their camps) in two queries: a page of the queue names up to 50. */
export async function loadActivities(em: EntityManager, ids: readonly number[]): Promise<Map<number, Activity>> {
  if (ids.length === 0) return new Map()
  const rows = await em.find(ActivitySchema, { where: { id: In([...new Set(ids)]) } })
  const parentIds = [...new Set(rows.flatMap((row) => (row.parentId === null ? [] : [row.parentId])))]
  const parents = parentIds.length ? await em.find(ActivitySchema, { where: { id: In(parentIds) } }) : []
  const parentOf = new Map(parents.map((parent) => [parent.id, parent]))
  return new Map(
    rows.map((row) => [row.id, activityOf(row, row.parentId === null ? null : (parentOf.get(row.parentId) ?? null))]),
  )
}

/** Activities by id, loaded once per batch. */
export function activityCache(em: EntityManager) {
  const cache = new Map<number, Promise<Activity>>()
  return (id: number) => {
    let found = cache.get(id)
    if (!found) cache.set(id, (found = loadActivity(em, id)))
    return found
  }
}

/** Registration for the public is open on `today` (no window set = always open). */
export function registrationOpen(activity: Activity, today: string): boolean {
  return (
    (activity.registrationOpens === null || activity.registrationOpens <= today) &&
    (activity.registrationCloses === null || today <= activity.registrationCloses)
  )
}

/** Seats still free (approved and offered seats count); null = no limit. */
export function freeSeats(row: ActivityRow): number | null {
  return row.capacity === null ? null : Math.max(0, row.capacity - row.approvedCount - row.offeredCount)
}

export function activityLabel(activity: Activity): string {
  return activity.parent ? `${activity.parent.name} – ${activity.row.name}` : activity.row.name
}
