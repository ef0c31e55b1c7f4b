import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract, type CommandName } from '../../../src/shared/contract'
import type { ErrorCode, Result } from '../../../src/shared/errors'
import { PERMISSIONS, type Access, type Permission } from '../../../src/shared/permissions'
import type { TestBackend } from '../../support/backend'
import {
  addStaff,
  auditCount,
  desk,
  setUpCentre,
  signInAt,
  startDeskBackend,
  type Centre,
  type DefaultRoleKey,
  type Desk,
  type StaffAccount,
} from '../../support/desks'
import { TESTER, validInputs } from '../../support/commandSamples'
import { samplePerson } from '../../support/personSamples'

const isPermission = (access: string): access is Permission => (PERMISSIONS as readonly string[]).includes(access)

/** Public only before the first start (choosing the database, when nobody can sign in yet); an administrator's after. */
const UNTIL_SET_UP = new Set<CommandName>(['database/get-settings', 'database/test-server', 'database/join-server'])
/**
 * Granted, this one really switches the desk to its own file (on the PostgreSQL half) and signs every
 * desk out, which would end the premise of the tests after it: only its refusals are checked here;
 * an administrator using it is in tests/main/system/databaseSettings.test.ts.
 */
const SIGNS_EVERYONE_OUT = new Set<CommandName>(['database/use-file'])

/** The permission a command needs on a healthy data file; null when any staff member (or anyone) may call it. */
function neededPermission(access: Access, name: CommandName): Permission | null {
  // Recovery commands (backups) are open to anyone only while the file is damaged.
  if ((access as string) === 'recovery' || UNTIL_SET_UP.has(name)) return 'settings.admin'
  return isPermission(access) ? access : null
}

const commands = (Object.keys(contract) as CommandName[]).map((name) => ({
  name,
  access: contract[name].access,
  permission: neededPermission(contract[name].access, name),
}))
const ACCESS_ERRORS: ErrorCode[] = ['UNAUTHENTICATED', 'SESSION_LOCKED', 'FORBIDDEN']

function expectAccessGranted(result: Result<unknown>, name: string) {
  if (result.ok) return
  // The input is valid, so any refusal must come from the handler (a taken name, a missing id).
  expect([...ACCESS_ERRORS, 'VALIDATION_FAILED'], `${name}: ${result.error.message}`).not.toContain(result.error.code)
}

