import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Unit } from '../../../src/shared/contract/units'
import { PERMISSIONS } from '../../../src/shared/permissions'
import type { TestBackend } from '../../support/backend'
import { rowCounts } from '../../support/database'
import {
  addStaff,
  ADMINISTRATOR,
  auditCount,
  desk,
  centreTemplate,
  deskSignedInAs,
  signInAt,
  type Centre,
  type CentreTemplate,
  type Desk,
  type StaffAccount,
} from '../../support/desks'

const JANA: StaffAccount = { username: 'jana.novakova', displayName: 'Jana Nováková', password: 'recepce-jana-1' }
const PETR: StaffAccount = { username: 'petr.dvorak', displayName: 'Petr Dvořák', password: 'zastupce-petr-1' }
const HANA: StaffAccount = { username: 'hana.hudebni', displayName: 'Hana Hudební', password: 'hudba-hana-1' }

/** A staff member's version as the administrator's list shows it now: where a dialog starts from. */
async function staffVersionNow(admin: Desk, id: number): Promise<number> {
  return (await admin.call('staff/list', {})).find((member) => member.id === id)?.version ?? 1
}

async function roleVersionNow(admin: Desk, id: number): Promise<number> {
  return (await admin.call('roles/list', {})).find((role) => role.id === id)?.version ?? 1
}

