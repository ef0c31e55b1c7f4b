import { In, IsNull, type EntityManager } from 'typeorm'
import type { StaffMember } from '../../shared/contract/staff'
import { AppError } from '../../shared/errors'
import type { Permission } from '../../shared/permissions'
import type { HandlerContext } from '../core/handler'
import { UnitSchema } from '../units/unitEntity'
import { RoleGrantSchema, RoleSchema, StaffUserSchema, type StaffUserRow } from './staffEntities'

/** Staff members with their grants, sorted by name; `ids` narrows to some. */
export async function listStaff(em: EntityManager, ids?: number[]): Promise<StaffMember[]> {
  const users = await em.find(StaffUserSchema, { where: ids ? { id: In(ids) } : {}, order: { displayName: 'ASC' } })
  const grants = await em.find(RoleGrantSchema, { where: { staffUserId: In(users.map((user) => user.id)) } })
  const roles = new Map((await em.find(RoleSchema)).map((role) => [role.id, role.name]))
  const units = new Map((await em.find(UnitSchema)).map((unit) => [unit.id, unit.name]))
  return users.map((user) => ({
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    active: user.active,
    grants: grants
      .filter((grant) => grant.staffUserId === user.id)
      .map((grant) => ({
        id: grant.id,
        roleId: grant.roleId,
        roleName: roles.get(grant.roleId) ?? '',
        unitId: grant.unitId,
        unitName: units.get(grant.unitId) ?? '',
        includeSubUnits: grant.includeSubUnits,
      })),
    version: user.version,
  }))
}

export async function staffMember(em: EntityManager, id: number): Promise<StaffMember> {
  const [member] = await listStaff(em, [id])
  if (!member) throw new AppError('NOT_FOUND', `No staff member ${id}`)
  return member
}

export async function staffUserOrFail(em: EntityManager, id: number): Promise<StaffUserRow> {
  const user = await em.findOneBy(StaffUserSchema, { id })
  if (!user) throw new AppError('NOT_FOUND', `No staff member ${id}`)
  return user
}

/**
 * Stores a new password hash without counting a version: the version guards what the staff
 * screen edits, and a password reset must not make an open rename dialog stale.
 */
export async function setPassword(em: EntityManager, id: number, passwordHash: string, now: Date): Promise<void> {
  await em
    .createQueryBuilder()
    .update(StaffUserSchema)
    .set({ passwordHash, passwordChangedAt: now.toISOString(), version: () => '"version"' })
    .where({ id })
    .execute()
}

/**
 * Managing a staff member (password, name, active) or editing a role reaches every unit
 * where they or it hold a grant: the caller must administer all of those units, or a
 * department's administrator could take over the centre administrator's account.
 */
export async function authorizeOverGrants(
  em: EntityManager,
  authorize: HandlerContext['authorize'],
  where: { staffUserId: number } | { roleId: number },
): Promise<void> {
  const units = new Set((await em.findBy(RoleGrantSchema, where)).map((grant) => grant.unitId))
  for (const unitId of units) await authorize('settings.admin', unitId)
}

/**
 * Checked after every change to staff, grants and roles, inside the same transaction: some
 * active staff member must still be able to administer the whole centre, or nobody could
 * ever grant anything again.
 */
export async function assertAdministratorRemains(em: EntityManager): Promise<void> {
  const roots = await em.find(UnitSchema, { where: { parentId: IsNull() } })
  const adminRoles = (await em.find(RoleSchema))
    .filter((role) => (JSON.parse(role.permissions) as Permission[]).includes('settings.admin'))
    .map((role) => role.id)
  if (roots.length === 0 || adminRoles.length === 0) throw lastAdministrator()
  const grants = await em.find(RoleGrantSchema, {
    where: { roleId: In(adminRoles), unitId: In(roots.map((root) => root.id)), includeSubUnits: true },
  })
  const active = await em.count(StaffUserSchema, {
    where: { id: In(grants.map((grant) => grant.staffUserId)), active: true },
  })
  if (active === 0) throw lastAdministrator()
}

function lastAdministrator(): AppError {
  return AppError.conflict('last_administrator', 'Someone must remain able to administer the whole centre')
}
