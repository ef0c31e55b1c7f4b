import { PERMISSIONS, type Access, type Permission } from '../../shared/permissions'

/** A role granted in a unit; with `includeSubUnits` it reaches every unit below too. */
export interface Grant {
  unitId: number
  includeSubUnits: boolean
  permissions: ReadonlySet<Permission>
}

/** Who is calling: the staff member signed in at this desk. */
export interface StaffSession {
  userId: number | null
  displayName: string
  locked: boolean
  /** Holds the permission in at least one unit: the router's first, coarse check. */
  can(access: Access): boolean
  /** Holds it for a record of the first unit in `unitAndAncestors` (that unit, then its parents). */
  canInUnit(permission: Permission, unitAndAncestors: readonly number[]): boolean
}

/** Where a call came from; a transport-specific key identifies the desk (window, browser tab). */
export interface Caller {
  transport: 'ipc' | 'http' | 'direct'
  key: string
}

/** The router asks it who stands behind a caller. */
export interface SessionProvider {
  resolve(caller: Caller): Promise<StaffSession | null> | StaffSession | null
  /** Told after a write commits, so cached grants can follow changes to staff and roles. */
  committed?(command: string): void
}

/** A unit of the tree, as far as grants care. */
export interface UnitNode {
  id: number
  parentId: number | null
}

/**
 * For each permission the grants hold: every unit it holds in, sub-units expanded, in the
 * tree's order from the top (a parent before its children).
 */
export function unitsWithPermissions(
  grants: readonly Grant[],
  units: readonly UnitNode[],
): Partial<Record<Permission, number[]>> {
  const byParent = new Map<number | null, UnitNode[]>()
  for (const unit of units) byParent.set(unit.parentId, [...(byParent.get(unit.parentId) ?? []), unit])
  const session = sessionFromGrants({ id: null, displayName: '' }, grants, false)
  const result: Partial<Record<Permission, number[]>> = {}
  const visit = (unit: UnitNode, chain: number[]) => {
    const here = [unit.id, ...chain]
    for (const permission of PERMISSIONS) {
      if (session.canInUnit(permission, here)) (result[permission] ??= []).push(unit.id)
    }
    // The depth limit guards against a parent loop in a damaged file.
    if (here.length <= units.length) for (const child of byParent.get(unit.id) ?? []) visit(child, here)
  }
  for (const root of byParent.get(null) ?? []) visit(root, [])
  return result
}

export function sessionFromGrants(
  user: { id: number | null; displayName: string },
  grants: readonly Grant[],
  locked: boolean,
): StaffSession {
  return {
    userId: user.id,
    displayName: user.displayName,
    locked,
    can: (access) =>
      access === 'public' ||
      access === 'signed-in' ||
      grants.some((grant) => grant.permissions.has(access === 'recovery' ? 'settings.admin' : access)),
    canInUnit: (permission, chain) =>
      grants.some(
        (grant) =>
          grant.permissions.has(permission) &&
          (grant.unitId === chain[0] || (grant.includeSubUnits && chain.includes(grant.unitId))),
      ),
  }
}

/**
 * A trusted local tool (the demo loader, benchmarks, tests) acting with every permission
 * everywhere, under its own name in the audit trail. Never used for a desk.
 */
export function localToolOperator(name: string): SessionProvider {
  const everything = new Set<Permission>(PERMISSIONS)
  const session = sessionFromGrants({ id: null, displayName: name }, [], false)
  return {
    resolve: () => ({ ...session, can: () => true, canInUnit: (permission) => everything.has(permission) }),
  }
}
