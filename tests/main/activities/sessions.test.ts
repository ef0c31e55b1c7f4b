import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Currency } from '../../../src/shared/money'
import { queryCommitted } from '../../support/database'
import { addChildren, addClosure, enrol, setCurrency, startActivities, type Activities } from './activityFixture'

const WEEKDAYS = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startsAt: '16:00', endsAt: '17:00', placeId: null }))
const wholeYear = (t: Activities) =>
  t.club({ termId: null, startsOn: '2026-09-01', endsOn: '2027-06-30', slots: WEEKDAYS })

/** Each country's own holidays that fall on a school day of 2026/27, and one that is only a neighbour's. */
const COUNTRIES: [string, Currency, string[], string][] = [
  ['Czech', 'CZK', ['2026-09-28', '2026-11-17', '2027-03-26', '2027-03-29'], '2027-01-06'],
  ['Slovak', 'EUR', ['2026-09-15', '2027-01-06', '2027-03-26', '2027-03-29'], '2026-09-28'],
  ['Hungarian', 'HUF', ['2026-10-23', '2027-03-15', '2027-03-29', '2027-05-17'], '2026-11-17'],
  ['Polish', 'PLN', ['2026-11-11', '2027-03-29', '2027-05-03', '2027-05-27'], '2026-10-23'],
]

