import type { Locale } from '../../shared/locales'
import { PERMISSIONS, type Permission } from '../../shared/permissions'

interface DefaultRole {
  key: 'administrator' | 'reception' | 'leader' | 'accountant'
  permissions: readonly Permission[]
}

/** What each kind of staff member needs on a normal day; the administrator can edit them all. */
export const DEFAULT_ROLES: readonly DefaultRole[] = [
  { key: 'administrator', permissions: PERMISSIONS },
  {
    key: 'reception',
    permissions: [
      'people.view',
      'people.edit',
      'people.contacts',
      'enrolments.decide',
      'attendance.record',
      'documents.export',
      'ledger.post',
      'cash.close',
    ],
  },
  {
    key: 'leader',
    // Leaders need the guardians' phones and the health notes of the children they take out.
    permissions: ['people.view', 'people.contacts', 'activities.edit', 'attendance.record', 'documents.export'],
  },
  {
    key: 'accountant',
    permissions: ['people.view', 'documents.export', 'ledger.post', 'ledger.void', 'cash.close', 'audit.view'],
  },
]

/** Role names are data once created; they start in the language chosen at the first start. */
export const DEFAULT_ROLE_NAMES: Record<Locale, Record<DefaultRole['key'], string>> = {
  en: { administrator: 'Administrator', reception: 'Reception', leader: 'Activity leader', accountant: 'Accountant' },
  cs: { administrator: 'Správce', reception: 'Recepce', leader: 'Vedoucí kroužku', accountant: 'Účetní' },
}