describe('staff members and their roles', () => {
  let backend: TestBackend
  let centre: Centre
  let admin: Desk
  let music: Unit
  let sport: Unit

  let template: CentreTemplate<{ music: Unit; sport: Unit }>

  beforeAll(async () => {
    template = await centreTemplate(async ({ admin, centreId }) => ({
      music: await admin.call('units/create', { name: 'Hudební oddělení', parentId: centreId }),
      sport: await admin.call('units/create', { name: 'Sportovní oddělení', parentId: centreId }),
    }))
  })
  afterAll(() => template?.dispose())
  beforeEach(async () => {
    ;({ backend, centre } = await template.start())
    admin = centre.admin
    ;({ music, sport } = template.extra)
  })
  afterEach(() => backend?.dispose())

  const signIn = (key: string, username: string, password: string) =>
    desk(backend, key).result('auth/sign-in', { username, password })
  const lastAdministrator = { ok: false, error: { code: 'CONFLICT', reason: 'last_administrator' } }
  const forbidden = { ok: false, error: { code: 'FORBIDDEN' } }

  describe('creating staff', () => {
    it('the administrator creates a staff member, who starts without any role', async () => {
      const jana = await admin.call('staff/create', JANA)
      expect(jana).toEqual({
        id: expect.any(Number),
        username: JANA.username,
        displayName: JANA.displayName,
        active: true,
        grants: [],
        version: 1,
      })
      expect((await admin.call('staff/list', {})).map((member) => member.username)).toEqual([
        ADMINISTRATOR.username,
        JANA.username,
      ])
      // She can sign in, but may do nothing beyond what every signed-in desk may.
      const janaDesk = await signInAt(backend, 'jana-desk', JANA)
      expect((await janaDesk.call('auth/get-state', {})).session?.permissions).toEqual([])
    })

    it('a username is taken whatever its case, and the refusal writes nothing', async () => {
      await admin.call('staff/create', JANA)
      const before = await rowCounts(backend)
      const taken = await admin.result('staff/create', { ...PETR, username: ' JANA.Novakova ' })
      expect(taken).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', reason: 'username_taken', fields: { username: { code: 'username_taken' } } },
      })
      expect(await rowCounts(backend)).toEqual(before)
    })
  })

  it('after a password reset the old password stops working and the new one works', async () => {
    const jana = await addStaff(admin, JANA)
    await admin.call('staff/reset-password', { id: jana.id, newPassword: 'nove-heslo-od-spravce' })
    expect(await signIn('desk-1', JANA.username, JANA.password)).toMatchObject({
      error: { code: 'INVALID_CREDENTIALS' },
    })
    expect(await signIn('desk-1', JANA.username, 'nove-heslo-od-spravce')).toMatchObject({ ok: true })
  })

  it('the administrator grants and revokes roles per unit, each with its audit row', async () => {
    const jana = await addStaff(admin, JANA)
    const granted = await admin.call('staff/grant-role', {
      userId: jana.id,
      roleId: centre.roles.reception,
      unitId: music.id,
      includeSubUnits: true,
    })
    expect(granted.grants).toEqual([
      {
        id: expect.any(Number),
        roleId: centre.roles.reception,
        roleName: 'Reception',
        unitId: music.id,
        unitName: 'Hudební oddělení',
        includeSubUnits: true,
      },
    ])
    const revoked = await admin.call('staff/revoke-role', { grantId: granted.grants[0].id })
    expect(revoked.grants).toEqual([])
    const search = await admin.call('audit/search', {
      staffUserId: null,
      command: null,
      text: 'Jana',
      from: null,
      to: null,
      utcOffsetMinutes: 0,
      beforeId: null,
    })
    expect(search.rows.map((row) => [row.command, row.target, row.summary])).toEqual([
      ['staff/revoke-role', `staff:${jana.id}`, 'Revoked Reception in Hudební oddělení from Jana Nováková'],
      [
        'staff/grant-role',
        `staff:${jana.id}`,
        'Granted Reception in Hudební oddělení and its sub-units to Jana Nováková',
      ],
      ['staff/create', `staff:${jana.id}`, expect.stringContaining(JANA.username)],
    ])
  })

  it('granting a role in a unit takes administering that unit', async () => {
    const hana = await addStaff(admin, HANA, [
      { roleId: centre.roles.administrator, unitId: music.id, includeSubUnits: true },
    ])
    const jana = await addStaff(admin, JANA, [
      { roleId: centre.roles.reception, unitId: sport.id, includeSubUnits: true },
    ])
    const hanaDesk = await deskSignedInAs(backend, 'hana-desk', hana.id)
    const grant = { userId: jana.id, roleId: centre.roles.reception, includeSubUnits: true }
    expect(await hanaDesk.result('staff/grant-role', { ...grant, unitId: music.id })).toMatchObject({ ok: true })
    expect(await hanaDesk.result('staff/grant-role', { ...grant, unitId: sport.id })).toMatchObject(forbidden)
    expect(await hanaDesk.result('staff/grant-role', { ...grant, unitId: centre.centreId })).toMatchObject(forbidden)
    const sportGrant = (await admin.call('staff/list', {}))
      .find((member) => member.id === jana.id)!
      .grants.find((g) => g.unitId === sport.id)!
    expect(await hanaDesk.result('staff/revoke-role', { grantId: sportGrant.id })).toMatchObject(forbidden)
    // Nor can she raise herself to the whole centre.
    expect(
      await hanaDesk.result('staff/grant-role', {
        userId: hana.id,
        roleId: centre.roles.administrator,
        unitId: centre.centreId,
        includeSubUnits: true,
      }),
    ).toMatchObject(forbidden)
  })

  describe('someone must always be able to administer the whole centre', () => {
    it('the last administrator cannot be deactivated', async () => {
      // Petr administers the centre's own unit, but not the units below it.
      const petr = await addStaff(admin, PETR, [
        { roleId: centre.roles.administrator, unitId: centre.centreId, includeSubUnits: false },
      ])
      const petrDesk = await deskSignedInAs(backend, 'petr-desk', petr.id)
      const before = await rowCounts(backend)
      expect(
        await petrDesk.result('staff/set-active', {
          id: centre.adminId,
          expectedVersion: await staffVersionNow(admin, centre.adminId),
          active: false,
        }),
      ).toMatchObject(lastAdministrator)
      expect(await rowCounts(backend)).toEqual(before)
      expect(await admin.result('units/list', {})).toMatchObject({ ok: true })
    })

    it('the last administrator cannot lose their grant', async () => {
      const [me] = await admin.call('staff/list', {})
      const before = await auditCount(backend)
      expect(await admin.result('staff/revoke-role', { grantId: me.grants[0].id })).toMatchObject(lastAdministrator)
      expect((await admin.call('staff/list', {}))[0].grants).toEqual(me.grants)
      expect(await auditCount(backend)).toBe(before)
    })

    it('the last administrator’s grant cannot be narrowed to the centre’s own unit', async () => {
      const [me] = await admin.call('staff/list', {})
      const narrowed = await admin.result('staff/grant-role', {
        userId: centre.adminId,
        roleId: centre.roles.administrator,
        unitId: centre.centreId,
        includeSubUnits: false,
      })
      expect(narrowed).toMatchObject(lastAdministrator)
      expect((await admin.call('staff/list', {}))[0].grants).toEqual(me.grants)
    })

    it('the Administrator role cannot lose settings.admin while it is the only way to administer the centre', async () => {
      const roles = await admin.call('roles/list', {})
      const withoutAdmin = PERMISSIONS.filter((permission) => permission !== 'settings.admin')
      const result = await admin.result('roles/save', {
        id: centre.roles.administrator,
        expectedVersion: await roleVersionNow(admin, centre.roles.administrator),
        name: 'Administrator',
        permissions: withoutAdmin,
      })
      expect(result).toMatchObject(lastAdministrator)
      expect(await admin.call('roles/list', {})).toEqual(roles)

      // Once another role administers the whole centre, the Administrator role may be trimmed.
      const management = await admin.call('roles/save', {
        id: null,
        expectedVersion: 0,
        name: 'Vedení',
        permissions: ['settings.admin'],
      })
      await admin.call('staff/grant-role', {
        userId: centre.adminId,
        roleId: management.id,
        unitId: centre.centreId,
        includeSubUnits: true,
      })
      expect(
        await admin.result('roles/save', {
          id: centre.roles.administrator,
          expectedVersion: await roleVersionNow(admin, centre.roles.administrator),
          name: 'Administrator',
          permissions: withoutAdmin,
        }),
      ).toMatchObject({ ok: true, data: { permissions: withoutAdmin } })
    })

    it('with a second administrator of the whole centre, one may deactivate the other', async () => {
      const petr = await addStaff(admin, PETR, [
        { roleId: centre.roles.administrator, unitId: centre.centreId, includeSubUnits: true },
      ])
      expect(
        await admin.call('staff/set-active', {
          id: petr.id,
          expectedVersion: await staffVersionNow(admin, petr.id),
          active: false,
        }),
      ).toMatchObject({ active: false })
      expect(
        await admin.call('staff/set-active', {
          id: petr.id,
          expectedVersion: await staffVersionNow(admin, petr.id),
          active: true,
        }),
      ).toMatchObject({ active: true })
    })

    it('nobody can deactivate themselves', async () => {
      await addStaff(admin, PETR, [
        { roleId: centre.roles.administrator, unitId: centre.centreId, includeSubUnits: true },
      ])
      expect(
        await admin.result('staff/set-active', {
          id: centre.adminId,
          expectedVersion: await staffVersionNow(admin, centre.adminId),
          active: false,
        }),
      ).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', reason: 'deactivate_self' },
      })
      expect(await admin.result('units/list', {})).toMatchObject({ ok: true })
    })
  })

  describe('a department administrator cannot take over staff of the whole centre', () => {
    let hanaDesk: Desk
    beforeEach(async () => {
      const hana = await addStaff(admin, HANA, [
        { roleId: centre.roles.administrator, unitId: music.id, includeSubUnits: true },
      ])
      hanaDesk = await deskSignedInAs(backend, 'hana-desk', hana.id)
    })

    it('she cannot reset the password of, deactivate or rename the centre’s administrator', async () => {
      const before = await rowCounts(backend)
      expect(
        await hanaDesk.result('staff/reset-password', { id: centre.adminId, newPassword: 'prevzato-heslo' }),
      ).toMatchObject(forbidden)
      expect(
        await hanaDesk.result('staff/set-active', {
          id: centre.adminId,
          expectedVersion: await staffVersionNow(admin, centre.adminId),
          active: false,
        }),
      ).toMatchObject(forbidden)
      expect(
        await hanaDesk.result('staff/rename', {
          id: centre.adminId,
          expectedVersion: await staffVersionNow(admin, centre.adminId),
          displayName: 'Bývalý správce',
        }),
      ).toMatchObject(forbidden)
      expect(await rowCounts(backend)).toEqual(before)
      expect(await signIn('check', ADMINISTRATOR.username, ADMINISTRATOR.password)).toMatchObject({ ok: true })
    })

    it('she manages the staff whose roles are all in her department', async () => {
      const jana = await addStaff(admin, JANA, [
        { roleId: centre.roles.reception, unitId: music.id, includeSubUnits: true },
      ])
      expect(
        await hanaDesk.result('staff/rename', {
          id: jana.id,
          expectedVersion: await staffVersionNow(admin, jana.id),
          displayName: 'Jana Nová',
        }),
      ).toMatchObject({
        ok: true,
      })
      expect(
        await hanaDesk.result('staff/set-active', {
          id: jana.id,
          expectedVersion: await staffVersionNow(admin, jana.id),
          active: false,
        }),
      ).toMatchObject({ ok: true })
      // Once Jana also works at the sports department, she is no longer Hana's alone to manage.
      await admin.call('staff/set-active', {
        id: jana.id,
        expectedVersion: await staffVersionNow(admin, jana.id),
        active: true,
      })
      await admin.call('staff/grant-role', {
        userId: jana.id,
        roleId: centre.roles.reception,
        unitId: sport.id,
        includeSubUnits: true,
      })
      expect(
        await hanaDesk.result('staff/set-active', {
          id: jana.id,
          expectedVersion: await staffVersionNow(admin, jana.id),
          active: false,
        }),
      ).toMatchObject(forbidden)
    })

    it('she cannot widen a role that is granted outside her department', async () => {
      await addStaff(admin, JANA, [{ roleId: centre.roles.reception, unitId: centre.centreId, includeSubUnits: true }])
      const roles = await admin.call('roles/list', {})
      const widened = await hanaDesk.result('roles/save', {
        id: centre.roles.reception,
        expectedVersion: await roleVersionNow(admin, centre.roles.reception),
        name: 'Reception',
        permissions: [...PERMISSIONS],
      })
      expect(widened).toMatchObject(forbidden)
      expect(await admin.call('roles/list', {})).toEqual(roles)
      // A role of her own, used only in her department, is hers to edit.
      const own = await hanaDesk.call('roles/save', {
        id: null,
        expectedVersion: 0,
        name: 'Lektor hudby',
        permissions: ['people.view'],
      })
      expect(
        await hanaDesk.result('roles/save', {
          id: own.id,
          expectedVersion: await roleVersionNow(admin, own.id),
          name: 'Lektor hudby',
          permissions: ['people.view', 'attendance.record'],
        }),
      ).toMatchObject({ ok: true })
    })
  })

  describe('roles', () => {
    it('the administrator creates and edits a role; its permissions come back in the catalogue’s order', async () => {
      const created = await admin.call('roles/save', {
        id: null,
        expectedVersion: 0,
        name: 'Pokladní',
        permissions: ['cash.close', 'people.view', 'ledger.post'],
      })
      expect(created).toEqual({
        id: expect.any(Number),
        name: 'Pokladní',
        permissions: ['people.view', 'ledger.post', 'cash.close'],
        grantCount: 0,
        version: 1,
      })
      const edited = await admin.call('roles/save', {
        id: created.id,
        expectedVersion: await roleVersionNow(admin, created.id),
        name: 'Pokladna',
        permissions: ['people.view'],
      })
      expect(edited).toEqual({ ...created, name: 'Pokladna', permissions: ['people.view'], version: 2 })
      // Saving under its own name again is not a clash.
      expect(
        await admin.result('roles/save', {
          id: created.id,
          expectedVersion: await roleVersionNow(admin, created.id),
          name: 'Pokladna',
          permissions: [],
        }),
      ).toMatchObject({
        ok: true,
      })
    })

    it('two roles cannot share a name', async () => {
      const cashier = await admin.call('roles/save', {
        id: null,
        expectedVersion: 0,
        name: 'Pokladní',
        permissions: [],
      })
      const roles = await admin.call('roles/list', {})
      const conflict = { ok: false, error: { code: 'CONFLICT', reason: 'role_name_taken', fields: { name: {} } } }
      expect(
        await admin.result('roles/save', { id: null, expectedVersion: 0, name: 'Reception', permissions: [] }),
      ).toMatchObject(conflict)
      expect(
        await admin.result('roles/save', {
          id: cashier.id,
          expectedVersion: await roleVersionNow(admin, cashier.id),
          name: 'Accountant',
          permissions: [],
        }),
      ).toMatchObject(conflict)
      expect(await admin.call('roles/list', {})).toEqual(roles)
    })

    it('a role someone holds cannot be deleted; an unused one can', async () => {
      await addStaff(admin, JANA, [{ roleId: centre.roles.reception, unitId: music.id, includeSubUnits: false }])
      expect(await admin.result('roles/delete', { id: centre.roles.reception })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', reason: 'role_in_use' },
      })
      expect((await admin.call('roles/list', {})).find((role) => role.id === centre.roles.reception)).toMatchObject({
        grantCount: 1,
      })
      expect(await admin.call('roles/delete', { id: centre.roles.leader })).toBeNull()
      expect((await admin.call('roles/list', {})).map((role) => role.name)).toEqual([
        'Administrator',
        'Reception',
        'Accountant',
      ])
      expect(await admin.result('roles/delete', { id: centre.roles.leader })).toMatchObject({
        error: { code: 'NOT_FOUND' },
      })
    })
  })

  describe('changes reach a desk already signed in, at its next call', () => {
    let jana: number
    let janaDesk: Desk
    const search = {
      staffUserId: null,
      command: null,
      text: '',
      from: null,
      to: null,
      utcOffsetMinutes: 0,
      beforeId: null,
    }
    beforeEach(async () => {
      jana = (
        await addStaff(admin, JANA, [
          { roleId: centre.roles.reception, unitId: centre.centreId, includeSubUnits: true },
        ])
      ).id
      janaDesk = await deskSignedInAs(backend, 'jana-desk', jana)
    })

    it('a granted role works at once, and a revoked one is FORBIDDEN at once', async () => {
      expect(await janaDesk.result('audit/search', search)).toMatchObject(forbidden)
      const granted = await admin.call('staff/grant-role', {
        userId: jana,
        roleId: centre.roles.accountant,
        unitId: centre.centreId,
        includeSubUnits: true,
      })
      expect(await janaDesk.result('audit/search', search)).toMatchObject({ ok: true })
      expect((await janaDesk.call('auth/get-state', {})).session?.permissions).toContain('audit.view')
      const accountantGrant = granted.grants.find((grant) => grant.roleId === centre.roles.accountant)!
      await admin.call('staff/revoke-role', { grantId: accountantGrant.id })
      expect(await janaDesk.result('audit/search', search)).toMatchObject(forbidden)
      expect((await janaDesk.call('auth/get-state', {})).session?.permissions).not.toContain('audit.view')
    })

    it('a permission added to or taken from her role applies at once', async () => {
      const reception = (await admin.call('roles/list', {})).find((role) => role.id === centre.roles.reception)!
      await admin.call('roles/save', {
        id: reception.id,
        expectedVersion: await roleVersionNow(admin, reception.id),
        name: reception.name,
        permissions: [...reception.permissions, 'audit.view'],
      })
      expect(await janaDesk.result('audit/search', search)).toMatchObject({ ok: true })
      await admin.call('roles/save', {
        id: reception.id,
        expectedVersion: await roleVersionNow(admin, reception.id),
        name: reception.name,
        permissions: reception.permissions,
      })
      expect(await janaDesk.result('audit/search', search)).toMatchObject(forbidden)
    })

    it('a renamed staff member’s desk shows the new name at once', async () => {
      await admin.call('staff/rename', {
        id: jana,
        expectedVersion: await staffVersionNow(admin, jana),
        displayName: 'Jana Dvořáková',
      })
      expect((await janaDesk.call('auth/get-state', {})).session?.displayName).toBe('Jana Dvořáková')
    })
  })
})
