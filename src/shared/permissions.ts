/** Everything a role can allow. Commands declare one of these (or `signed-in` / `public`). */
export const PERMISSIONS = [
  'people.view',
  'people.edit',
  'people.contacts',
  'people.merge',
  'people.erase',
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

/**
 * `public`: no session needed (start-up status); `signed-in`: any staff session;
 * `recovery`: settings.admin, or anyone while the data file is damaged — then nobody may be
 * able to sign in, and restoring a backup must still be possible.
 */
export type Access = Permission | 'signed-in' | 'public' | 'recovery'
