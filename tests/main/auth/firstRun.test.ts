import { existsSync, readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { PERMISSIONS } from '../../../src/shared/permissions'
import type { TestBackend } from '../../support/backend'
import { queryCommitted, rowCounts } from '../../support/database'
import { ADMINISTRATOR, auditCount, CENTRE_NAME, desk, startDeskBackend } from '../../support/desks'

const setUpInput = (language: 'en' | 'cs') => ({ centreName: CENTRE_NAME, language, ...ADMINISTRATOR })

describe('the first start', () => {
  let backend: TestBackend
  afterEach(() => backend?.dispose())

  it('an empty file asks for the first administrator, and nobody is signed in', async () => {
    backend = await startDeskBackend()
    expect(await desk(backend, 'desk-1').call('auth/get-state', {})).toEqual({ setupRequired: true, session: null })
  })

  it('set-up creates the centre, the default roles in English and the administrator signed in at that desk', async () => {
    backend = await startDeskBackend()
    const first = desk(backend, 'desk-1')
    const session = await first.call('auth/set-up', setUpInput('en'))
    expect(session).toEqual({
      userId: expect.any(Number),
      username: ADMINISTRATOR.username,
      displayName: ADMINISTRATOR.displayName,
      locked: false,
      permissions: [...PERMISSIONS],
      unitsWith: expect.any(Object),
      autoLockMinutes: 10,
    })
    expect(await first.call('auth/get-state', {})).toEqual({ setupRequired: false, session })

    const units = await first.call('units/list', {})
    expect(units).toEqual([{ id: expect.any(Number), name: CENTRE_NAME, parentId: null, archived: false, version: 1 }])
    expect(session.unitsWith).toEqual(Object.fromEntries(PERMISSIONS.map((permission) => [permission, [units[0].id]])))

    const roles = await first.call('roles/list', {})
    expect(roles.map((role) => role.name)).toEqual(['Administrator', 'Reception', 'Activity leader', 'Accountant'])
    expect(roles[0]).toMatchObject({ permissions: [...PERMISSIONS], grantCount: 1 })
    expect(roles[1].permissions).not.toContain('settings.admin')
    expect(roles[3].permissions).toContain('audit.view')

    const [administrator] = await first.call('staff/list', {})
    expect(administrator).toMatchObject({ id: session.userId, username: ADMINISTRATOR.username, active: true })
    expect(administrator.grants).toEqual([
      {
        id: expect.any(Number),
        roleId: roles[0].id,
        roleName: 'Administrator',
        unitId: units[0].id,
        unitName: CENTRE_NAME,
        includeSubUnits: true,
      },
    ])
  })

  it('in Czech the default roles get Czech names', async () => {
    backend = await startDeskBackend()
    const first = desk(backend, 'desk-1')
    await first.call('auth/set-up', setUpInput('cs'))
    const roles = await first.call('roles/list', {})
    expect(roles.map((role) => role.name)).toEqual(['Správce', 'Recepce', 'Vedoucí kroužku', 'Účetní'])
  })

  it('the organisation keeps the centre name and the chosen language', async () => {
    backend = await startDeskBackend()
    await desk(backend, 'desk-1').call('auth/set-up', setUpInput('en'))
    const organisation = await desk(backend, 'desk-2').call('settings/get-organisation', {})
    expect(organisation).toMatchObject({ name: CENTRE_NAME, language: 'en' })
  })

  it('only the desk that set up is signed in; another desk still has to sign in', async () => {
    backend = await startDeskBackend()
    await desk(backend, 'desk-1').call('auth/set-up', setUpInput('en'))
    const other = desk(backend, 'desk-2')
    expect(await other.call('auth/get-state', {})).toEqual({ setupRequired: false, session: null })
    expect(await other.result('units/list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })

  it('set-up writes exactly one audit row', async () => {
    backend = await startDeskBackend()
    const session = await desk(backend, 'desk-1').call('auth/set-up', setUpInput('en'))
    const rows = await queryCommitted<{ command: string; target: string; summary: string }>(
      backend,
      'SELECT command, target, summary FROM audit_log',
    )
    expect(rows).toEqual([
      {
        command: 'auth/set-up',
        target: `staff:${session.userId}`,
        summary: expect.stringContaining(ADMINISTRATOR.username),
      },
    ])
  })

  it('a second set-up is refused as already set up and writes nothing', async () => {
    backend = await startDeskBackend()
    await desk(backend, 'desk-1').call('auth/set-up', setUpInput('en'))
    const before = await rowCounts(backend)
    const again = await desk(backend, 'desk-2').result('auth/set-up', {
      ...setUpInput('cs'),
      centreName: 'Cizí centrum',
      username: 'vetrelec',
    })
    expect(again).toEqual({
      ok: false,
      error: { code: 'CONFLICT', reason: 'already_set_up', message: expect.any(String) },
    })
    expect(await rowCounts(backend)).toEqual(before)
    expect(await desk(backend, 'desk-2').call('auth/get-state', {})).toMatchObject({ session: null })
  })

  it('two desks setting up at the same moment make one administrator, not two', async () => {
    backend = await startDeskBackend()
    const results = await Promise.all([
      desk(backend, 'desk-1').result('auth/set-up', setUpInput('en')),
      desk(backend, 'desk-2').result('auth/set-up', { ...setUpInput('en'), username: 'druhy.spravce' }),
    ])
    expect(results.filter((result) => result.ok)).toHaveLength(1)
    expect(results.find((result) => !result.ok)).toMatchObject({
      error: { code: 'CONFLICT', reason: 'already_set_up' },
    })
    const counts = await rowCounts(backend)
    expect(counts).toMatchObject({ staff_user: 1, unit: 1, role: 4, role_grant: 1 })
    expect(await auditCount(backend)).toBe(1)
  })

  it('an invalid first administrator is refused field by field and nothing is created', async () => {
    backend = await startDeskBackend()
    const result = await desk(backend, 'desk-1').result('auth/set-up', { ...setUpInput('en'), password: 'short' })
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { password: {} } } })
    expect(await rowCounts(backend)).toMatchObject({ staff_user: 0, unit: 0, role: 0 })
  })

  it('the password is kept only as a scrypt hash: its text is nowhere in the stored data', async () => {
    backend = await startDeskBackend()
    await desk(backend, 'desk-1').call('auth/set-up', setUpInput('en'))
    const [row] = await queryCommitted<{ password_hash: string }>(backend, 'SELECT password_hash FROM staff_user')
    expect(row.password_hash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/)
    // The search does find what is stored in clear, so its silence about the password means something.
    expect(await storedAnywhere(backend, ADMINISTRATOR.username)).toBe(true)
    expect(await storedAnywhere(backend, ADMINISTRATOR.password)).toBe(false)
    expect(backend.logger.lines.join('\n')).not.toContain(ADMINISTRATOR.password)
  })
})

/**
 * Whether `text` is stored anywhere. SQLite: the bytes of the file and of its write-ahead log,
 * where committed pages may still sit. PostgreSQL keeps no file a desk could read: every
 * column of every row of every table, as the server returns it.
 */
async function storedAnywhere(backend: TestBackend, text: string): Promise<boolean> {
  if (backend.database.engine.kind === 'sqlite') {
    const file = backend.database.location.file
    const bytes = Buffer.concat(
      [file, `${file}-wal`].filter((path) => existsSync(path)).map((path) => readFileSync(path)),
    )
    return bytes.includes(Buffer.from(text, 'utf8')) || bytes.includes(Buffer.from(text, 'utf16le'))
  }
  const tables = Object.keys(await rowCounts(backend))
  for (const table of tables) {
    const rows = await queryCommitted(backend, `SELECT 1 FROM "${table}" t WHERE strpos(t::text, ?) > 0 LIMIT 1`, [
      text,
    ])
    if (rows.length > 0) return true
  }
  return false
}
