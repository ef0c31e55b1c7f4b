import { existsSync, readdirSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { contract } from '../../../src/shared/contract'
import { PERMISSIONS, type Access, type Permission } from '../../../src/shared/permissions'
import type { SessionProvider } from '../../../src/main/core/session'
import { startTestBackend, TEST_CALLER, type TestBackend } from '../../support/backend'
import { countRows } from '../../support/database'
import { sampleOrganisation } from '../../support/organisation'

const commands = Object.entries(contract) as [string, { access: Access; kind: string }][]
const isPermission = (access: Access): access is Permission => (PERMISSIONS as readonly string[]).includes(access)

/**
 * Inputs that pass validation, so a refusal below can only come from the access check.
 * A command missing here is sent `{}`; the router checks access before it looks at input.
 */
const validInput: Record<string, unknown> = {
  'settings/update-organisation': { ...sampleOrganisation(), expectedVersion: 0 },
  'system/restore-backup': { name: 'frontdesk-20250101T000000000Z-manual.sqlite' },
}
const inputFor = (name: string) => validInput[name] ?? {}

const nobody: SessionProvider = { resolve: () => null }

function sessionAllowing(allowed: (access: Access) => boolean, asked: Access[] = []): SessionProvider {
  return {
    resolve: () => ({
      userId: 7,
      displayName: 'Jana Nováková',
      locked: false,
      canInUnit: (permission) => allowed(permission),
      can: (access) => {
        asked.push(access)
        return allowed(access)
      },
    }),
  }
}

describe('sessions and permissions are checked in main for every command', () => {
  let backend: TestBackend
  afterEach(() => backend?.dispose())

  async function expectNothingWritten() {
    expect(await countRows(backend.database.dataSource, 'setting')).toBe(0)
    expect(await countRows(backend.database.dataSource, 'audit_log')).toBe(0)
    // A desk on a server keeps no backups of its own (the server's apply): only a file has a folder to check.
    if (backend.database.engine.kind === 'sqlite') {
      const backupDir = backend.database.location.backupDir
      expect(existsSync(backupDir) ? readdirSync(backupDir) : []).toEqual([])
    }
  }

  it('the contract has public, signed-in and permission commands to check', () => {
    const kinds = new Set(commands.map(([, spec]) => (isPermission(spec.access) ? 'permission' : spec.access)))
    expect([...kinds].sort()).toEqual(['permission', 'public', 'recovery', 'signed-in'])
    for (const [name, spec] of commands) {
      const known = ['public', 'signed-in', 'recovery'].includes(spec.access) || isPermission(spec.access)
      expect(known, name).toBe(true)
    }
  })

  it('without a session every command except the public ones is refused as UNAUTHENTICATED', async () => {
    backend = await startTestBackend({ sessions: nobody })
    for (const [name, spec] of commands) {
      if (spec.access === 'public') continue
      const result = await backend.router.dispatch(name, inputFor(name), TEST_CALLER)
      expect(result, name).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.any(String) } })
    }
    await expectNothingWritten()
  })

  it('without a session the start-up status still answers', async () => {
    backend = await startTestBackend({ sessions: nobody })
    const publicCommands = commands.filter(([, spec]) => spec.access === 'public').map(([name]) => name)
    expect(publicCommands).toContain('system/get-status')
    const status = await backend.result('system/get-status', {})
    expect(status).toMatchObject({ ok: true, data: { database: { mode: 'ok' } } })
  })

  it('a caller without a session is refused before its input is looked at', async () => {
    backend = await startTestBackend({ sessions: nobody })
    const result = await backend.router.dispatch('settings/update-organisation', { name: 42 }, TEST_CALLER)
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(result.ok || result.error.fields).toBeUndefined()
  })

  it('a staff member without the permission is FORBIDDEN every command that needs one, and nothing is written', async () => {
    const asked: Access[] = []
    backend = await startTestBackend({ sessions: sessionAllowing(() => false, asked) })
    const guarded = commands.filter(([, spec]) => isPermission(spec.access) || spec.access === 'recovery')
    expect(guarded.length).toBeGreaterThan(0)
    for (const [name, spec] of guarded) {
      asked.length = 0
      const result = await backend.router.dispatch(name, inputFor(name), TEST_CALLER)
      expect(result, name).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } })
      // The router asks about exactly the permission the contract declares (recovery: settings.admin on a healthy file).
      expect(asked, name).toEqual([spec.access === 'recovery' ? 'settings.admin' : spec.access])
    }
    await expectNothingWritten()
  })

  it('a staff member without any permission may still use the signed-in commands', async () => {
    backend = await startTestBackend({ sessions: sessionAllowing(() => false) })
    for (const [name, spec] of commands) {
      if (spec.access !== 'signed-in' && spec.access !== 'public') continue
      const result = await backend.router.dispatch(name, inputFor(name), TEST_CALLER)
      if (!result.ok) expect(['UNAUTHENTICATED', 'FORBIDDEN'], name).not.toContain(result.error.code)
    }
  })

  it('a staff member with the permission gets past the check for every command', async () => {
    const asked: Access[] = []
    backend = await startTestBackend({ sessions: sessionAllowing(() => true, asked) })
    for (const [name, spec] of commands) {
      const result = await backend.router.dispatch(name, inputFor(name), TEST_CALLER)
      if (!result.ok) expect(['UNAUTHENTICATED', 'FORBIDDEN'], name).not.toContain(result.error.code)
      if (isPermission(spec.access)) expect(asked, name).toContain(spec.access)
    }
  })

  it('the audit row names the staff member who made the change', async () => {
    backend = await startTestBackend({ sessions: sessionAllowing(() => true) })
    await backend.call('settings/update-organisation', validInput['settings/update-organisation'] as never)
    const rows = await backend.database.dataSource.query('SELECT staff_user_id, staff_name, command FROM audit_log')
    expect(rows).toEqual([{ staff_user_id: 7, staff_name: 'Jana Nováková', command: 'settings/update-organisation' }])
  })

  it('only the permission a command declares is granted, not the others', async () => {
    backend = await startTestBackend({ sessions: sessionAllowing((access) => access === 'people.view') })
    const result = await backend.result(
      'settings/update-organisation',
      validInput['settings/update-organisation'] as never,
    )
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    await expectNothingWritten()
  })
})
