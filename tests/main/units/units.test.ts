import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Unit } from '../../../src/shared/contract/units'
import type { TestBackend } from '../../support/backend'
import { queryCommitted } from '../../support/database'
import {
  addStaff,
  auditCount,
  CENTRE_NAME,
  centreTemplate,
  deskSignedInAs,
  setUpCentre,
  startDeskBackend,
  type Centre,
  type CentreTemplate,
  type Desk,
  type StaffAccount,
} from '../../support/desks'

interface AuditLine {
  staff_user_id: number | null
  staff_name: string
  command: string
  target: string | null
  summary: string
}

/** A unit's version as the tree on screen shows it now: where a dialog starts from. */
async function versionNow(desk: Desk, id: number): Promise<number> {
  return (await desk.call('units/list', {})).find((unit) => unit.id === id)?.version ?? 1
}

const auditLines = (backend: TestBackend) =>
  queryCommitted<AuditLine>(
    backend,
    'SELECT staff_user_id, staff_name, command, target, summary FROM audit_log WHERE command LIKE ? ORDER BY id',
    ['units/%'],
  )

describe('the unit tree', () => {
  let backend: TestBackend
  let centre: Centre
  let admin: Desk
  let music: Unit
  let sport: Unit
  let guitar: Unit

  let template: CentreTemplate<{ music: Unit; sport: Unit; guitar: Unit }>

  beforeAll(async () => {
    template = await centreTemplate(async ({ admin, centreId }) => {
      const music = await admin.call('units/create', { name: 'Hudební oddělení', parentId: centreId })
      const sport = await admin.call('units/create', { name: 'Sportovní oddělení', parentId: centreId })
      const guitar = await admin.call('units/create', { name: 'Kytara pro začátečníky', parentId: music.id })
      return { music, sport, guitar }
    })
  })
  afterAll(() => template?.dispose())
  beforeEach(async () => {
    ;({ backend, centre } = await template.start())
    admin = centre.admin
    ;({ music, sport, guitar } = template.extra)
  })
  afterEach(() => backend?.dispose())

  const treeOf = async () =>
    (await admin.call('units/list', {})).map((unit) => [unit.name, unit.parentId, unit.archived])

  it('the administrator creates, renames, moves and archives units, each change with its audit row', async () => {
    // Each change answers with the unit's new version, which the next change starts from.
    const renamed = await admin.call('units/rename', {
      id: guitar.id,
      expectedVersion: guitar.version,
      name: 'Kytara – začátečníci',
    })
    expect(renamed).toEqual({ ...guitar, name: 'Kytara – začátečníci', version: guitar.version + 1 })
    const moved = await admin.call('units/move', {
      id: guitar.id,
      expectedVersion: renamed.version,
      parentId: sport.id,
    })
    expect(moved).toMatchObject({ id: guitar.id, parentId: sport.id, version: renamed.version + 1 })
    const archived = await admin.call('units/set-archived', {
      id: guitar.id,
      expectedVersion: moved.version,
      archived: true,
    })
    expect(archived).toMatchObject({ id: guitar.id, archived: true, version: moved.version + 1 })

    expect(await treeOf()).toEqual([
      [CENTRE_NAME, null, false],
      ['Hudební oddělení', centre.centreId, false],
      ['Sportovní oddělení', centre.centreId, false],
      ['Kytara – začátečníci', sport.id, true],
    ])
    const who = { staff_user_id: centre.adminId, staff_name: 'Eva Správcová' }
    expect(await auditLines(backend)).toEqual([
      {
        ...who,
        command: 'units/create',
        target: `unit:${music.id}`,
        summary: expect.stringContaining('Hudební oddělení'),
      },
      { ...who, command: 'units/create', target: `unit:${sport.id}`, summary: expect.stringContaining('Sportovní') },
      { ...who, command: 'units/create', target: `unit:${guitar.id}`, summary: expect.stringContaining('Kytara') },
      {
        ...who,
        command: 'units/rename',
        target: `unit:${guitar.id}`,
        summary: expect.stringMatching(/Kytara pro začátečníky.*Kytara – začátečníci/),
      },
      { ...who, command: 'units/move', target: `unit:${guitar.id}`, summary: expect.stringContaining('Sportovní') },
      {
        ...who,
        command: 'units/set-archived',
        target: `unit:${guitar.id}`,
        summary: expect.stringContaining('Archived'),
      },
    ])
  })

  it('an archived unit can be restored while its parent is active', async () => {
    await admin.call('units/set-archived', {
      id: guitar.id,
      expectedVersion: await versionNow(admin, guitar.id),
      archived: true,
    })
    expect(
      await admin.call('units/set-archived', {
        id: guitar.id,
        expectedVersion: await versionNow(admin, guitar.id),
        archived: false,
      }),
    ).toMatchObject({
      archived: false,
    })
  })

  it('a unit cannot move under itself or under one of its own sub-units', async () => {
    const beginners = await admin.call('units/create', { name: 'Začátečníci', parentId: guitar.id })
    const before = await treeOf()
    for (const parentId of [music.id, guitar.id, beginners.id]) {
      const result = await admin.result('units/move', {
        id: music.id,
        expectedVersion: await versionNow(admin, music.id),
        parentId,
      })
      expect(result, `under ${parentId}`).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', reason: 'unit_cycle', fields: { parentId: { code: 'unit_cycle' } } },
      })
    }
    expect(await treeOf()).toEqual(before)
  })

  it('the centre itself can be neither moved nor archived', async () => {
    const auditBefore = await auditCount(backend)
    expect(
      await admin.result('units/move', {
        id: centre.centreId,
        expectedVersion: await versionNow(admin, centre.centreId),
        parentId: music.id,
      }),
    ).toMatchObject({
      error: { code: 'CONFLICT', reason: 'root_unit' },
    })
    expect(
      await admin.result('units/set-archived', {
        id: centre.centreId,
        expectedVersion: await versionNow(admin, centre.centreId),
        archived: true,
      }),
    ).toMatchObject({
      error: { code: 'CONFLICT', reason: 'root_unit' },
    })
    expect(await auditCount(backend)).toBe(auditBefore)
  })

  it('a unit with active sub-units cannot be archived until they are', async () => {
    expect(
      await admin.result('units/set-archived', {
        id: music.id,
        expectedVersion: await versionNow(admin, music.id),
        archived: true,
      }),
    ).toMatchObject({
      error: { code: 'CONFLICT', reason: 'has_active_sub_units' },
    })
    expect((await treeOf())[1]).toEqual(['Hudební oddělení', centre.centreId, false])
    await admin.call('units/set-archived', {
      id: guitar.id,
      expectedVersion: await versionNow(admin, guitar.id),
      archived: true,
    })
    expect(
      await admin.call('units/set-archived', {
        id: music.id,
        expectedVersion: await versionNow(admin, music.id),
        archived: true,
      }),
    ).toMatchObject({ archived: true })
  })

  it('nothing new goes under an archived unit: no new unit, no move, no restoring a sub-unit', async () => {
    await admin.call('units/set-archived', {
      id: guitar.id,
      expectedVersion: await versionNow(admin, guitar.id),
      archived: true,
    })
    await admin.call('units/set-archived', {
      id: music.id,
      expectedVersion: await versionNow(admin, music.id),
      archived: true,
    })
    const before = await treeOf()
    const parentArchived = { ok: false, error: { code: 'CONFLICT', reason: 'parent_archived' } }
    expect(await admin.result('units/create', { name: 'Flétna', parentId: music.id })).toMatchObject(parentArchived)
    expect(
      await admin.result('units/move', {
        id: sport.id,
        expectedVersion: await versionNow(admin, sport.id),
        parentId: music.id,
      }),
    ).toMatchObject(parentArchived)
    expect(
      await admin.result('units/set-archived', {
        id: guitar.id,
        expectedVersion: await versionNow(admin, guitar.id),
        archived: false,
      }),
    ).toMatchObject(parentArchived)
    expect(await treeOf()).toEqual(before)
  })

  it('a unit that does not exist is NOT_FOUND', async () => {
    expect(
      await admin.result('units/rename', { id: 999, expectedVersion: await versionNow(admin, 999), name: 'Nic' }),
    ).toMatchObject({ error: { code: 'NOT_FOUND' } })
    expect(await admin.result('units/create', { name: 'Nic', parentId: 999 })).toMatchObject({
      error: { code: 'NOT_FOUND' },
    })
  })
})

