import type { EntityManager } from 'typeorm'
import type { Permission } from '../../shared/permissions'
import type { StaffSession } from '../core/session'

/** Which units the signed-in staff member may see people of, answered from one read of the unit tree. */
export interface UnitAccess {
  unitName(unitId: number): string
  allows(permission: Permission, unitId: number): boolean
  /** Units holding the permission, or null when that is every unit (no filter needed). */
  unitsWith(permission: Permission): number[] | null
  /** The unit and every unit below it. */
  subtree(unitId: number): number[]
}

export async function loadUnitAccess(em: EntityManager, session: StaffSession): Promise<UnitAccess> {
  const units: { id: number; parent_id: number | null; name: string }[] = await em.query(
    'SELECT id, parent_id, name FROM unit',
  )
  const byId = new Map(units.map((unit) => [unit.id, unit]))
  const chain = (unitId: number): number[] => {
    const ids: number[] = []
    for (let unit = byId.get(unitId); unit && ids.length <= units.length; unit = byId.get(unit.parent_id ?? -1)) {
      ids.push(unit.id)
    }
    return ids
  }
  const allowed = new Map<Permission, number[] | null>()
  const allows = (permission: Permission, unitId: number) => session.canInUnit(permission, chain(unitId))
  return {
    unitName: (unitId) => byId.get(unitId)?.name ?? '',
    allows,
    unitsWith(permission) {
      if (!allowed.has(permission)) {
        const ids = units.filter((unit) => allows(permission, unit.id)).map((unit) => unit.id)
        allowed.set(permission, ids.length === units.length ? null : ids)
      }
      return allowed.get(permission) ?? null
    },
    subtree: (unitId) => units.filter((unit) => chain(unit.id).includes(unitId)).map((unit) => unit.id),
  }
}