describe('who may call which command, signed in for real', () => {
  let backend: TestBackend
  let centre: Centre
  let testerId: number
  let inputs: Record<string, unknown>
  /** For each permission a command needs: a role with only that one, and a role with all others. */
  const onlyRole = new Map<Permission, number>()
  const allButRole = new Map<Permission, number>()
  let emptyRole: number

  beforeAll(async () => {
    backend = await startDeskBackend()
    centre = await setUpCentre(backend)
    for (const permission of PERMISSIONS) {
      const only = await centre.admin.call('roles/save', {
        id: null,
        expectedVersion: 0,
        name: `Only ${permission}`,
        permissions: [permission],
      })
      const allBut = await centre.admin.call('roles/save', {
        id: null,
        expectedVersion: 0,
        name: `All but ${permission}`,
        permissions: PERMISSIONS.filter((p) => p !== permission),
      })
      onlyRole.set(permission, only.id)
      allButRole.set(permission, allBut.id)
    }
    emptyRole = (
      await centre.admin.call('roles/save', { id: null, expectedVersion: 0, name: 'Nothing at all', permissions: [] })
    ).id
    testerId = (await addStaff(centre.admin, TESTER)).id
    inputs = validInputs(centre, testerId)
  })
  afterAll(() => backend?.dispose())

  /** Gives the tester exactly one role in the whole centre, replacing whatever they held. */
  async function holdOnly(roleId: number) {
    const member = (await centre.admin.call('staff/list', {})).find((staff) => staff.id === testerId)!
    for (const grant of member.grants) await centre.admin.call('staff/revoke-role', { grantId: grant.id })
    await centre.admin.call('staff/grant-role', {
      userId: testerId,
      roleId,
      unitId: centre.centreId,
      includeSubUnits: true,
    })
  }

  /** Undoes what auth/lock and auth/sign-out did to the tester's desk. */
  async function keepSignedIn(tester: Desk) {
    const state = await tester.call('auth/get-state', {})
    if (!state.session) await tester.call('auth/sign-in', { username: TESTER.username, password: TESTER.password })
    else if (state.session.locked) await tester.call('auth/unlock', { password: TESTER.password })
  }

  it('the matrix covers every command of the contract', () => {
    expect(Object.keys(inputs).sort()).toEqual(Object.keys(contract).sort())
  })

  it('with nobody signed in every command except the public ones answers UNAUTHENTICATED, and nothing is written', async () => {
    const stranger = desk(backend, 'stranger')
    const before = await auditCount(backend)
    for (const { name, access } of commands) {
      // Signing in with the right password would end the test's premise: nobody signed in.
      const input = name === 'auth/sign-in' ? { username: TESTER.username, password: 'not the password' } : inputs[name]
      const result = await stranger.dispatch(name, input)
      if (UNTIL_SET_UP.has(name)) {
        expect(result, name).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } })
      } else if (access === 'public') {
        if (!result.ok) expect(ACCESS_ERRORS, name).not.toContain(result.error.code)
      } else {
        expect(result, name).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.any(String) } })
      }
    }
    expect(await auditCount(backend)).toBe(before)
  })

  it('a staff member with every permission but the one a command needs is FORBIDDEN, and nothing is written', async () => {
    const tester = await signInAt(backend, 'tester-without', TESTER)
    for (const { name, permission } of commands) {
      if (!permission) continue
      await holdOnly(allButRole.get(permission)!)
      const before = await auditCount(backend)
      const result = await tester.dispatch(name, inputs[name])
      expect(result, name).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } })
      expect(await auditCount(backend), name).toBe(before)
    }
  })

  it('a staff member holding exactly the permission a command needs gets past every access check', async () => {
    const tester = await signInAt(backend, 'tester-with', TESTER)
    for (const { name, permission } of commands) {
      if (!permission || SIGNS_EVERYONE_OUT.has(name)) continue
      await holdOnly(onlyRole.get(permission)!)
      expectAccessGranted(await tester.dispatch(name, inputs[name]), name)
    }
  })

  it('a staff member whose role allows nothing may still use every signed-in and public command', async () => {
    await holdOnly(emptyRole)
    const tester = await signInAt(backend, 'tester-nothing', TESTER)
    for (const { name, permission } of commands) {
      if (permission) continue
      expectAccessGranted(await tester.dispatch(name, inputs[name]), name)
      await keepSignedIn(tester)
    }
  })

  describe('the default roles', () => {
    const members: Partial<Record<DefaultRoleKey, Desk>> = {}

    beforeAll(async () => {
      members.administrator = centre.admin
      const accounts: [Exclude<DefaultRoleKey, 'administrator'>, StaffAccount][] = [
        ['reception', { username: 'radka.recepce', displayName: 'Radka Recepční', password: 'recepce-123' }],
        ['leader', { username: 'vojta.vedouci', displayName: 'Vojtěch Vedoucí', password: 'vedouci-123' }],
        ['accountant', { username: 'ucetni.jitka', displayName: 'Jitka Účetní', password: 'ucetni-123' }],
      ]
      for (const [key, account] of accounts) {
        await addStaff(centre.admin, account, [
          { roleId: centre.roles[key], unitId: centre.centreId, includeSubUnits: true },
        ])
        members[key] = await signInAt(backend, `${key}-desk`, account)
      }
    })

    /** What each default role may do, spelled out as an administrator would explain it. */
    const expected: Record<DefaultRoleKey, Permission[]> = {
      administrator: [...PERMISSIONS],
      reception: [
        'people.view',
        'people.edit',
        'people.contacts',
        'enrolments.decide',
        'attendance.record',
        'documents.export',
        'ledger.post',
        'cash.close',
      ],
      leader: ['people.view', 'people.contacts', 'activities.edit', 'attendance.record', 'documents.export'],
      accountant: ['people.view', 'documents.export', 'ledger.post', 'ledger.void', 'cash.close', 'audit.view'],
    }

    it.each(['administrator', 'reception', 'leader', 'accountant'] as DefaultRoleKey[])(
      'the %s is allowed exactly the commands their permissions cover',
      async (key) => {
        const member = members[key]!
        const session = (await member.call('auth/get-state', {})).session!
        expect(session.permissions).toEqual(expected[key])
        for (const { name, permission } of commands) {
          if (!permission) continue
          if (SIGNS_EVERYONE_OUT.has(name) && expected[key].includes(permission)) continue
          const result = await member.dispatch(name, inputs[name])
          if (expected[key].includes(permission)) expectAccessGranted(result, `${key} ${name}`)
          else expect(result, `${key} ${name}`).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
        }
      },
    )

    it('reception cannot change the organisation, create staff or read the audit trail', async () => {
      const reception = members.reception!
      for (const [name, input] of [
        ['settings/update-organisation', inputs['settings/update-organisation']],
        ['staff/create', { displayName: 'Nový kolega', username: 'novy.kolega', password: 'heslo-12345' }],
        ['audit/search', inputs['audit/search']],
      ] as const) {
        expect(await reception.dispatch(name, input), name).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      }
    })

    it('reception can neither merge nor erase records; the administrator can do both', async () => {
      const register = (firstName: string) =>
        centre.admin.call('people/create', {
          person: samplePerson(centre.centreId, { firstName, lastName: 'Slučovaná' }),
          allowDuplicate: true,
        })
      const [keep, remove] = [(await register('Alena')).person.id, (await register('Alena')).person.id]
      const reception = members.reception!
      const merge = { keepId: keep, removeId: remove, takeFromRemoved: [] }
      for (const [name, input] of [
        ['people/merge-preview', { keepId: keep, removeId: remove }],
        ['people/merge', merge],
        ['people/erase', { id: keep, confirmLastName: 'Slučovaná' }],
      ] as const) {
        expect(await reception.dispatch(name, input), name).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      }
      const session = (await reception.call('auth/get-state', {})).session!
      expect(session.permissions).not.toContain('people.merge')
      expect(session.permissions).not.toContain('people.erase')

      const admin = members.administrator!
      expect(await admin.dispatch('people/merge', merge)).toMatchObject({ ok: true })
      const erased = await admin.dispatch('people/erase', { id: keep, confirmLastName: 'Slučovaná' })
      expect(erased).toMatchObject({ ok: true, data: { person: { id: keep, anonymised: true } } })
    })

    it('the accountant can read the audit trail but cannot create staff', async () => {
      const accountant = members.accountant!
      expect(await accountant.dispatch('audit/search', inputs['audit/search'])).toMatchObject({ ok: true })
      expect(await accountant.dispatch('audit/list-authors', {})).toMatchObject({ ok: true })
      const created = await accountant.dispatch('staff/create', {
        displayName: 'Nový kolega',
        username: 'novy.kolega',
        password: 'heslo-12345',
      })
      expect(created).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    })

    it('the administrator can create staff, change the organisation and read the audit trail', async () => {
      const admin = members.administrator!
      const { version } = await admin.call('settings/get-organisation', {})
      const organisation = { ...(inputs['settings/update-organisation'] as object), expectedVersion: version }
      expect(await admin.dispatch('settings/update-organisation', organisation)).toMatchObject({ ok: true })
      expect(await admin.dispatch('audit/search', inputs['audit/search'])).toMatchObject({ ok: true })
      const created = await admin.dispatch('staff/create', {
        displayName: 'Nový kolega',
        username: 'novy.kolega',
        password: 'heslo-12345',
      })
      expect(created).toMatchObject({ ok: true, data: { username: 'novy.kolega', grants: [] } })
    })
  })
})
