import type { CommandName, InputOf } from '../../src/shared/contract'
import { ADMINISTRATOR, CENTRE_NAME, type Centre, type StaffAccount } from './desks'
import { sampleOrganisation } from './organisation'
import { samplePerson } from './people'
import { sampleActivity } from './activities'

export const TESTER: StaffAccount = { username: 'tomas.tester', displayName: 'Tomáš Zkoušecí', password: 'zkouska-123' }
export const NO_SUCH_ID = 999_999
/** A version no record reaches in a test: a save from it is refused as stale and changes nothing. */
export const STALE_VERSION = 999_999

/** A server that cannot answer (port 1 on loopback): joining or moving there is refused and writes nothing. */
export const UNREACHABLE_SERVER = {
  host: '127.0.0.1',
  port: 1,
  database: 'frontdesk',
  user: 'frontdesk_desk',
  password: 'secret',
  tls: 'disable' as const,
}

/**
 * A valid input for every command, chosen so that running it changes nothing that matters
 * (a taken name, a missing id, the value already stored). Typed over the whole contract:
 * a new command does not compile here until the matrix knows how to call it.
 */
export function validInputs(
  centre: Pick<Centre, 'centreId' | 'roles'>,
  testerId: number,
): { [N in CommandName]: InputOf<N> } {
  return {
    'system/get-status': {},
    'system/list-backups': {},
    'system/create-backup': {},
    'system/restore-backup': { name: 'frontdesk-20250101T000000000Z-manual.sqlite' },
    'database/get-settings': {},
    'database/test-server': UNREACHABLE_SERVER,
    'database/join-server': UNREACHABLE_SERVER,
    'database/move-to-server': UNREACHABLE_SERVER,
    'database/use-file': {},
    'auth/get-state': {},
    'auth/set-up': { centreName: 'Another centre', language: 'en', ...ADMINISTRATOR },
    'auth/sign-in': { username: TESTER.username, password: TESTER.password },
    'auth/unlock': { password: TESTER.password },
    'auth/lock': {},
    'auth/sign-out': {},
    'auth/touch': {},
    'auth/change-password': { currentPassword: TESTER.password, newPassword: TESTER.password },
    'settings/get-organisation': {},
    'settings/update-organisation': { ...sampleOrganisation(CENTRE_NAME), expectedVersion: STALE_VERSION },
    'settings/get-security': {},
    'settings/update-security': { autoLockMinutes: 10, expectedVersion: STALE_VERSION },
    'units/list': {},
    'units/create': { name: 'Keramika', parentId: centre.centreId },
    'units/rename': { id: centre.centreId, name: CENTRE_NAME, expectedVersion: STALE_VERSION },
    'units/move': { id: centre.centreId, parentId: centre.centreId, expectedVersion: STALE_VERSION },
    'units/set-archived': { id: centre.centreId, archived: false, expectedVersion: STALE_VERSION },
    'staff/list': {},
    'staff/create': { displayName: 'Someone', username: ADMINISTRATOR.username, password: 'whatever-123' },
    'staff/rename': { id: testerId, displayName: TESTER.displayName, expectedVersion: STALE_VERSION },
    'staff/set-active': { id: testerId, active: true, expectedVersion: STALE_VERSION },
    'staff/reset-password': { id: NO_SUCH_ID, newPassword: 'whatever-123' },
    'staff/grant-role': {
      userId: NO_SUCH_ID,
      roleId: centre.roles.reception,
      unitId: centre.centreId,
      includeSubUnits: true,
    },
    'staff/revoke-role': { grantId: NO_SUCH_ID },
    'roles/list': {},
    'roles/save': { id: null, name: 'Administrator', permissions: [], expectedVersion: 0 },
    'roles/delete': { id: NO_SUCH_ID },
    'audit/search': {
      staffUserId: null,
      command: null,
      text: '',
      from: null,
      to: null,
      utcOffsetMinutes: 60,
      beforeId: null,
    },
    'audit/list-authors': {},
    'people/search': { query: 'novak' },
    'people/list': { locale: 'cs', membership: 'all', includeArchived: false, offset: 0, limit: 50 },
    'people/get': { id: NO_SUCH_ID },
    'people/find-duplicates': { firstName: 'Jana', lastName: 'Nováková', birthDate: null, email: null, phones: [] },
    // Refused after the insert (no such guardian), so the transaction leaves nothing behind.
    'people/create': {
      // Without contacts: those need people.contacts on top of the command's people.edit.
      person: samplePerson(centre.centreId, { contacts: undefined }),
      link: { personId: NO_SUCH_ID, as: 'child', ...SAMPLE_LINK },
    },
    'people/update': { id: NO_SUCH_ID, person: samplePerson(centre.centreId), expectedVersion: 1 },
    'people/set-archived': { id: NO_SUCH_ID, archived: false },
    'people/link': { guardianId: NO_SUCH_ID, participantId: NO_SUCH_ID - 1, ...SAMPLE_LINK },
    'people/update-link': { guardianshipId: NO_SUCH_ID, ...SAMPLE_LINK },
    'people/unlink': { guardianshipId: NO_SUCH_ID },
    'people/merge-preview': { keepId: NO_SUCH_ID, removeId: NO_SUCH_ID - 1 },
    'people/merge': { keepId: NO_SUCH_ID, removeId: NO_SUCH_ID - 1, takeFromRemoved: [] },
    'people/merge-history': { id: NO_SUCH_ID },
    'people/export': { id: NO_SUCH_ID, format: 'json', locale: 'en' },
    'people/erase': { id: NO_SUCH_ID, confirmLastName: 'Nováková' },
    'activities/list-places': {},
    'activities/create-place': { name: 'Keramická dílna', kind: 'room', capacity: null },
    'activities/update-place': {
      id: NO_SUCH_ID,
      name: 'Tělocvična',
      kind: 'gym',
      capacity: null,
      archived: false,
      expectedVersion: STALE_VERSION,
    },
    'activities/list': { schoolYearId: null, kind: null, state: null, unitId: null, text: '' },
    'activities/get': { id: NO_SUCH_ID },
    'activities/check-clashes': { id: null, activity: sampleActivity(centre.centreId) },
    'activities/create': { activity: { ...sampleActivity(centre.centreId), unitId: NO_SUCH_ID }, clashOverride: null },
    'activities/update': {
      id: NO_SUCH_ID,
      expectedVersion: STALE_VERSION,
      activity: sampleActivity(centre.centreId),
      clashOverride: null,
    },
    'activities/publish': { id: NO_SUCH_ID, expectedVersion: STALE_VERSION },
    'activities/finish': { id: NO_SUCH_ID, expectedVersion: STALE_VERSION },
    'activities/cancel': {
      id: NO_SUCH_ID,
      expectedVersion: STALE_VERSION,
      reason: 'Nemoc vedoucího',
      feeAction: 'refund',
    },
    'activities/delete': { id: NO_SUCH_ID, expectedVersion: STALE_VERSION },
    'activities/copy-to-year': { id: NO_SUCH_ID, schoolYearId: NO_SUCH_ID, termId: null },
    'activities/list-sessions': { activityId: NO_SUCH_ID },
    'activities/regenerate-sessions': { activityId: NO_SUCH_ID },
    'activities/cancel-session': { id: NO_SUCH_ID, expectedVersion: STALE_VERSION, reason: 'Nemoc' },
    'activities/move-session': {
      id: NO_SUCH_ID,
      expectedVersion: STALE_VERSION,
      date: '2026-10-05',
      startsAt: null,
      endsAt: null,
      placeId: null,
      clashOverride: null,
    },
    'activities/add-session': {
      activityId: NO_SUCH_ID,
      date: '2026-10-05',
      startsAt: null,
      endsAt: null,
      placeId: null,
      clashOverride: null,
    },
    'enrolments/apply': {
      activityId: NO_SUCH_ID,
      personIds: [NO_SUCH_ID],
      priceOptionId: null,
      source: 'staff',
      note: '',
    },
    'enrolments/decide': { ids: [NO_SUCH_ID], decision: 'approve', reason: '' },
    'enrolments/withdraw': { ids: [NO_SUCH_ID], reason: '', source: 'staff' },
    'enrolments/undo-approval': { id: NO_SUCH_ID, expectedVersion: STALE_VERSION, reason: 'Omyl' },
    'enrolments/offer-seat': { id: NO_SUCH_ID, expectedVersion: STALE_VERSION },
    'enrolments/answer-offer': { id: NO_SUCH_ID, expectedVersion: STALE_VERSION, accept: true },
    'enrolments/move-in-waitlist': {
      id: NO_SUCH_ID,
      expectedVersion: STALE_VERSION,
      position: 1,
      reason: 'Sourozenec',
    },
    'enrolments/offer-returning': { fromActivityId: NO_SUCH_ID, toActivityId: NO_SUCH_ID },
    'enrolments/expire-offers': {},
    'enrolments/list-for-activity': { activityId: NO_SUCH_ID, states: ['approved'] },
    'enrolments/list-for-person': { personId: NO_SUCH_ID },
    'enrolments/history': { id: NO_SUCH_ID },
    'enrolments/queue': {
      unitId: null,
      kind: null,
      activityId: null,
      ageMin: null,
      ageMax: null,
      appliedFrom: null,
      appliedTo: null,
      offset: 0,
      limit: 50,
    },
  }
}

const SAMPLE_LINK = { relation: 'mother', primaryContact: true, mayPickUp: true } as const
