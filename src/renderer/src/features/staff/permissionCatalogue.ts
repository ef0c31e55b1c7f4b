import type { Permission } from '@shared/permissions'

/** Permissions grouped the way a reception thinks of its work, for the role editor. */
export const PERMISSION_GROUPS: readonly {
  key: 'people' | 'activities' | 'money' | 'administration'
  permissions: readonly Permission[]
}[] = [
  { key: 'people', permissions: ['people.view', 'people.edit', 'people.contacts', 'people.merge', 'people.erase'] },
  { key: 'activities', permissions: ['activities.edit', 'enrolments.decide', 'attendance.record', 'documents.export'] },
  { key: 'money', permissions: ['ledger.post', 'ledger.void', 'cash.close'] },
  { key: 'administration', permissions: ['settings.admin', 'audit.view'] },
]

/** `people.view` → `staff.permissions.people.view.name` (the dot nests the key). */
export const permissionName = (permission: Permission) => `staff.permissions.${permission}.name`
export const permissionHint = (permission: Permission) => `staff.permissions.${permission}.hint`