describe('the sessions of a club, an event and a camp', () => {
  let t: Activities
  beforeEach(async () => {
    t = await startActivities()
  })
  afterEach(() => t?.backend.dispose())

  const sessionDates = async (activityId: number) =>
    (await t.backend.call('activities/list-sessions', { activityId })).sessions.map((s) => s.date)

  it.each(COUNTRIES)(
    'a weekday club skips the %s public holidays and the school holidays, and meets on other days',
    async (_name, currency, holidays, neighbours) => {
      await setCurrency(t.backend, currency)
      await addClosure(t.em, 'Podzimní prázdniny', '2026-10-29', '2026-10-30')
      const club = await t.backend.call('activities/create', { activity: wholeYear(t), clashOverride: null })
      const dates = new Set(await sessionDates(club.id))
      for (const holiday of holidays) expect(dates.has(holiday), holiday).toBe(false)
      expect(dates.has('2026-10-29')).toBe(false)
      expect(dates.has('2026-10-30')).toBe(false)
      expect(dates.has('2026-10-27')).toBe(true)
      expect(dates.has(neighbours), `${neighbours} is no holiday here`).toBe(true)
      // Every other weekday of the year is a session: none of a weekend.
      expect([...dates].every((date) => [1, 2, 3, 4, 5].includes(new Date(`${date}T00:00:00Z`).getUTCDay()))).toBe(true)
      expect(club.sessions.promised).toBe(dates.size)
    },
  )

  it('an event has one session; a camp one per day of each turn, holidays included', async () => {
    const event = await t.backend.call('activities/create', {
      activity: t.club({
        kind: 'event',
        code: 'KARNEVAL',
        schoolYearId: null,
        termId: null,
        slots: [],
        startsOn: '2026-09-28',
        endsOn: '2026-09-28',
        startsAt: '15:00',
        endsAt: '18:00',
      }),
      clashOverride: null,
    })
    expect((await t.backend.call('activities/list-sessions', { activityId: event.id })).sessions).toMatchObject([
      { date: '2026-09-28', startsAt: '15:00', endsAt: '18:00', state: 'planned', kind: 'regular' },
    ])
    const camp = await t.backend.call('activities/create', {
      activity: t.club({
        kind: 'camp',
        code: 'TABOR',
        schoolYearId: null,
        termId: null,
        slots: [],
        capacity: null,
        startsOn: '2027-07-01',
        endsOn: '2027-07-20',
        turns: [
          { name: '1. turnus', startsOn: '2027-07-01', endsOn: '2027-07-07', capacity: 20, minimum: 5 },
          { name: '2. turnus', startsOn: '2027-07-14', endsOn: '2027-07-20', capacity: 25, minimum: 5 },
        ],
      }),
      clashOverride: null,
    })
    expect(camp.turns.map((turn) => [turn.name, turn.capacity, turn.state])).toEqual([
      ['1. turnus', 20, 'draft'],
      ['2. turnus', 25, 'draft'],
    ])
    const { sessions } = await t.backend.call('activities/list-sessions', { activityId: camp.id })
    // 5 and 6 July are Czech holidays: a camp still meets.
    expect(sessions.filter((s) => s.activityId === camp.turns[0].id).map((s) => s.date)).toEqual([
      '2027-07-01',
      '2027-07-02',
      '2027-07-03',
      '2027-07-04',
      '2027-07-05',
      '2027-07-06',
      '2027-07-07',
    ])
    expect(sessions.filter((s) => s.activityId === camp.turns[1].id)).toHaveLength(7)
    expect(sessions.filter((s) => s.activityId === camp.id)).toHaveLength(0)
  })

  it('cancels, moves and adds sessions with notices to the live participants, and sums them up', async () => {
    const club = await t.backend.call('activities/create', { activity: t.club(), clashOverride: null })
    const children = await addChildren(t.backend, t.unitId, 4)
    await enrol(t.em, club.id, children.slice(0, 2), 'approved')
    await enrol(t.em, club.id, children.slice(2, 3), 'offered')
    await enrol(t.em, club.id, children.slice(3), 'waitlisted')
    const { sessions } = await t.backend.call('activities/list-sessions', { activityId: club.id })
    const [first, second] = sessions

    const cancelled = await t.backend.call('activities/cancel-session', {
      id: first.id,
      expectedVersion: first.version,
      reason: 'Nemoc lektorky',
    })
    expect(cancelled).toMatchObject({ state: 'cancelled', cancelReason: 'Nemoc lektorky', held: false })
    const again = await t.backend.result('activities/cancel-session', {
      id: first.id,
      expectedVersion: cancelled.version,
      reason: 'Znovu',
    })
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'wrong_state' } })

    const moved = await t.backend.call('activities/move-session', {
      id: second.id,
      expectedVersion: second.version,
      date: '2026-09-16',
      startsAt: '15:00',
      endsAt: '16:30',
      placeId: null,
      clashOverride: null,
    })
    expect(moved).toMatchObject({ date: '2026-09-16', startsAt: '15:00', movedFrom: second.date, kind: 'regular' })

    const outside = await t.backend.result('activities/add-session', {
      activityId: club.id,
      date: '2027-02-15',
      startsAt: '16:00',
      endsAt: '17:30',
      placeId: null,
      clashOverride: null,
    })
    expect(outside).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'session_outside_term' } })
    const makeUp = await t.backend.call('activities/add-session', {
      activityId: club.id,
      date: '2026-09-19',
      startsAt: '09:00',
      endsAt: '10:30',
      placeId: null,
      clashOverride: null,
    })
    expect(makeUp).toMatchObject({ kind: 'make_up', state: 'planned' })

    const notices = await queryCommitted<{ kind: string; person_id: number; session_id: number }>(
      t.backend,
      'SELECT kind, person_id, session_id FROM notice ORDER BY id',
    )
    // Approved and offered seats are told; the waitlisted child is not.
    const told = (kind: string) =>
      notices
        .filter((n) => n.kind === kind)
        .map((n) => Number(n.person_id))
        .sort((a, b) => a - b)
    expect(told('session_cancelled')).toEqual(children.slice(0, 3))
    expect(told('session_moved')).toEqual(children.slice(0, 3))

    // A month later: the first Monday sessions are past and held, the cancelled one is not.
    t.now.value = new Date('2026-10-01T08:00:00Z')
    const listed = await t.backend.call('activities/list-sessions', { activityId: club.id })
    const mondaysSoFar = listed.sessions.filter((s) => s.date < '2026-10-01' && s.state === 'planned')
    expect(listed.summary).toEqual({
      promised: sessions.length,
      held: mondaysSoFar.length,
      cancelled: 1,
      makeUp: 1,
    })
    expect(mondaysSoFar.every((s) => s.held)).toBe(true)

    const audit = await queryCommitted<{ target: string; summary: string }>(
      t.backend,
      `SELECT target, summary FROM audit_log WHERE command LIKE 'activities/%session' ORDER BY id`,
    )
    expect(audit.map((row) => row.target)).toEqual([
      `activity:${club.id}`,
      `activity:${club.id}`,
      `activity:${club.id}`,
    ])
    expect(audit[0].summary).toContain('Nemoc lektorky')
  })

  it('planning again replaces only future untouched sessions: cancelled, moved, make-up and past ones stay', async () => {
    const club = await t.backend.call('activities/create', { activity: t.club(), clashOverride: null })
    const { sessions } = await t.backend.call('activities/list-sessions', { activityId: club.id })
    const [first, second, third, fourth] = sessions
    await t.backend.call('activities/cancel-session', { id: third.id, expectedVersion: third.version, reason: 'Výlet' })
    await t.backend.call('activities/move-session', {
      ...{ id: fourth.id, expectedVersion: fourth.version, date: '2026-09-23' },
      ...{ startsAt: '16:00', endsAt: '17:30', placeId: null, clashOverride: null },
    })
    t.now.value = new Date('2026-09-10T08:00:00Z')
    // The calendar changed after the club was planned: the autumn holidays are entered now.
    await addClosure(t.em, 'Podzimní prázdniny', '2026-10-26', '2026-10-30')
    const before = new Set(sessions.map((s) => s.id))
    const summary = await t.backend.call('activities/regenerate-sessions', { activityId: club.id })
    const after = (await t.backend.call('activities/list-sessions', { activityId: club.id })).sessions
    const ids = new Set(after.map((s) => s.id))
    // The past session and the touched ones keep their rows; no date is planned twice.
    expect(ids.has(first.id)).toBe(true)
    expect(ids.has(third.id)).toBe(true)
    expect(ids.has(fourth.id)).toBe(true)
    expect(ids.has(second.id)).toBe(false)
    expect(after.filter((s) => before.has(s.id)).map((s) => s.id)).toEqual([first.id, third.id, fourth.id])
    expect(after.map((s) => s.date)).not.toContain('2026-10-26')
    expect(after.filter((s) => s.date === third.date)).toHaveLength(1)
    expect(after.filter((s) => s.date === fourth.date)).toHaveLength(0)
    expect(summary.promised).toBe(sessions.length - 2)

    // Moving the slot to Tuesday replans the future from today on, on Tuesdays.
    const current = await t.backend.call('activities/get', { id: club.id })
    await t.backend.call('activities/update', {
      id: club.id,
      expectedVersion: current.version,
      activity: t.club({ slots: [{ weekday: 2, startsAt: '16:00', endsAt: '17:30', placeId: null }] }),
      clashOverride: null,
    })
    const replanned = (await t.backend.call('activities/list-sessions', { activityId: club.id })).sessions
    const future = replanned.filter((s) => s.date >= '2026-09-10' && s.state === 'planned' && s.movedFrom === null)
    expect(future.length).toBeGreaterThan(10)
    expect(future.every((s) => new Date(`${s.date}T00:00:00Z`).getUTCDay() === 2)).toBe(true)
    expect(replanned.find((s) => s.id === first.id)).toMatchObject({ date: first.date, held: true })
  })
})
