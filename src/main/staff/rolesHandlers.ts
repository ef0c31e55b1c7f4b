import type { EntityManager } from 'typeorm'
import type { Role } from '../../shared/contract/staff'
import { AppError } from '../../shared/errors'
import { PERMISSIONS, type Permission } from '../../shared/permissions'
import type { ContextHandlers } from '../core/handler'
import { versionedUpdate } from '../database/versionedUpdate'
import { RoleGrantSchema, RoleSchema, type RoleRow } from './staffEntities'
import { assertAdministratorRemains, authorizeOverGrants } from './staffQueries'

async function listRoles(em: EntityManager): Promise<Role[]> {
  const counts = new Map<number, number>()
  for (const grant of await em.find(RoleGrantSchema)) counts.set(grant.roleId, (counts.get(grant.roleId) ?? 0) + 1)
  return (await em.find(RoleSchema, { order: { id: 'ASC' } })).map((row) => toRole(row, counts.get(row.id) ?? 0))
}

function toRole(row: RoleRow, grantCount: number): Role {
  const stored = JSON.parse(row.permissions) as Permission[]
  return {
    id: row.id,
    name: row.name,
    permissions: PERMISSIONS.filter((p) => stored.includes(p)),
    grantCount,
    version: row.version,
  }
}

async function roleWithName(em: EntityManager, name: string, exceptId: number | null): Promise<boolean> {
  const clash = await em.findOneBy(RoleSchema, { name })
  return !!clash && clash.id !== exceptId
}

export const rolesHandlers: ContextHandlers<'roles'> = {
  'roles/list': (_input, { em }) => listRoles(em),

  'roles/save': async ({ id, name, permissions, expectedVersion }, { em, authorize, audit, now }) => {
    if (await roleWithName(em, name, id)) {
      throw AppError.conflict('role_name_taken', 'A role of that name exists', {
        name: { code: 'role_name_taken', message: 'Taken' },
      })
    }
    const stored = JSON.stringify(PERMISSIONS.filter((p) => permissions.includes(p)))
    let saved: RoleRow
    if (id === null) {
      if (expectedVersion !== 0) {
        throw new AppError('VALIDATION_FAILED', 'A new role starts from version 0', {
          expectedVersion: { code: 'new_record_version', message: 'A new role starts from version 0' },
        })
      }
      saved = await em.save(RoleSchema, { name, permissions: stored, createdAt: now.toISOString() })
    } else {
      const row = await em.findOneBy(RoleSchema, { id })
      if (!row) throw new AppError('NOT_FOUND', `No role ${id}`)
      // Editing a role changes what it allows in every unit where it is granted.
      await authorizeOverGrants(em, authorize, { roleId: id })
      const version = await versionedUpdate(em, RoleSchema, { id }, expectedVersion, { name, permissions: stored })
      saved = { ...row, name, permissions: stored, version }
      await assertAdministratorRemains(em)
    }
    audit.target = `role:${saved.id}`
    audit.summary = `${id === null ? 'Created' : 'Changed'} role ${name}: ${permissions.join(', ') || 'no permissions'}`
    return (await listRoles(em)).find((role) => role.id === saved.id)!
  },

  'roles/delete': async ({ id }, { em, audit }) => {
    const row = await em.findOneBy(RoleSchema, { id })
    if (!row) throw new AppError('NOT_FOUND', `No role ${id}`)
    if ((await em.countBy(RoleGrantSchema, { roleId: id })) > 0) {
      throw AppError.conflict('role_in_use', 'The role is granted to someone: revoke it first')
    }
    await em.delete(RoleSchema, { id })
    audit.target = `role:${id}`
    audit.summary = `Deleted role ${row.name}`
    return null
  },
}
