import { z } from 'zod'
import { PERMISSIONS, type Permission } from '../permissions'
import { displayName, password, ROLE_NAME_MAX, username } from './auth'
import { command } from './define'
import { visibleName } from './text'
import { expectedVersion } from './version'

export interface RoleGrant {
  id: number
  roleId: number
  roleName: string
  unitId: number
  unitName: string
  includeSubUnits: boolean
}

export interface StaffMember {
  id: number
  username: string
  displayName: string
  active: boolean
  grants: RoleGrant[]
  version: number
}

export interface Role {
  id: number
  name: string
  permissions: Permission[]
  /** How many grants use it: a role in use cannot be deleted, only edited. */
  grantCount: number
  version: number
}

const id = z.number().int().positive()

export const staffContract = {
  'staff/list': command<StaffMember[]>()({ input: z.object({}), kind: 'read', access: 'settings.admin' }),
  'staff/create': command<StaffMember>()({
    input: z.object({ displayName, username, password }),
    kind: 'write',
    access: 'settings.admin',
  }),
  'staff/rename': command<StaffMember>()({
    input: z.object({ id, displayName, expectedVersion }),
    kind: 'write',
    access: 'settings.admin',
  }),
  'staff/set-active': command<StaffMember>()({
    input: z.object({ id, active: z.boolean(), expectedVersion }),
    kind: 'write',
    access: 'settings.admin',
  }),
  'staff/reset-password': command<null>()({
    input: z.object({ id, newPassword: password }),
    kind: 'write',
    access: 'settings.admin',
  }),
  'staff/grant-role': command<StaffMember>()({
    input: z.object({ userId: id, roleId: id, unitId: id, includeSubUnits: z.boolean() }),
    kind: 'write',
    access: 'settings.admin',
  }),
  'staff/revoke-role': command<StaffMember>()({
    input: z.object({ grantId: id }),
    kind: 'write',
    access: 'settings.admin',
  }),
  'roles/list': command<Role[]>()({ input: z.object({}), kind: 'read', access: 'settings.admin' }),
  /** `id` null creates a role (`expectedVersion` 0); otherwise changes the role, from the version the form showed. */
  'roles/save': command<Role>()({
    input: z.object({
      id: id.nullable(),
      expectedVersion,
      name: visibleName(ROLE_NAME_MAX),
      permissions: z.array(z.enum(PERMISSIONS)).max(PERMISSIONS.length),
    }),
    kind: 'write',
    access: 'settings.admin',
  }),
  'roles/delete': command<null>()({ input: z.object({ id }), kind: 'write', access: 'settings.admin' }),
}
