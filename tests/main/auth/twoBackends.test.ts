import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { TestBackend } from '../../support/backend'
import {
  addStaff,
  ADMINISTRATOR,
  centreTemplate,
  desk,
  deskSignedInAs,
  recordingThrottle,
  startSecondDeskBackend,
  type Centre,
  type CentreTemplate,
  type Desk,
  type StaffAccount,
} from '../../support/desks'
import { saveAutoLock } from '../../support/settings'

const JANA: StaffAccount = { username: 'jana.novakova', displayName: 'Jana Nováková', password: 'recepce-jana-1' }
const MINUTE = 60_000
/** The same desk key on both backends: still two desks, one per process. */
const DESK_KEY = 'reception'

/**
 * Two desks' backends on one database (on PostgreSQL the way a centre's desks share a server;
 * here two Backend objects in one test process). Sessions, sign-in throttling and auto-lock
 * live in each backend's memory: what happens at one desk must not lock, slow down or sign
 * in anyone at the other.
 */
describe('two backends on one database keep their desks apart', () => {
  let template: CentreTemplate<number>
  let first: TestBackend
  let second: TestBackend
  let centre: Centre
  /** Each backend's own clock, as two computers have. */
  const now = { first: 0, second: 0 }
  const throttles = { first: recordingThrottle(), second: recordingThrottle() }

  beforeAll(async () => {
    template = await centreTemplate(
      async ({ admin, centreId, roles }) =>
        (await addStaff(admin, JANA, [{ roleId: roles.reception, unitId: centreId, includeSubUnits: true }])).id,
    )
  })
  afterAll(() => template?.dispose())
  afterEach(async () => {
    await second?.dispose()
    await first?.dispose()
  })

  async function start() {
    now.first = now.second = Date.parse('2025-09-01T07:00:00Z')
    throttles.first = recordingThrottle(() => now.first)
    throttles.second = recordingThrottle(() => now.second)
    ;({ backend: first, centre } = await template.start({
      throttle: throttles.first,
      clock: () => new Date(now.first),
    }))
    second = await startSecondDeskBackend(first, { throttle: throttles.second, clock: () => new Date(now.second) })
  }

  const signIn = (backend: TestBackend, password: string) =>
    desk(backend, DESK_KEY).result('auth/sign-in', { username: JANA.username, password })
  const expectLocked = async (at: Desk) =>
    expect(await at.result('units/list', {})).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } })
  const expectOpen = async (at: Desk) => expect(await at.result('units/list', {})).toMatchObject({ ok: true })

  it('both desks work on the same data', async () => {
    await start()
    const jana = await deskSignedInAs(second, DESK_KEY, template.extra)
    const unit = await centre.admin.call('units/create', { name: 'Keramika', parentId: centre.centreId })
    expect((await jana.call('units/list', {})).map((each) => each.name)).toContain(unit.name)
  })

  it('wrong passwords at one desk slow down guessing there, not signing in at the other', async () => {
    await start()
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect(await signIn(first, 'guess')).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } })
    }
    expect(throttles.first.waits).toEqual([1000, 2000])
    expect(await signIn(second, JANA.password)).toMatchObject({ ok: true })
    expect(throttles.second.waits).toEqual([])
    // The first desk still counts its own failures.
    expect(await signIn(first, JANA.password)).toMatchObject({ ok: true })
    expect(throttles.first.waits).toEqual([1000, 2000, 4000])
  })

  it('signing in at one desk signs in nobody at the other, even under the same desk key', async () => {
    await start()
    expect(await signIn(first, JANA.password)).toMatchObject({ ok: true })
    expect(await desk(second, DESK_KEY).call('auth/get-state', {})).toEqual({ setupRequired: false, session: null })
    expect(await desk(second, DESK_KEY).result('units/list', {})).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })
  })

  it('locking a desk leaves the same staff member’s desk at the other backend open', async () => {
    await start()
    const atFirst = await deskSignedInAs(first, DESK_KEY, centre.adminId)
    const atSecond = await deskSignedInAs(second, DESK_KEY, centre.adminId)
    await atFirst.call('auth/lock', {})
    await expectLocked(atFirst)
    await expectOpen(atSecond)
    // Unlocking there does not unlock here either.
    await atSecond.call('auth/lock', {})
    expect(await atSecond.result('auth/unlock', { password: ADMINISTRATOR.password })).toMatchObject({ ok: true })
    await expectOpen(atSecond)
    await expectLocked(atFirst)
  })

  it('each backend locks its own idle desks: the idle one locks, the busy one stays open', async () => {
    await start()
    const idle = await deskSignedInAs(first, DESK_KEY, centre.adminId)
    const busy = await deskSignedInAs(second, DESK_KEY, centre.adminId)
    for (let step = 0; step < 3; step++) {
      now.first += 4 * MINUTE
      now.second += 4 * MINUTE
      await expectOpen(busy)
    }
    await expectLocked(idle)
    await expectOpen(busy)
  })

  it('a staff member deactivated at one desk is signed out at the other at their next call', async () => {
    await start()
    const jana = await deskSignedInAs(second, DESK_KEY, template.extra)
    await expectOpen(jana)
    const { version } = (await centre.admin.call('staff/list', {})).find((member) => member.id === template.extra)!
    await centre.admin.call('staff/set-active', { id: template.extra, active: false, expectedVersion: version })
    expect(await jana.result('units/list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })

  it('a shorter auto-lock time saved at one desk applies to desks already signed in at the other', async () => {
    await start()
    const jana = await deskSignedInAs(second, DESK_KEY, template.extra)
    await saveAutoLock(centre.admin, 5)
    expect(await jana.call('auth/get-state', {})).toMatchObject({ session: { autoLockMinutes: 5 } })
    now.second += 6 * MINUTE + 1000
    await expectLocked(jana)
  })
})
