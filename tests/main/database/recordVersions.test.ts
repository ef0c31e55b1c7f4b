import { rmSync } from 'node:fs'
import { DataSource } from 'typeorm'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { dataFiles } from '../../../src/main/backend'
import { sqliteOptions } from '../../../src/main/database/dataSourceOptions'
import { connectServer } from '../../../src/main/database/postgresServer'
import type { CommandName } from '../../../src/shared/contract'
import type { Result } from '../../../src/shared/errors'
import { startTestBackend, type TestBackend } from '../../support/backend'
import { countRows } from '../../support/database'
import {
  addStaff,
  centreTemplate,
  deskSignedInAs,
  restartTestBackend,
  type CentreTemplate,
  type Desk,
} from '../../support/desks'
import { sampleOrganisation, saveOrganisation } from '../../support/organisation'
import { rootUnitId } from '../../support/people'
import { samplePerson } from '../../support/personSamples'

/** One clock reading for everything: two desks saving "at once", or a clock too coarse to tell them apart. */
const FROZEN = new Date('2026-03-02T09:15:00.000Z')

const PETR = { username: 'petr.dvorak', displayName: 'Petr Dvořák', password: 'zastupce-petr-1' }
const VERSIONED_TABLES = ['setting', 'unit', 'staff_user', 'role', 'person']

const JANA = { username: 'jana.novakova', displayName: 'Jana Nováková', password: 'recepce-jana-1' }

interface Ids {
  centreId: number
  petrId: number
  janaId: number
}

/** What the test needs of a kind of record: open it as a form would, save it, read it back. */
interface VersionedRecord {
  command: CommandName
  /** Created in the test itself, under the frozen clock: its creation time is the save time too. */
  create(desk: Desk, ids: Ids): Promise<number>
  version(desk: Desk, id: number): Promise<number>
  /** Turn 0 and turn 1 save different values, as two desks would. */
  save(desk: Desk, id: number, expectedVersion: number, turn: 0 | 1): Promise<Result<{ version: number }>>
  stored(desk: Desk, id: number): Promise<unknown>
}

const unitOf = async (desk: Desk, id: number) => (await desk.call('units/list', {})).find((unit) => unit.id === id)!
const staffOf = async (desk: Desk, id: number) =>
  (await desk.call('staff/list', {})).find((member) => member.id === id)!
const roleOf = async (desk: Desk, id: number) => (await desk.call('roles/list', {})).find((role) => role.id === id)!
const newUnit = async (desk: Desk, { centreId }: Ids) =>
  (await desk.call('units/create', { name: 'Keramika', parentId: centreId })).id

