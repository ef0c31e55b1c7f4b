import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ActivityInput, Place } from '../../../src/shared/contract/activities'
import { queryCommitted, rowCounts } from '../../support/database'
import { startActivities, type Activities } from './activityFixture'

describe('clashes of place and leader', () => {
  let t: Activities
  let gym: Place
  let hall: Place
  let leaderId: number
  beforeEach(async () => {
    t = await startActivities()
    gym = await t.backend.call('activities/create-place', { name: 'Tělocvična', kind: 'gym', capacity: 30 })
    hall = await t.backend.call('activities/create-place', { name: 'Sál', kind: 'room', capacity: 60 })
    leaderId = (
      await t.backend.call('staff/create', { displayName: 'Petr Vedoucí', username: 'petr', password: 'Vedouci-12345' })
    ).id
  })
  afterEach(() => t?.backend.dispose())

  const monday = (startsAt: string, endsAt: string, placeId: number | null) => [
    { weekday: 1, startsAt, endsAt, placeId },
  ]
  const create = (activity: ActivityInput, reason: string | null = null) =>
    t.backend.result('activities/create', { activity, clashOverride: reason === null ? null : { reason } })

  /** What a second Monday club meets, against a first one in the gym 16:00–17:30 led by Petr. */
  const CASES: [string, (t: Activities) => Partial<ActivityInput>, ('place' | 'leader')[]][] = [
    ['the same place at an overlapping time', () => ({ slots: monday('17:00', '18:00', gym.id) }), ['place']],
    ['the same place right after', () => ({ slots: monday('17:30', '18:30', gym.id) }), []],
    ['another place at the same time', () => ({ slots: monday('16:00', '17:30', hall.id) }), []],
    [
      'the same place through the activity',
      () => ({ placeId: gym.id, slots: monday('16:30', '17:00', null) }),
      ['place'],
    ],
    [
      'the same leader elsewhere',
      () => ({ leaders: [{ staffUserId: leaderId }], slots: monday('16:00', '17:00', hall.id) }),
      ['leader'],
    ],
    [
      'the same leader on another weekday',
      () => ({
        leaders: [{ staffUserId: leaderId }],
        slots: [{ weekday: 2, startsAt: '16:00', endsAt: '17:00', placeId: gym.id }],
      }),
      [],
    ],
  ]

  it.each(CASES)('%s', async (_name, change, expected) => {
    const first = await create(
      t.club({ code: 'A', leaders: [{ staffUserId: leaderId }], slots: monday('16:00', '17:30', gym.id) }),
    )
    expect(first.ok).toBe(true)
    const second = t.club({ code: 'B', name: 'Florbal', ...change(t) })
    const clashes = await t.backend.call('activities/check-clashes', { id: null, activity: second })
    expect([...new Set(clashes.map((c) => c.what))]).toEqual(expected)
    if (expected.length === 0) return
    expect(clashes[0]).toMatchObject({ activityName: 'Keramika pro děti', date: '2026-09-07' })
    expect(clashes.find((c) => c.what === expected[0])?.name).toBe(
      expected[0] === 'place' ? 'Tělocvična' : 'Petr Vedoucí',
    )
  })

  it('refuses a clash without an override and writes nothing; with one it saves and audits the reason and the clashes', async () => {
    await create(t.club({ code: 'A', slots: monday('16:00', '17:30', gym.id) }))
    const before = await rowCounts(t.backend)
    const clashing = t.club({ code: 'B', name: 'Florbal', slots: monday('17:00', '18:00', gym.id) })
    const refused = await create(clashing)
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'clash' } })
    expect(await rowCounts(t.backend)).toEqual(before)
    const saved = await create(clashing, 'Tělocvična je dost velká pro oba kroužky')
    expect(saved.ok).toBe(true)
    const [audit] = await queryCommitted<{ target: string; summary: string }>(
      t.backend,
      'SELECT target, summary FROM audit_log ORDER BY id DESC LIMIT 1',
    )
    expect(audit.target).toBe(`activity:${saved.ok ? saved.data.id : 0}`)
    expect(audit.summary).toContain('Tělocvična je dost velká pro oba kroužky')
    expect(audit.summary).toContain('Keramika pro děti on 2026-09-07 16:00 (place: Tělocvična)')
  })

  it('a cancelled session, a cancelled activity and the activity itself clash with nothing', async () => {
    const first = await t.backend.call('activities/create', {
      activity: t.club({ code: 'A', slots: monday('16:00', '17:30', gym.id) }),
      clashOverride: null,
    })
    // Saving the activity over itself is no clash.
    const resaved = await t.backend.result('activities/update', {
      id: first.id,
      expectedVersion: first.version,
      activity: t.club({ code: 'A', slots: monday('16:00', '17:30', gym.id), name: 'Keramika' }),
      clashOverride: null,
    })
    expect(resaved.ok).toBe(true)
    const { sessions } = await t.backend.call('activities/list-sessions', { activityId: first.id })
    await t.backend.call('activities/cancel-session', {
      id: sessions[0].id,
      expectedVersion: sessions[0].version,
      reason: 'Volno',
    })
    const event = (date: string) =>
      t.club({
        ...{ kind: 'event', code: `E${date}`, schoolYearId: null, termId: null, slots: [], placeId: gym.id },
        ...{ startsOn: date, endsOn: date, startsAt: '16:00', endsAt: '17:00' },
      })
    expect(await t.backend.call('activities/check-clashes', { id: null, activity: event(sessions[0].date) })).toEqual(
      [],
    )
    expect(
      await t.backend.call('activities/check-clashes', { id: null, activity: event(sessions[1].date) }),
    ).toHaveLength(1)
    const current = await t.backend.call('activities/get', { id: first.id })
    await t.backend.call('activities/cancel', {
      id: first.id,
      expectedVersion: current.version,
      reason: 'Zrušeno',
      feeAction: 'keep',
    })
    expect(await t.backend.call('activities/check-clashes', { id: null, activity: event(sessions[1].date) })).toEqual(
      [],
    )
  })

  it('what is past clashes with nobody: only sessions from today on are compared', async () => {
    await t.backend.call('activities/create', {
      activity: t.club({ code: 'A', slots: monday('16:00', '17:30', gym.id) }),
      clashOverride: null,
    })
    t.now.value = new Date('2026-12-01T08:00:00Z')
    const event = (date: string) =>
      t.club({
        ...{ kind: 'event', code: 'E', schoolYearId: null, termId: null, slots: [], placeId: gym.id },
        ...{ startsOn: date, endsOn: date, startsAt: '16:00', endsAt: '17:00' },
      })
    expect(await t.backend.call('activities/check-clashes', { id: null, activity: event('2026-09-07') })).toEqual([])
    expect(await t.backend.call('activities/check-clashes', { id: null, activity: event('2026-12-07') })).toHaveLength(
      1,
    )
  })

  it('moving or adding a session into a clash needs an override too', async () => {
    await t.backend.call('activities/create', {
      activity: t.club({ code: 'A', slots: monday('16:00', '17:30', gym.id) }),
      clashOverride: null,
    })
    const other = await t.backend.call('activities/create', {
      activity: t.club({ code: 'B', slots: [{ weekday: 3, startsAt: '16:00', endsAt: '17:00', placeId: gym.id }] }),
      clashOverride: null,
    })
    const [session] = (await t.backend.call('activities/list-sessions', { activityId: other.id })).sessions
    const move = {
      id: session.id,
      expectedVersion: session.version,
      date: '2026-09-07',
      startsAt: '16:30',
      endsAt: '17:30',
    }
    const refused = await t.backend.result('activities/move-session', { ...move, placeId: null, clashOverride: null })
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'clash' } })
    const elsewhere = await t.backend.call('activities/move-session', {
      ...move,
      placeId: hall.id,
      clashOverride: null,
    })
    expect(elsewhere).toMatchObject({ date: '2026-09-07', placeName: 'Sál', movedFrom: session.date })
    const add = { activityId: other.id, date: '2026-09-14', startsAt: '17:00', endsAt: '18:00', placeId: gym.id }
    expect(await t.backend.result('activities/add-session', { ...add, clashOverride: null })).toMatchObject({
      ok: false,
      error: { reason: 'clash' },
    })
    const added = await t.backend.call('activities/add-session', { ...add, clashOverride: { reason: 'Jen na chvíli' } })
    expect(added.kind).toBe('make_up')
  })
})
