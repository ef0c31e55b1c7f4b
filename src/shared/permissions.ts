/** Everything a role can allow. Commands declare one of these (or `signed-in` / `public`). */
export const PERMISSIONS = [
  'people.view',
  'people.edit',
  'people.contacts',
  'activities.edit',
  'enrolments.decide',
  'attendance.record',
  'documents.export',
  'ledger.post',
  'ledger.void',
  'cash.close',
  'settings.admin',
  'audit.view',
] as const

export type Permission = (typeof PERMISSIONS)[number]

/** `public`: no session needed (start-up status); `signed-in`: any staff session. */
export type Access = Permission | 'signed-in' | 'public'