const RECORDS: Record<string, VersionedRecord> = {
  'a person (people/update)': {
    command: 'people/update',
    create: async (desk, { centreId }) =>
      (await desk.call('people/create', { person: samplePerson(centreId) })).person.id,
    version: async (desk, id) => (await desk.call('people/get', { id })).person.version,
    save: async (desk, id, expectedVersion, turn) => {
      const { unitId } = (await desk.call('people/get', { id })).person
      const notes = ['Vyzvedává babička', 'Alergie na pyl'][turn]
      const result = await desk.result('people/update', {
        id,
        person: samplePerson(unitId, { notes }),
        expectedVersion,
      })
      // The answer is the family view: its person carries the version.
      return result.ok ? { ok: true, data: result.data.person } : result
    },
    stored: async (desk, id) => (await desk.call('people/get', { id })).person.notes,
  },
  'a unit renamed (units/rename)': {
    command: 'units/rename',
    create: newUnit,
    version: async (desk, id) => (await unitOf(desk, id)).version,
    save: (desk, id, expectedVersion, turn) =>
      desk.result('units/rename', { id, name: ['Keramika pro děti', 'Keramická dílna'][turn], expectedVersion }),
    stored: unitOf,
  },
  'a unit moved (units/move)': {
    command: 'units/move',
    create: async (desk, ids) => {
      await desk.call('units/create', { name: 'Výtvarné oddělení', parentId: ids.centreId })
      return newUnit(desk, ids)
    },
    version: async (desk, id) => (await unitOf(desk, id)).version,
    save: async (desk, id, expectedVersion, turn) => {
      const [centre, art] = await desk.call('units/list', {})
      return desk.result('units/move', { id, parentId: [art.id, centre.id][turn], expectedVersion })
    },
    stored: unitOf,
  },
  'a unit archived and restored (units/set-archived)': {
    command: 'units/set-archived',
    create: newUnit,
    version: async (desk, id) => (await unitOf(desk, id)).version,
    save: (desk, id, expectedVersion, turn) =>
      desk.result('units/set-archived', { id, archived: turn === 0, expectedVersion }),
    stored: unitOf,
  },
  'a staff member renamed (staff/rename)': {
    command: 'staff/rename',
    create: async (_desk, { janaId }) => janaId,
    version: async (desk, id) => (await staffOf(desk, id)).version,
    save: (desk, id, expectedVersion, turn) =>
      desk.result('staff/rename', { id, displayName: ['Jana Dvořáková', 'Jana Nová'][turn], expectedVersion }),
    stored: staffOf,
  },
  'a staff member deactivated and reactivated (staff/set-active)': {
    command: 'staff/set-active',
    create: async (_desk, { janaId }) => janaId,
    version: async (desk, id) => (await staffOf(desk, id)).version,
    save: (desk, id, expectedVersion, turn) =>
      desk.result('staff/set-active', { id, active: turn === 1, expectedVersion }),
    stored: staffOf,
  },
  'a role (roles/save)': {
    command: 'roles/save',
    create: async (desk) =>
      (await desk.call('roles/save', { id: null, expectedVersion: 0, name: 'Pokladní', permissions: [] })).id,
    version: async (desk, id) => (await roleOf(desk, id)).version,
    save: (desk, id, expectedVersion, turn) =>
      desk.result('roles/save', {
        id,
        expectedVersion,
        name: 'Pokladní',
        permissions: turn === 0 ? ['ledger.post'] : ['cash.close'],
      }),
    stored: roleOf,
  },
  'the organisation (settings/update-organisation)': {
    command: 'settings/update-organisation',
    create: async () => 0,
    version: async (desk) => (await desk.call('settings/get-organisation', {})).version,
    save: (desk, _id, expectedVersion, turn) =>
      desk.result('settings/update-organisation', {
        ...sampleOrganisation(['DDM Jablíčko, p. o.', 'Dům dětí Jablíčko'][turn]),
        expectedVersion,
      }),
    stored: (desk) => desk.call('settings/get-organisation', {}),
  },
  'the security settings (settings/update-security)': {
    command: 'settings/update-security',
    create: async () => 0,
    version: async (desk) => (await desk.call('settings/get-security', {})).version,
    save: (desk, _id, expectedVersion, turn) =>
      desk.result('settings/update-security', { autoLockMinutes: [15, 30][turn], expectedVersion }),
    stored: (desk) => desk.call('settings/get-security', {}),
  },
}

