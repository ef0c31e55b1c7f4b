import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { TestBackend } from '../../support/backend'
import {
  addStaff,
  ADMINISTRATOR,
  auditCount,
  centreTemplate,
  desk,
  recordingThrottle,
  signInAt,
  type Centre,
  type CentreTemplate,
  type StaffAccount,
} from '../../support/desks'

const JANA: StaffAccount = { username: 'Jana.Novakova', displayName: 'Jana Nováková', password: 'recepce-jana-1' }

describe('signing in at a desk', () => {
  let template: CentreTemplate<number>
  let backend: TestBackend
  let centre: Centre
  let throttle: ReturnType<typeof recordingThrottle>
  /** The throttle's clock: a wrong attempt is forgotten after a quarter of an hour. */
  let clock: number

  beforeAll(async () => {
    template = await centreTemplate(
      async ({ admin, centreId, roles }) =>
        (await addStaff(admin, JANA, [{ roleId: roles.reception, unitId: centreId, includeSubUnits: true }])).id,
    )
  })
  afterAll(() => template?.dispose())
  afterEach(() => backend?.dispose())

  /** A fresh copy of the centre with Jana from reception; returns her staff id. */
  async function start(): Promise<{ id: number }> {
    clock = Date.parse('2025-09-01T07:00:00Z')
    throttle = recordingThrottle(() => clock)
    ;({ backend, centre } = await template.start({ throttle }))
    return { id: template.extra }
  }

  const signIn = (key: string, username: string, password: string) =>
    desk(backend, key).result('auth/sign-in', { username, password })

  it('the right password signs in, whatever the case of the username and spaces around it', async () => {
    const jana = await start()
    const result = await signIn('desk-1', '  jana.NOVAKOVA ', JANA.password)
    expect(result).toEqual({
      ok: true,
      data: expect.objectContaining({
        userId: jana.id,
        username: JANA.username,
        displayName: JANA.displayName,
        locked: false,
      }),
    })
    expect(await desk(backend, 'desk-1').call('auth/get-state', {})).toMatchObject({ session: { userId: jana.id } })
    expect(await desk(backend, 'desk-1').result('units/list', {})).toMatchObject({ ok: true })
  })

  it('signing in writes nothing to the audit trail', async () => {
    await start()
    const before = await auditCount(backend)
    await signInAt(backend, 'desk-1', JANA)
    await signIn('desk-2', JANA.username, 'wrong-password')
    expect(await auditCount(backend)).toBe(before)
  })

  it('a wrong password and an unknown username get the very same answer', async () => {
    await start()
    const wrongPassword = await signIn('desk-1', JANA.username, 'not-her-password')
    const unknownUser = await signIn('desk-1', 'nobody.here', JANA.password)
    expect(wrongPassword).toEqual({ ok: false, error: { code: 'INVALID_CREDENTIALS', message: expect.any(String) } })
    expect(unknownUser).toEqual(wrongPassword)
    expect(await desk(backend, 'desk-1').call('auth/get-state', {})).toMatchObject({ session: null })
  })

  it('a deactivated staff member cannot sign in, and is told nothing more than a wrong password', async () => {
    const jana = await start()
    const wrongPassword = await signIn('desk-1', JANA.username, 'not-her-password')
    await centre.admin.call('staff/set-active', { id: jana.id, active: false, expectedVersion: 1 })
    expect(await signIn('desk-1', JANA.username, JANA.password)).toEqual(wrongPassword)
  })

  it('a deactivated staff member who is still signed in is signed out at their next call', async () => {
    const jana = await start()
    const janaDesk = await signInAt(backend, 'desk-2', JANA)
    expect(await janaDesk.result('units/list', {})).toMatchObject({ ok: true })
    const deactivated = await centre.admin.call('staff/set-active', {
      id: jana.id,
      active: false,
      expectedVersion: 1,
    })
    expect(await janaDesk.result('units/list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(await janaDesk.call('auth/get-state', {})).toEqual({ setupRequired: false, session: null })
    // Reactivated, she signs in again like anyone else.
    await centre.admin.call('staff/set-active', { id: jana.id, active: true, expectedVersion: deactivated.version })
    expect(await signIn('desk-2', JANA.username, JANA.password)).toMatchObject({ ok: true })
  })

  it('after three wrong passwords each further attempt waits twice as long: 1 s, 2 s, 4 s', async () => {
    await start()
    for (let attempt = 1; attempt <= 3; attempt++) await signIn('desk-1', JANA.username, 'guess')
    expect(throttle.waits).toEqual([])
    for (let attempt = 4; attempt <= 6; attempt++) {
      expect(await signIn('desk-1', JANA.username, 'guess')).toMatchObject({ error: { code: 'INVALID_CREDENTIALS' } })
    }
    expect(throttle.waits).toEqual([1000, 2000, 4000])
  })

  it('the right password still works after the wait, and resets the count', async () => {
    await start()
    for (let attempt = 1; attempt <= 4; attempt++) await signIn('desk-1', JANA.username, 'guess')
    expect(throttle.waits).toEqual([1000])
    expect(await signIn('desk-1', JANA.username, JANA.password)).toMatchObject({ ok: true })
    expect(throttle.waits).toEqual([1000, 2000])
    for (let attempt = 1; attempt <= 3; attempt++) await signIn('desk-2', JANA.username, 'guess')
    expect(throttle.waits).toEqual([1000, 2000])
  })

  it('the delay follows the username, whatever its case and from whichever desk', async () => {
    await start()
    await signIn('desk-1', 'jana.novakova', 'guess')
    await signIn('desk-2', 'JANA.NOVAKOVA', 'guess')
    await signIn('desk-3', ' Jana.Novakova', 'guess')
    await signIn('desk-4', JANA.username, 'guess')
    expect(throttle.waits).toEqual([1000])
    // Another staff member is not slowed down by someone guessing Jana's password.
    await signIn('desk-5', ADMINISTRATOR.username, ADMINISTRATOR.password)
    expect(throttle.waits).toEqual([1000])
  })

  it('guessing at unknown usernames is slowed down just the same', async () => {
    await start()
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect(await signIn('desk-1', 'nobody.here', 'guess')).toMatchObject({ error: { code: 'INVALID_CREDENTIALS' } })
    }
    expect(throttle.waits).toEqual([1000, 2000])
  })

  it('a quarter of an hour after the last wrong attempt the count starts again', async () => {
    await start()
    for (let attempt = 1; attempt <= 4; attempt++) await signIn('desk-1', JANA.username, 'guess')
    expect(throttle.waits).toEqual([1000])
    clock += 15 * 60_000 + 1000
    await signIn('desk-1', JANA.username, 'guess')
    expect(throttle.waits).toEqual([1000])
  })

  describe('changing one’s own password', () => {
    it('needs the current password, and then only the new one works', async () => {
      await start()
      const janaDesk = await signInAt(backend, 'desk-1', JANA)
      const before = await auditCount(backend)
      const wrong = await janaDesk.result('auth/change-password', {
        currentPassword: 'not-the-current-one',
        newPassword: 'nove-heslo-2025',
      })
      expect(wrong).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED', fields: { currentPassword: { code: 'wrong_password' } } },
      })
      expect(await auditCount(backend)).toBe(before)

      const changed = await janaDesk.result('auth/change-password', {
        currentPassword: JANA.password,
        newPassword: 'nove-heslo-2025',
      })
      expect(changed).toEqual({ ok: true, data: null })
      expect(await auditCount(backend)).toBe(before + 1)
      expect(await signIn('desk-2', JANA.username, JANA.password)).toMatchObject({
        error: { code: 'INVALID_CREDENTIALS' },
      })
      expect(await signIn('desk-2', JANA.username, 'nove-heslo-2025')).toMatchObject({ ok: true })
      // The desk where she changed it stays signed in.
      expect(await janaDesk.result('units/list', {})).toMatchObject({ ok: true })
    })

    it('refuses with TOO_MANY_ATTEMPTS after repeated wrong current passwords, even the right one', async () => {
      await start()
      const janaDesk = await signInAt(backend, 'desk-1', JANA)
      for (let attempt = 1; attempt <= 3; attempt++) {
        const result = await janaDesk.result('auth/change-password', {
          currentPassword: 'guess',
          newPassword: 'nove-heslo-2025',
        })
        expect(result).toMatchObject({ error: { code: 'VALIDATION_FAILED' } })
      }
      const blocked = await janaDesk.result('auth/change-password', {
        currentPassword: JANA.password,
        newPassword: 'nove-heslo-2025',
      })
      expect(blocked).toEqual({ ok: false, error: { code: 'TOO_MANY_ATTEMPTS', message: expect.any(String) } })
      // It refused without waiting inside the write queue; a later try (the back-off forgotten) succeeds.
      expect(throttle.waits).toEqual([])
      clock += 15 * 60_000 + 1000
      expect(
        await janaDesk.result('auth/change-password', {
          currentPassword: JANA.password,
          newPassword: 'nove-heslo-2025',
        }),
      ).toEqual({ ok: true, data: null })
    })
  })

  it('no password ever appears in what the backend logs', async () => {
    const jana = await start()
    await signIn('desk-1', JANA.username, 'wrong-guess-1')
    await signIn('desk-1', 'nobody.here', 'wrong-guess-2')
    const janaDesk = await signInAt(backend, 'desk-1', JANA)
    await janaDesk.result('auth/change-password', { currentPassword: 'wrong-guess-3', newPassword: 'nove-heslo-2025' })
    await janaDesk.result('auth/change-password', { currentPassword: JANA.password, newPassword: 'nove-heslo-2025' })
    await centre.admin.call('staff/reset-password', { id: jana.id, newPassword: 'reset-heslo-2025' })
    await janaDesk.call('auth/lock', {})
    await janaDesk.result('auth/unlock', { password: 'wrong-guess-4' })
    // A malformed call that fails validation does not echo the password either.
    await desk(backend, 'desk-9').dispatch('auth/sign-in', { username: 'x', password: 'wrong-guess-5', extra: 1 })
    const logged = backend.logger.lines.join('\n')
    for (const password of [
      ADMINISTRATOR.password,
      JANA.password,
      'nove-heslo-2025',
      'reset-heslo-2025',
      'wrong-guess-1',
      'wrong-guess-2',
      'wrong-guess-3',
      'wrong-guess-4',
      'wrong-guess-5',
    ]) {
      expect(logged).not.toContain(password)
    }
  })
})
