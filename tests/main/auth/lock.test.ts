import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { contract, type CommandName } from '../../../src/shared/contract'
import type { TestBackend } from '../../support/backend'
import {
  addStaff,
  ADMINISTRATOR,
  auditCount,
  centreTemplate,
  deskSignedInAs,
  type Centre,
  type CentreTemplate,
  type Desk,
  type StaffAccount,
} from '../../support/desks'
import { saveAutoLock } from '../../support/settings'

const JANA: StaffAccount = { username: 'jana.novakova', displayName: 'Jana Nováková', password: 'recepce-jana-1' }
const MINUTE = 60_000

describe('locking a desk', () => {
  let backend: TestBackend
  let centre: Centre
  /** The backend's clock: audit times and how long a desk has been idle. */
  let now: number
  afterEach(() => backend?.dispose())

  let template: CentreTemplate<undefined>
  beforeAll(async () => {
    template = await centreTemplate()
  })
  afterAll(() => template?.dispose())

  async function start() {
    now = Date.parse('2025-09-01T07:00:00Z')
    ;({ backend, centre } = await template.start({ clock: () => new Date(now) }))
  }

  /** The administrator at another desk of their own (the password check is the other tests' business). */
  const adminAt = (key: string) => deskSignedInAs(backend, key, centre.adminId)

  const expectLocked = async (at: Desk) =>
    expect(await at.result('units/list', {})).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } })
  const expectOpen = async (at: Desk) => expect(await at.result('units/list', {})).toMatchObject({ ok: true })

  it('a locked desk answers SESSION_LOCKED to every command but unlocking, signing out and the public ones', async () => {
    await start()
    const { admin } = centre
    await admin.call('auth/lock', {})
    const before = await auditCount(backend)
    const names = Object.keys(contract) as CommandName[]
    for (const name of names) {
      const spec = contract[name]
      if (spec.whileLocked || spec.access === 'public') continue
      // The lock is checked before the input is even looked at.
      expect(await admin.dispatch(name, {}), name).toEqual({
        ok: false,
        error: { code: 'SESSION_LOCKED', message: expect.any(String) },
      })
    }
    expect(names.filter((name) => contract[name].whileLocked).sort()).toEqual([
      'auth/lock',
      'auth/sign-out',
      'auth/unlock',
    ])
    expect(await auditCount(backend)).toBe(before)
    expect(await admin.call('auth/get-state', {})).toMatchObject({ session: { locked: true } })
    expect(await admin.result('system/get-status', {})).toMatchObject({ ok: true })
    expect(await admin.result('auth/touch', {})).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } })
  })

  it('a wrong password does not unlock; the right one does', async () => {
    await start()
    const { admin } = centre
    await admin.call('auth/lock', {})
    expect(await admin.result('auth/unlock', { password: 'not-my-password' })).toEqual({
      ok: false,
      error: { code: 'INVALID_CREDENTIALS', message: expect.any(String) },
    })
    await expectLocked(admin)
    const unlocked = await admin.call('auth/unlock', { password: ADMINISTRATOR.password })
    expect(unlocked).toMatchObject({ userId: centre.adminId, locked: false })
    await expectOpen(admin)
  })

  it('signing out of a locked desk leaves nobody signed in there', async () => {
    await start()
    const { admin } = centre
    await admin.call('auth/lock', {})
    expect(await admin.result('auth/sign-out', {})).toEqual({ ok: true, data: null })
    expect(await admin.call('auth/get-state', {})).toEqual({ setupRequired: false, session: null })
    expect(await admin.result('units/list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })

  it('another staff member signing in at the locked desk takes it over', async () => {
    await start()
    const jana = await addStaff(centre.admin, JANA, [
      { roleId: centre.roles.reception, unitId: centre.centreId, includeSubUnits: true },
    ])
    const shared = await adminAt('shared-desk')
    await shared.call('auth/lock', {})
    await shared.call('auth/sign-in', { username: JANA.username, password: JANA.password })
    expect(await shared.call('auth/get-state', {})).toMatchObject({
      session: { userId: jana.id, displayName: JANA.displayName, locked: false },
    })
    // The desk now acts as Jana: the administrator's permissions went with him.
    expect(await shared.result('staff/list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    // Unlocking the desk now takes Jana's password, not the administrator's.
    await shared.call('auth/lock', {})
    expect(await shared.result('auth/unlock', { password: ADMINISTRATOR.password })).toMatchObject({
      error: { code: 'INVALID_CREDENTIALS' },
    })
    expect(await shared.call('auth/unlock', { password: JANA.password })).toMatchObject({ userId: jana.id })
  })

  it('locking one desk leaves the same staff member’s other desk open', async () => {
    await start()
    const second = await adminAt('second-desk')
    await centre.admin.call('auth/lock', {})
    await expectLocked(centre.admin)
    await expectOpen(second)
  })

  describe('main locks an idle desk by itself', () => {
    it('a minute after the desk’s own countdown, the next call finds the desk locked', async () => {
      await start()
      const { admin } = centre
      now += 10 * MINUTE + 61_000
      await expectLocked(admin)
      expect(await admin.call('auth/get-state', {})).toMatchObject({ session: { locked: true, autoLockMinutes: 10 } })
      await admin.call('auth/unlock', { password: ADMINISTRATOR.password })
      await expectOpen(admin)
    })

    it('within the minute of grace the desk is still open', async () => {
      await start()
      now += 10 * MINUTE + 59_000
      await expectOpen(centre.admin)
    })

    it('asking for the state alone reports an idle desk as locked, so the screen shows the lock at once', async () => {
      await start()
      now += 10 * MINUTE + 61_000
      expect(await centre.admin.call('auth/get-state', {})).toMatchObject({ session: { locked: true } })
    })

    it('any call keeps the desk open', async () => {
      await start()
      for (let step = 0; step < 8; step++) {
        now += 9 * MINUTE
        await expectOpen(centre.admin)
      }
    })

    it('the renderer’s touch keeps the desk open while someone types a long form', async () => {
      await start()
      for (let step = 0; step < 8; step++) {
        now += 9 * MINUTE
        expect(await centre.admin.result('auth/touch', {})).toEqual({ ok: true, data: null })
      }
      now += 9 * MINUTE
      await expectOpen(centre.admin)
    })

    it('each desk has its own countdown', async () => {
      await start()
      const busy = await adminAt('busy-desk')
      for (let step = 0; step < 3; step++) {
        now += 5 * MINUTE
        await expectOpen(busy)
      }
      await expectLocked(centre.admin)
      await expectOpen(busy)
    })

    it('a shorter auto-lock time applies to desks already signed in', async () => {
      await start()
      const other = await adminAt('other-desk')
      await saveAutoLock(centre.admin, 2)
      expect(await other.call('auth/get-state', {})).toMatchObject({ session: { autoLockMinutes: 2 } })
      now += 2 * MINUTE + 59_000
      await expectOpen(other)
      now += 3 * MINUTE + 1000
      await expectLocked(other)
    })

    it('a longer auto-lock time lets desks already signed in stay open longer', async () => {
      await start()
      const other = await adminAt('other-desk')
      await saveAutoLock(centre.admin, 30)
      now += 25 * MINUTE
      await expectOpen(other)
    })
  })
})
