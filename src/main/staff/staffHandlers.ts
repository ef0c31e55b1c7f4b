import type { ContextHandlers } from '../core/handler'
import { AppError } from '../../shared/errors'
import { hashPassword } from '../auth/passwords'
import { versionedUpdate } from '../database/versionedUpdate'
import { UnitSchema } from '../units/unitEntity'
import { RoleGrantSchema, RoleSchema, StaffUserSchema, usernameKey } from './staffEntities'
import {
  assertAdministratorRemains,
  authorizeOverGrants,
  listStaff,
  staffMember,
  setPassword,
  staffUserOrFail,
} from './staffQueries'

export const staffHandlers: ContextHandlers<'staff'> = {
  'staff/list': (_input, { em }) => listStaff(em),

  'staff/create': async ({ displayName, username, password }, { em, audit, now }) => {
    const key = usernameKey(username)
    if (await em.findOneBy(StaffUserSchema, { usernameKey: key })) {
      throw AppError.conflict('username_taken', 'That username is taken', {
        username: { code: 'username_taken', message: 'Taken' },
      })
    }
    const at = now.toISOString()
    const user = await em.save(StaffUserSchema, {
      username: username.trim(),
      usernameKey: key,
      displayName,
      passwordHash: await hashPassword(password),
      active: true,
      createdAt: at,
      passwordChangedAt: at,
    })
    audit.target = `staff:${user.id}`
    audit.summary = `Created staff member ${displayName} (${username})`
    return staffMember(em, user.id)
  },

  'staff/rename': async ({ id, displayName, expectedVersion }, { em, authorize, audit }) => {
    const user = await staffUserOrFail(em, id)
    await authorizeOverGrants(em, authorize, { staffUserId: id })
    await versionedUpdate(em, StaffUserSchema, { id }, expectedVersion, { displayName })
    audit.target = `staff:${id}`
    audit.summary = `Renamed staff member ${user.displayName} to ${displayName}`
    return staffMember(em, id)
  },

  'staff/set-active': async ({ id, active, expectedVersion }, { em, session, authorize, audit }) => {
    const user = await staffUserOrFail(em, id)
    await authorizeOverGrants(em, authorize, { staffUserId: id })
    if (!active && id === session.userId) {
      throw AppError.conflict('deactivate_self', 'You cannot deactivate yourself')
    }
    await versionedUpdate(em, StaffUserSchema, { id }, expectedVersion, { active })
    await assertAdministratorRemains(em)
    audit.target = `staff:${id}`
    audit.summary = `${active ? 'Reactivated' : 'Deactivated'} staff member ${user.displayName}`
    return staffMember(em, id)
  },

  'staff/reset-password': async ({ id, newPassword }, { em, authorize, audit, now }) => {
    const user = await staffUserOrFail(em, id)
    await authorizeOverGrants(em, authorize, { staffUserId: id })
    await setPassword(em, id, await hashPassword(newPassword), now)
    audit.target = `staff:${id}`
    audit.summary = `Reset the password of ${user.displayName}`
    return null
  },

  'staff/grant-role': async ({ userId, roleId, unitId, includeSubUnits }, { em, authorize, audit }) => {
    // Granting in a unit is administering that unit.
    await authorize('settings.admin', unitId)
    const user = await staffUserOrFail(em, userId)
    const role = await em.findOneBy(RoleSchema, { id: roleId })
    const unit = await em.findOneBy(UnitSchema, { id: unitId })
    if (!role || !unit) throw new AppError('NOT_FOUND', 'No such role or unit')
    const existing = await em.findOneBy(RoleGrantSchema, { staffUserId: userId, roleId, unitId })
    if (existing) await em.update(RoleGrantSchema, { id: existing.id }, { includeSubUnits })
    else await em.save(RoleGrantSchema, { staffUserId: userId, roleId, unitId, includeSubUnits })
    // Re-granting without sub-units narrows an existing grant: it may be the last one over the whole centre.
    await assertAdministratorRemains(em)
    audit.target = `staff:${userId}`
    audit.summary = `Granted ${role.name} in ${unit.name}${includeSubUnits ? ' and its sub-units' : ''} to ${user.displayName}`
    return staffMember(em, userId)
  },

  'staff/revoke-role': async ({ grantId }, { em, authorize, audit }) => {
    const grant = await em.findOneBy(RoleGrantSchema, { id: grantId })
    if (!grant) throw new AppError('NOT_FOUND', `No grant ${grantId}`)
    await authorize('settings.admin', grant.unitId)
    const member = await staffMember(em, grant.staffUserId)
    const described = member.grants.find((g) => g.id === grantId)
    await em.delete(RoleGrantSchema, { id: grantId })
    await assertAdministratorRemains(em)
    audit.target = `staff:${grant.staffUserId}`
    audit.summary = `Revoked ${described?.roleName} in ${described?.unitName} from ${member.displayName}`
    return staffMember(em, grant.staffUserId)
  },
}