describe('administering only part of the tree', () => {
  let backend: TestBackend
  let centre: Centre
  let music: Unit
  let sport: Unit
  let guitar: Unit
  /** Administrator of the music department and everything in it. */
  let musicAdmin: Desk
  /** Administrator of the music department itself, not of its groups. */
  let musicOnlyAdmin: Desk
  /** Administrator of the sports department and everything in it. */
  let sportAdmin: Desk
  let reception: Desk

  const account = (username: string, displayName: string): StaffAccount => ({
    username,
    displayName,
    password: `${username}-heslo`,
  })

  beforeAll(async () => {
    backend = await startDeskBackend()
    centre = await setUpCentre(backend)
    const { admin, roles } = centre
    music = await admin.call('units/create', { name: 'Hudební oddělení', parentId: centre.centreId })
    sport = await admin.call('units/create', { name: 'Sportovní oddělení', parentId: centre.centreId })
    guitar = await admin.call('units/create', { name: 'Kytara', parentId: music.id })
    const staff: [StaffAccount, { unitId: number; includeSubUnits: boolean; roleId?: number }][] = [
      [account('hudba', 'Hana Hudební'), { unitId: music.id, includeSubUnits: true }],
      [account('hudba.jen', 'Jan Jenhudební'), { unitId: music.id, includeSubUnits: false }],
      [account('sport', 'Saša Sportovní'), { unitId: sport.id, includeSubUnits: true }],
      [
        account('recepce', 'Radka Recepční'),
        { unitId: centre.centreId, includeSubUnits: true, roleId: roles.reception },
      ],
    ]
    const desks: Desk[] = []
    for (const [member, grant] of staff) {
      const { id } = await addStaff(admin, member, [{ roleId: roles.administrator, ...grant }])
      desks.push(await deskSignedInAs(backend, member.username, id))
    }
    ;[musicAdmin, musicOnlyAdmin, sportAdmin, reception] = desks
  })
  afterAll(() => backend?.dispose())

  const forbidden = { ok: false, error: { code: 'FORBIDDEN' } }

  it('an administrator of a department with its sub-units creates a group in it and renames it', async () => {
    const piano = await musicAdmin.call('units/create', { name: 'Klavír', parentId: music.id })
    expect(
      await musicAdmin.call('units/rename', {
        id: piano.id,
        expectedVersion: await versionNow(musicAdmin, piano.id),
        name: 'Klavír a keyboard',
      }),
    ).toMatchObject({
      name: 'Klavír a keyboard',
    })
    expect(
      await musicAdmin.call('units/rename', {
        id: guitar.id,
        expectedVersion: await versionNow(musicAdmin, guitar.id),
        name: 'Kytara',
      }),
    ).toMatchObject({ name: 'Kytara' })
    expect(
      await musicAdmin.call('units/rename', {
        id: music.id,
        expectedVersion: await versionNow(musicAdmin, music.id),
        name: 'Hudební oddělení',
      }),
    ).toMatchObject({
      id: music.id,
    })
  })

  it('but may touch nothing in another department, nor the centre itself, and nothing is written', async () => {
    const before = await auditCount(backend)
    expect(await musicAdmin.result('units/create', { name: 'Fotbal', parentId: sport.id })).toMatchObject(forbidden)
    expect(
      await musicAdmin.result('units/rename', {
        id: sport.id,
        expectedVersion: await versionNow(musicAdmin, sport.id),
        name: 'Hudba 2',
      }),
    ).toMatchObject(forbidden)
    expect(
      await musicAdmin.result('units/rename', {
        id: centre.centreId,
        expectedVersion: await versionNow(musicAdmin, centre.centreId),
        name: 'Hudební centrum',
      }),
    ).toMatchObject(forbidden)
    expect(await musicAdmin.result('units/create', { name: 'Nové oddělení', parentId: centre.centreId })).toMatchObject(
      forbidden,
    )
    expect(
      await musicAdmin.result('units/set-archived', {
        id: sport.id,
        expectedVersion: await versionNow(musicAdmin, sport.id),
        archived: true,
      }),
    ).toMatchObject(forbidden)
    expect(await auditCount(backend)).toBe(before)
  })

  it('an administrator of a department without its sub-units renames the department but not a group in it', async () => {
    expect(
      await musicOnlyAdmin.call('units/rename', {
        id: music.id,
        expectedVersion: await versionNow(musicOnlyAdmin, music.id),
        name: 'Hudební oddělení',
      }),
    ).toMatchObject({
      id: music.id,
    })
    expect(
      await musicOnlyAdmin.result('units/rename', {
        id: guitar.id,
        expectedVersion: await versionNow(musicOnlyAdmin, guitar.id),
        name: 'Kytara!',
      }),
    ).toMatchObject(forbidden)
    expect(
      await musicOnlyAdmin.result('units/set-archived', {
        id: guitar.id,
        expectedVersion: await versionNow(musicOnlyAdmin, guitar.id),
        archived: true,
      }),
    ).toMatchObject(forbidden)
  })

  it('moving a group from one department to another needs the right to administer both', async () => {
    const drums = await centre.admin.call('units/create', { name: 'Bicí', parentId: music.id })
    expect(
      await musicAdmin.result('units/move', {
        id: drums.id,
        expectedVersion: await versionNow(musicAdmin, drums.id),
        parentId: sport.id,
      }),
    ).toMatchObject(forbidden)
    expect(
      await sportAdmin.result('units/move', {
        id: drums.id,
        expectedVersion: await versionNow(sportAdmin, drums.id),
        parentId: sport.id,
      }),
    ).toMatchObject(forbidden)
    expect((await centre.admin.call('units/list', {})).find((unit) => unit.id === drums.id)).toMatchObject({
      parentId: music.id,
    })

    // Given the sports department too, the music administrator may move it there.
    const [hana] = (await centre.admin.call('staff/list', {})).filter((member) => member.username === 'hudba')
    await centre.admin.call('staff/grant-role', {
      userId: hana.id,
      roleId: centre.roles.administrator,
      unitId: sport.id,
      includeSubUnits: true,
    })
    expect(
      await musicAdmin.call('units/move', {
        id: drums.id,
        expectedVersion: await versionNow(musicAdmin, drums.id),
        parentId: sport.id,
      }),
    ).toMatchObject({
      parentId: sport.id,
    })
  })

  it('every signed-in staff member sees the whole tree, but reception cannot change it', async () => {
    const units = await reception.call('units/list', {})
    expect(units.map((unit) => unit.id)).toEqual(
      expect.arrayContaining([centre.centreId, music.id, sport.id, guitar.id]),
    )
    expect(await reception.result('units/create', { name: 'Keramika', parentId: music.id })).toMatchObject(forbidden)
  })
})
