import type { RoleGrant } from '@shared/contract/staff'

/** "Reception · Sport (+ sub-units)": the role, where it applies, and whether it reaches below. */
export function grantLabel(grant: RoleGrant, withSubUnits: string): string {
  return `${grant.roleName} · ${grant.unitName}${grant.includeSubUnits ? ` (${withSubUnits})` : ''}`
}
