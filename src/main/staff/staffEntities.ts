import { EntitySchema } from 'typeorm'

export interface StaffUserRow {
  id: number
  username: string
  /** Lower-cased, NFC: `Jana` and `jana` are one account. */
  usernameKey: string
  displayName: string
  passwordHash: string
  active: boolean
  createdAt: string
  passwordChangedAt: string
  /** Counts changes to what the staff screen edits (name, active); a password change leaves it. */
  version: number
}

export const StaffUserSchema = new EntitySchema<StaffUserRow>({
  name: 'StaffUser',
  tableName: 'staff_user',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    username: { type: 'varchar', length: 60 },
    usernameKey: { type: 'varchar', name: 'username_key', length: 60, unique: true },
    displayName: { type: 'varchar', name: 'display_name', length: 120 },
    passwordHash: { type: 'varchar', name: 'password_hash', length: 300 },
    active: { type: 'boolean', default: true },
    createdAt: { type: 'varchar', name: 'created_at', length: 30 },
    passwordChangedAt: { type: 'varchar', name: 'password_changed_at', length: 30 },
    version: { type: 'integer', version: true },
  },
})

export interface RoleRow {
  id: number
  name: string
  /** JSON array of permission names. */
  permissions: string
  createdAt: string
  version: number
}

export const RoleSchema = new EntitySchema<RoleRow>({
  name: 'Role',
  tableName: 'role',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    name: { type: 'varchar', length: 60, unique: true },
    permissions: { type: 'text' },
    createdAt: { type: 'varchar', name: 'created_at', length: 30 },
    version: { type: 'integer', version: true },
  },
})

export interface RoleGrantRow {
  id: number
  staffUserId: number
  roleId: number
  unitId: number
  includeSubUnits: boolean
}

export const RoleGrantSchema = new EntitySchema<RoleGrantRow>({
  name: 'RoleGrant',
  tableName: 'role_grant',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    staffUserId: { type: 'integer', name: 'staff_user_id' },
    roleId: { type: 'integer', name: 'role_id' },
    unitId: { type: 'integer', name: 'unit_id' },
    includeSubUnits: { type: 'boolean', name: 'include_sub_units' },
  },
})

export function usernameKey(username: string): string {
  return username.trim().normalize('NFC').toLowerCase()
}