describe('every editable record counts its saves', () => {
  let template: CentreTemplate<Ids>
  let backend: TestBackend
  let ids: Ids
  let eva: Desk
  let petr: Desk

  beforeAll(async () => {
    template = await centreTemplate(async (centre) => {
      const grant = { roleId: centre.roles.administrator, unitId: centre.centreId, includeSubUnits: true }
      const petr = await addStaff(centre.admin, PETR, [grant])
      const jana = await addStaff(centre.admin, JANA, [{ ...grant, roleId: centre.roles.reception }])
      return { centreId: centre.centreId, petrId: petr.id, janaId: jana.id }
    })
  })
  afterAll(() => template.dispose())
  beforeEach(async () => {
    const started = await template.start({ clock: () => new Date(FROZEN) })
    backend = started.backend
    eva = started.centre.admin
    ids = template.extra
    petr = await deskSignedInAs(backend, 'petr-desk', ids.petrId)
  })
  afterEach(() => backend?.dispose())

  const auditRows = async (command: CommandName) =>
    (
      await backend.database.dataSource.query(
        'SELECT CAST(COUNT(*) AS integer) AS n FROM audit_log WHERE command = ?',
        [command],
      )
    )[0].n as number

  describe.each(Object.entries(RECORDS))('%s', (_kind, record) => {
    it('of two desks saving from the same version within the same instant, the second is refused', async () => {
      const id = await record.create(eva, ids)
      const opened = await record.version(eva, id)
      const auditBefore = await auditRows(record.command)

      const first = await record.save(eva, id, opened, 0)
      expect(first).toMatchObject({ ok: true, data: { version: opened + 1 } })
      const afterFirst = await record.stored(eva, id)

      const second = await record.save(petr, id, opened, 1)
      expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'stale_record' } })
      expect(await record.stored(eva, id)).toEqual(afterFirst)
      expect(await record.version(eva, id)).toBe(opened + 1)
      expect(await auditRows(record.command)).toBe(auditBefore + 1)
    })

    it('a save from the current version succeeds and counts one more', async () => {
      const id = await record.create(eva, ids)
      const opened = await record.version(eva, id)
      const auditBefore = await auditRows(record.command)
      await record.save(eva, id, opened, 0)
      // Petr's form, filled after Eva's save, saves over it; and a second save from his same form works too.
      const second = await record.save(petr, id, opened + 1, 1)
      expect(second).toMatchObject({ ok: true, data: { version: opened + 2 } })
      const again = await record.save(petr, id, opened + 2, 0)
      expect(again).toMatchObject({ ok: true, data: { version: opened + 3 } })
      expect(await record.version(eva, id)).toBe(opened + 3)
      expect(await auditRows(record.command)).toBe(auditBefore + 3)
    })
  })

  it('archiving a person or merging another into them counts as a save: a form opened before is stale', async () => {
    const jana = (await eva.call('people/create', { person: samplePerson(ids.centreId) })).person
    const archived = await eva.call('people/set-archived', { id: jana.id, archived: true })
    expect(archived.person.version).toBe(jana.version + 1)
    const fromBefore = {
      id: jana.id,
      person: samplePerson(ids.centreId, { notes: 'Z dřívějška' }),
      expectedVersion: jana.version,
    }
    expect(await petr.result('people/update', fromBefore)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', reason: 'stale_record' },
    })

    const twin = (
      await eva.call('people/create', {
        person: samplePerson(ids.centreId, { firstName: 'Jana' }),
        allowDuplicate: true,
      })
    ).person
    const merged = await eva.call('people/merge', { keepId: jana.id, removeId: twin.id, takeFromRemoved: [] })
    expect(merged.person.version).toBeGreaterThan(archived.person.version)
    const fromArchived = { ...fromBefore, expectedVersion: archived.person.version }
    expect(await petr.result('people/update', fromArchived)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', reason: 'stale_record' },
    })
    const current = { ...fromBefore, expectedVersion: merged.person.version }
    expect(await petr.result('people/update', current)).toMatchObject({ ok: true })
  })

  it('a password reset leaves the staff member’s version: a rename dialog opened before still saves', async () => {
    const before = await staffOf(eva, ids.janaId)
    await eva.call('staff/reset-password', { id: ids.janaId, newPassword: 'nove-heslo-123' })
    const rename = { id: ids.janaId, displayName: 'Jana Dvořáková', expectedVersion: before.version }
    expect(await eva.result('staff/rename', rename)).toMatchObject({ ok: true, data: { version: before.version + 1 } })
  })

  it('a save of a record that is gone is NOT_FOUND, not a conflict', async () => {
    const result = await eva.result('units/rename', { id: 999_999, name: 'Nikde', expectedVersion: 1 })
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('a refused save leaves no row behind, not even its audit row', async () => {
    const id = await newUnit(eva, ids)
    const rowsBefore = await countRows(backend.database.dataSource, 'audit_log')
    const stale = await eva.result('units/rename', { id, name: 'Keramika 2', expectedVersion: 7 })
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'stale_record' } })
    expect(await countRows(backend.database.dataSource, 'audit_log')).toBe(rowsBefore)
    expect(await unitOf(eva, id)).toMatchObject({ name: 'Keramika', version: 1 })
  })
})

describe('records written before there were versions', () => {
  it('start at version 1 and save from it', async () => {
    const backend = await startTestBackend()
    try {
      const unitId = await rootUnitId(backend)
      const jana = (await backend.call('people/create', { person: samplePerson(unitId) })).person
      await saveOrganisation(backend, sampleOrganisation())
      await backend.close()

      // The data as the previous release left it: no version columns yet. On a server only its owner changes the schema.
      const source = backend.serverDatabase
        ? await connectServer(backend.serverDatabase.owner)
        : await new DataSource(sqliteOptions(dataFiles(backend.dataDir).file, { readOnly: false })).initialize()
      try {
        // Later migrations are undone first, down to the one that added the versions.
        const versionsApplied = async () =>
          (await source.query("SELECT 1 FROM migrations WHERE name = 'RecordVersions1764000000000'")).length > 0
        while (await versionsApplied()) await source.undoLastMigration({ transaction: 'each' })
        expect(await columnsNamed(source, 'person', 'version')).toBe(0)
        await source.runMigrations({ transaction: 'each' })
        for (const table of VERSIONED_TABLES) {
          expect(await source.query(`SELECT DISTINCT version FROM "${table}"`), table).toEqual([{ version: 1 }])
        }
      } finally {
        await source.destroy()
      }

      const reopened = await restartTestBackend(backend)
      const saved = await reopened.call('people/update', {
        id: jana.id,
        person: samplePerson(unitId, { notes: 'Po aktualizaci' }),
        expectedVersion: 1,
      })
      expect(saved.person.version).toBe(2)
      await reopened.close()
    } finally {
      rmSync(backend.dataDir, { recursive: true, force: true })
      await backend.serverDatabase?.drop()
    }
  })
})

/** How many columns of that name the table has, from either engine's catalogue. */
async function columnsNamed(source: DataSource, table: string, column: string): Promise<number> {
  const sql =
    source.options.type === 'postgres'
      ? `SELECT column_name FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name = ? AND column_name = ?`
      : 'SELECT name FROM pragma_table_info(?) WHERE name = ?'
  return (await source.query(sql, [table, column])).length
}
