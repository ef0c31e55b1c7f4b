import { z } from 'zod'
import { PERMISSIONS, type Permission } from '../permissions'
import { displayName, password, ROLE_NAME_MAX, username } from './auth'
import { command } from './define'

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
}

export interface Role {
  id: number
  name: string
  permissions: Permission[]
  /** How many grants use it: a role in use cannot be deleted, only edited. */
  grantCount: number
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
    input: z.object({ id, displayName }),
    kind: 'write',
    access: 'settings.admin',
  }),
  'staff/set-active': command<StaffMember>()({
    input: z.object({ id, active: z.boolean() }),
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
  'roles/save': command<Role>()({
    input: z.object({
      id: id.nullable(),
      name: z.string().trim().min(1).max(ROLE_NAME_MAX),
      permissions: z.array(z.enum(PERMISSIONS)).max(PERMISSIONS.length),
    }),
    kind: 'write',
    access: 'settings.admin',
  }),
  'roles/delete': command<null>()({ input: z.object({ id }), kind: 'write', access: 'settings.admin' }),
}
