import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { contract, type CommandName, type InputOf } from '../../../src/shared/contract'
import { AUDIT_PAGE_SIZE } from '../../../src/shared/contract/audit'
import type { TestBackend } from '../../support/backend'
import { validInputs } from '../../support/commandSamples'
import {
  addStaff,
  ADMINISTRATOR,
  auditCount,
  CENTRE_NAME,
  setUpCentre,
  signInAt,
  startDeskBackend,
  type Centre,
  type Desk,
  type StaffAccount,
} from '../../support/desks'

// That the database itself refuses UPDATE and DELETE on audit_log is proven in
// tests/main/database/pragmas.test.ts and migrations.test.ts; this file is about what is written and found.

const JANA: StaffAccount = { username: 'jana.ucetni', displayName: 'Jana Účetní', password: 'ucetni-jana-1' }

type SearchInput = InputOf<'audit/search'>
const search = (overrides: Partial<SearchInput> = {}): SearchInput => ({
  staffUserId: null,
  command: null,
  text: '',
  from: null,
  to: null,
  utcOffsetMinutes: 0,
  beforeId: null,
  ...overrides,
})

describe('the audit trail', () => {
  let backend: TestBackend
  let centre: Centre
  let admin: Desk
  /** The backend's clock, which stamps every audit row. */
  let now: Date
  let janaDesk: Desk | undefined

  /**
   * Sets the clock for the next rows. Desks idle that long would lock themselves (same clock);
   * that is not what this file is about, so they are woken without a password.
   */
  function clockAt(time: string | number) {
    now = new Date(time)
    for (const at of [admin, janaDesk]) if (at) backend.staffSessions.unlock(at.caller)
  }

  async function start() {
    now = new Date('2025-03-01T08:00:00Z')
    janaDesk = undefined
    backend = await startDeskBackend({ clock: () => now })
    centre = await setUpCentre(backend)
    admin = centre.admin
  }

  describe('what each change writes', () => {
    beforeEach(start)
    afterEach(() => backend?.dispose())

    it('one row per change: who, when, which command, on what, and what happened', async () => {
      clockAt('2025-03-01T09:15:00Z')
      const before = await auditCount(backend)
      const music = await admin.call('units/create', { name: 'Hudební oddělení', parentId: centre.centreId })
      expect(await auditCount(backend)).toBe(before + 1)
      const { rows } = await admin.call('audit/search', search())
      expect(rows[0]).toEqual({
        id: expect.any(Number),
        at: '2025-03-01T09:15:00.000Z',
        staffUserId: centre.adminId,
        staffName: ADMINISTRATOR.displayName,
        command: 'units/create',
        target: `unit:${music.id}`,
        summary: `Created unit Hudební oddělení under ${CENTRE_NAME}`,
      })
    })

    it('reading anything writes no row', async () => {
      const before = await auditCount(backend)
      for (const name of Object.keys(contract) as CommandName[]) {
        if (contract[name].kind !== 'read') continue
        const input = name === 'audit/search' ? search() : validInputs(centre, centre.adminId)[name]
        const result = await admin.dispatch(name, input)
        // A read of a record that is not there still reads: only a refused call would prove nothing. Testing a
        // server that does not answer is refused as such; a desk on a server has no backup files to list.
        const { code, reason } = result.ok ? { code: null, reason: null } : result.error
        const answers =
          result.ok ||
          code === 'NOT_FOUND' ||
          (name === 'database/test-server' && code === 'SERVER_REFUSED') ||
          (name === 'system/list-backups' && backend.database.engine.kind === 'postgres' && reason === 'server_backups')
        expect(answers, `${name}: ${code} ${reason}`).toBe(true)
      }
      await admin.call('auth/touch', {})
      expect(await auditCount(backend)).toBe(before)
    })

    it('a refused change writes no row', async () => {
      const before = await auditCount(backend)
      expect(await admin.result('units/create', { name: 'Nikde', parentId: 999 })).toMatchObject({ ok: false })
      const [root] = await admin.call('units/list', {})
      const archiveRoot = { id: centre.centreId, archived: true, expectedVersion: root.version }
      expect(await admin.result('units/set-archived', archiveRoot)).toMatchObject({ ok: false })
      const reception = { id: null, expectedVersion: 0, name: 'Reception', permissions: [] }
      expect(await admin.result('roles/save', reception)).toMatchObject({
        ok: false,
      })
      expect(await auditCount(backend)).toBe(before)
    })
  })

  describe('searching', () => {
    let jana: number

    beforeAll(async () => {
      await start()
      jana = (
        await addStaff(admin, JANA, [
          { roleId: centre.roles.accountant, unitId: centre.centreId, includeSubUnits: true },
        ])
      ).id
      // Jana may search the trail; a second administrator grant lets her write too.
      await admin.call('staff/grant-role', {
        userId: jana,
        roleId: centre.roles.administrator,
        unitId: centre.centreId,
        includeSubUnits: true,
      })
      const janaAt = await signInAt(backend, 'jana-desk', JANA)
      janaDesk = janaAt

      clockAt('2025-03-01T12:00:00Z')
      await admin.call('units/create', { name: 'Kytara_pro_dospělé', parentId: centre.centreId })
      // Half past eleven at night in UTC is already the next day at a desk in Prague (UTC+1).
      clockAt('2025-03-01T23:30:00Z')
      await janaAt.call('units/create', { name: 'Keramika', parentId: centre.centreId })
      clockAt('2025-03-02T10:00:00Z')
      await janaAt.call('units/create', { name: 'Sleva 100% kurz', parentId: centre.centreId })
      const { version } = await janaAt.call('settings/get-security', {})
      await janaAt.call('settings/update-security', { autoLockMinutes: 15, expectedVersion: version })
    })
    afterAll(() => backend?.dispose())

    const summaries = async (input: Partial<SearchInput>, at: Desk = admin) =>
      (await at.call('audit/search', search(input))).rows.map((row) => row.summary)

    it('by staff member', async () => {
      const rows = (await admin.call('audit/search', search({ staffUserId: jana }))).rows
      expect(rows.map((row) => [row.staffName, row.command])).toEqual([
        [JANA.displayName, 'settings/update-security'],
        [JANA.displayName, 'units/create'],
        [JANA.displayName, 'units/create'],
      ])
    })

    it('by command', async () => {
      expect(await summaries({ command: 'settings/update-security' })).toEqual(['Auto-lock after 15 min'])
      expect(await summaries({ command: 'units/create' })).toHaveLength(3)
    })

    it('by text in the summary or the target, without regard to case', async () => {
      expect(await summaries({ text: 'keramika' })).toEqual([`Created unit Keramika under ${CENTRE_NAME}`])
      const [security] = (await admin.call('audit/search', search({ command: 'settings/update-security' }))).rows
      expect(security.target).toBe('security')
      expect(await summaries({ text: 'SECURITY' })).toEqual(['Auto-lock after 15 min'])
    })

    it('by text taken literally: % and _ are not wildcards', async () => {
      expect(await summaries({ text: '100%' })).toEqual([`Created unit Sleva 100% kurz under ${CENTRE_NAME}`])
      expect(await summaries({ text: '0% k' })).toHaveLength(1)
      expect(await summaries({ text: 'Kytara_pro' })).toHaveLength(1)
      expect(await summaries({ text: 'Keramik_' })).toEqual([])
      expect(await summaries({ text: '%' })).toHaveLength(1)
    })

    it('by the desk’s calendar day: a row at 23:30 UTC belongs to the next day in Prague', async () => {
      const day = (date: string, utcOffsetMinutes: number) => summaries({ from: date, to: date, utcOffsetMinutes })
      expect(await day('2025-03-02', 60)).toEqual([
        'Auto-lock after 15 min',
        `Created unit Sleva 100% kurz under ${CENTRE_NAME}`,
        `Created unit Keramika under ${CENTRE_NAME}`,
      ])
      expect(await day('2025-03-02', 0)).toEqual([
        'Auto-lock after 15 min',
        `Created unit Sleva 100% kurz under ${CENTRE_NAME}`,
      ])
      expect(await day('2025-03-01', 0)).toEqual(
        expect.arrayContaining([`Created unit Keramika under ${CENTRE_NAME}`, expect.stringContaining('Kytara')]),
      )
      expect(await day('2025-03-01', 60)).not.toContain(`Created unit Keramika under ${CENTRE_NAME}`)
      // Five hours behind UTC, 10:00 UTC on the 2nd is still early morning of the 2nd, 23:30 on the 1st still the 1st.
      expect(await day('2025-03-01', -300)).toContain(`Created unit Keramika under ${CENTRE_NAME}`)
    })

    it('from one day to another, both days included', async () => {
      const range = await summaries({ from: '2025-03-01', to: '2025-03-02', utcOffsetMinutes: 60 })
      expect(range).toHaveLength(await auditCount(backend))
      expect(await summaries({ from: '2025-03-03', to: null, utcOffsetMinutes: 60 })).toEqual([])
      expect(await summaries({ from: null, to: '2025-02-28', utcOffsetMinutes: 60 })).toEqual([])
    })

    it('filters combine', async () => {
      expect(await summaries({ staffUserId: jana, command: 'units/create', text: 'keramika' })).toHaveLength(1)
      expect(await summaries({ staffUserId: centre.adminId, text: 'keramika' })).toEqual([])
    })

    it('lists everyone who appears in the trail once, deactivated staff included', async () => {
      const deactivated = await admin.call('staff/set-active', { id: jana, active: false, expectedVersion: 1 })
      const authors = await admin.call('audit/list-authors', {})
      const ids = authors.map((author) => author.staffUserId)
      expect(new Set(ids).size).toBe(ids.length)
      expect(authors).toEqual(
        expect.arrayContaining([
          { staffUserId: centre.adminId, staffName: ADMINISTRATOR.displayName },
          { staffUserId: jana, staffName: JANA.displayName },
        ]),
      )
      await admin.call('staff/set-active', { id: jana, active: true, expectedVersion: deactivated.version })
    })
  })

  describe('paging back through a long trail', () => {
    beforeAll(start)
    afterAll(() => backend?.dispose())

    it('pages of a hundred, newest first, each page continuing where the last ended', async () => {
      let [{ version }] = await admin.call('units/list', {})
      for (let i = 1; i <= 120; i++) {
        clockAt(Date.parse('2025-03-01T08:00:00Z') + i * 1000)
        const name = `${CENTRE_NAME} ${i}`
        ;({ version } = await admin.call('units/rename', { id: centre.centreId, name, expectedVersion: version }))
      }
      const total = await auditCount(backend)
      expect(total).toBeGreaterThan(AUDIT_PAGE_SIZE)

      const first = await admin.call('audit/search', search())
      expect(first.rows).toHaveLength(AUDIT_PAGE_SIZE)
      expect(first.hasMore).toBe(true)
      expect(first.rows[0].summary).toContain(`${CENTRE_NAME} 120`)
      const ids = first.rows.map((row) => row.id)
      expect(ids).toEqual([...ids].sort((a, b) => b - a))

      const second = await admin.call('audit/search', search({ beforeId: ids[ids.length - 1] }))
      expect(second.hasMore).toBe(false)
      expect(second.rows).toHaveLength(total - AUDIT_PAGE_SIZE)
      expect(Math.max(...second.rows.map((row) => row.id))).toBeLessThan(Math.min(...ids))

      // Filters hold across pages too.
      const renames = await admin.call('audit/search', search({ command: 'units/rename' }))
      const rest = await admin.call('audit/search', search({ command: 'units/rename', beforeId: renames.rows[99].id }))
      expect([renames.hasMore, rest.hasMore, rest.rows.length]).toEqual([true, false, 20])
      expect(rest.rows.every((row) => row.command === 'units/rename')).toBe(true)
    })
  })
})
