import type { EntityManager } from 'typeorm'
import type { InputOf } from '../../shared/contract'
import { AppError } from '../../shared/errors'
import { readOrganisation, writeOrganisation } from '../settings/organisationSettings'
import { DEFAULT_ROLE_NAMES, DEFAULT_ROLES } from '../staff/defaultRoles'
import { RoleGrantSchema, RoleSchema, StaffUserSchema, usernameKey } from '../staff/staffEntities'
import { UnitSchema } from '../units/unitEntity'
import { hashPassword } from './passwords'

export async function isSetUp(em: EntityManager): Promise<boolean> {
  return (await em.count(StaffUserSchema)) > 0
}

/**
 * The first start: the centre becomes the root unit, the default roles are created in the
 * chosen language, and the first staff member is its administrator over every unit.
 */
export async function setUpFirstAdministrator(
  em: EntityManager,
  input: InputOf<'auth/set-up'> & { language: 'en' | 'cs' },
  now: Date,
): Promise<number> {
  if (await isSetUp(em)) throw AppError.conflict('already_set_up', 'Frontdesk is already set up')
  const at = now.toISOString()
  const centre = await em.save(UnitSchema, {
    name: input.centreName.trim(),
    parentId: null,
    archivedAt: null,
    createdAt: at,
  })
  const names = DEFAULT_ROLE_NAMES[input.language]
  const roles = await em.save(
    RoleSchema,
    DEFAULT_ROLES.map((role) => ({
      name: names[role.key],
      permissions: JSON.stringify(role.permissions),
      createdAt: at,
    })),
  )
  const administrator = await em.save(StaffUserSchema, {
    username: input.username.trim(),
    usernameKey: usernameKey(input.username),
    displayName: input.displayName.trim(),
    passwordHash: await hashPassword(input.password),
    active: true,
    createdAt: at,
    passwordChangedAt: at,
  })
  await em.save(RoleGrantSchema, {
    staffUserId: administrator.id,
    roleId: roles[0].id,
    unitId: centre.id,
    includeSubUnits: true,
  })
  const { updatedAt: _updatedAt, version, ...current } = await readOrganisation(em)
  await writeOrganisation(
    em,
    { ...current, name: current.name || input.centreName.trim(), language: input.language },
    version,
    now,
  )
  return administrator.id
}
