import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ActivityState } from '../../../src/shared/contract/activities'
import { PersonSchema } from '../../../src/main/people/personEntities'
import { engineOf } from '../../../src/main/database/engines'
import { queryCommitted, rowCounts } from '../../support/database'
import { addChildren, addClosure, enrol, startActivities, type Activities } from './activityFixture'

type Step = 'publish' | 'finish' | 'cancel'
const call = (t: Activities, step: Step, id: number, expectedVersion: number) =>
  step === 'cancel'
    ? t.backend.result('activities/cancel', { id, expectedVersion, reason: 'Málo zájemců', feeAction: 'refund' })
    : t.backend.result(`activities/${step}`, { id, expectedVersion })

/** Every step from every state: what it leads to, or null for `wrong_state`. */
const TRANSITIONS: [ActivityState, Step, ActivityState | null][] = [
  ['draft', 'publish', 'published'],
  ['draft', 'finish', null],
  ['draft', 'cancel', 'cancelled'],
  ['published', 'publish', null],
  ['published', 'finish', 'finished'],
  ['published', 'cancel', 'cancelled'],
  ['finished', 'publish', null],
  ['finished', 'finish', null],
  ['finished', 'cancel', null],
  ['cancelled', 'publish', null],
  ['cancelled', 'finish', null],
  ['cancelled', 'cancel', null],
]
const PATH: Record<ActivityState, Step[]> = {
  draft: [],
  published: ['publish'],
  finished: ['publish', 'finish'],
  cancelled: ['cancel'],
}

describe('the lifecycle of an activity', () => {
  let t: Activities
  beforeEach(async () => {
    t = await startActivities()
  })
  afterEach(() => t?.backend.dispose())

  it.each(TRANSITIONS)('from %s, %s leads to %s', async (from, step, to) => {
    let activity = await t.backend.call('activities/create', { activity: t.club(), clashOverride: null })
    for (const earlier of PATH[from]) {
      const result = await call(t, earlier, activity.id, activity.version)
      if (!result.ok) throw new Error(result.error.message)
      activity = await t.backend.call('activities/get', { id: activity.id })
    }
    expect(activity.state).toBe(from)
    const before = await rowCounts(t.backend)
    const result = await call(t, step, activity.id, activity.version)
    if (to === null) {
      expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'wrong_state' } })
      expect(await rowCounts(t.backend)).toEqual(before)
    } else {
      expect(result).toMatchObject({ ok: true, data: { state: to } })
      const [audit] = await queryCommitted<{ target: string }>(
        t.backend,
        'SELECT target FROM audit_log ORDER BY id DESC LIMIT 1',
      )
      expect(audit.target).toBe(`activity:${activity.id}`)
    }
  })

  it('a club whose slots meet on no open day cannot be published', async () => {
    await addClosure(t.em, 'Rekonstrukce', '2026-09-01', '2026-09-30')
    const club = await t.backend.call('activities/create', {
      activity: t.club({ termId: null, startsOn: '2026-09-01', endsOn: '2026-09-30' }),
      clashOverride: null,
    })
    expect(club.sessions.promised).toBe(0)
    const result = await t.backend.result('activities/publish', { id: club.id, expectedVersion: club.version })
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'no_sessions' } })
  })

  it('cancelling a camp withdraws everyone of every turn, with history, notices and the fees of approved seats', async () => {
    const camp = await t.backend.call('activities/create', {
      activity: t.club({
        ...{ kind: 'camp', code: 'TABOR', schoolYearId: null, termId: null, slots: [], capacity: null },
        ...{ startsOn: '2027-07-01', endsOn: '2027-07-20' },
        turns: [
          { name: '1. turnus', startsOn: '2027-07-01', endsOn: '2027-07-07', capacity: 20, minimum: 0 },
          { name: '2. turnus', startsOn: '2027-07-14', endsOn: '2027-07-20', capacity: 20, minimum: 0 },
        ],
        priceOptions: [{ label: 'Turnus', audience: 'everyone', period: 'one_off', amount: 450_000 }],
      }),
      clashOverride: null,
    })
    const published = await t.backend.call('activities/publish', { id: camp.id, expectedVersion: camp.version })
    const [first, second] = published.turns
    const price = published.priceOptions[0].id
    const kids = await addChildren(t.backend, t.unitId, 7)
    const approved = await enrol(t.em, first.id, kids.slice(0, 3), 'approved', price)
    await enrol(t.em, first.id, kids.slice(3, 4), 'waitlisted', price)
    await enrol(t.em, second.id, kids.slice(4, 5), 'offered', price)
    await enrol(t.em, second.id, kids.slice(5, 6), 'applied', price)
    await enrol(t.em, second.id, kids.slice(6, 7), 'rejected', price)

    const cancelled = await t.backend.call('activities/cancel', {
      id: camp.id,
      expectedVersion: published.version,
      reason: 'Povodně',
      feeAction: 'refund',
    })
    expect(cancelled).toMatchObject({
      state: 'cancelled',
      cancelReason: 'Povodně',
      cancelledAt: t.now.value.toISOString(),
    })
    expect(cancelled.turns.map((turn) => [turn.state, turn.seats])).toEqual([
      ['cancelled', { approved: 0, offered: 0, waitlisted: 0, applied: 0 }],
      ['cancelled', { approved: 0, offered: 0, waitlisted: 0, applied: 0 }],
    ])
    const states = await queryCommitted<{ person_id: number; state: string }>(
      t.backend,
      'SELECT person_id, state FROM enrolment ORDER BY person_id',
    )
    expect(states.map((row) => row.state)).toEqual([...Array(6).fill('withdrawn'), 'rejected'])
    const changes = await queryCommitted<{ from_state: string; to_state: string; reason: string }>(
      t.backend,
      'SELECT from_state, to_state, reason FROM enrolment_change ORDER BY enrolment_id',
    )
    expect(changes.map((c) => c.from_state)).toEqual([
      'approved',
      'approved',
      'approved',
      'waitlisted',
      'offered',
      'applied',
    ])
    expect(changes.every((c) => c.to_state === 'withdrawn' && c.reason === 'Povodně')).toBe(true)
    const notices = await queryCommitted<{ kind: string; person_id: number }>(
      t.backend,
      'SELECT kind, person_id FROM notice ORDER BY person_id',
    )
    expect(notices.map((n) => [n.kind, Number(n.person_id)])).toEqual(
      kids.slice(0, 6).map((id) => ['activity_cancelled', id]),
    )
    const fees = await queryCommitted<{ kind: string; enrolment_id: number; amount: number; price_option_id: number }>(
      t.backend,
      'SELECT kind, enrolment_id, amount, price_option_id FROM fee_event ORDER BY enrolment_id',
    )
    expect(fees.map((f) => [f.kind, Number(f.enrolment_id), Number(f.amount), Number(f.price_option_id)])).toEqual(
      approved.map((id) => ['refund', id, 450_000, price]),
    )
    // Cancelled: it can still be edited, never published again.
    const edited = await t.backend.call('activities/update', {
      id: camp.id,
      expectedVersion: cancelled.version,
      activity: t.club({
        ...{ kind: 'camp', code: 'TABOR', schoolYearId: null, termId: null, slots: [], capacity: null },
        ...{ startsOn: '2027-07-01', endsOn: '2027-07-20', description: 'Zrušeno kvůli povodním' },
        turns: cancelled.turns.map(({ id, name, startsOn, endsOn, capacity, minimum }) => ({
          ...{ id, name, startsOn, endsOn, capacity, minimum },
        })),
      }),
      clashOverride: null,
    })
    expect(edited).toMatchObject({ state: 'cancelled', description: 'Zrušeno kvůli povodním' })
    const republish = await t.backend.result('activities/publish', { id: camp.id, expectedVersion: edited.version })
    expect(republish).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'wrong_state' } })
  })

  it('cancelling a camp of 500 people withdraws them all in a few set statements', async () => {
    const camp = await t.backend.call('activities/create', {
      activity: t.club({
        ...{ kind: 'camp', code: 'TABOR', schoolYearId: null, termId: null, slots: [], capacity: 600 },
        ...{ startsOn: '2027-07-01', endsOn: '2027-07-10' },
        priceOptions: [{ label: 'Tábor', audience: 'everyone', period: 'one_off', amount: 600_000 }],
      }),
      clashOverride: null,
    })
    await addChildren(t.backend, t.unitId, 1)
    // 512 people: the one registered, doubled nine times (straight into the table, as a big register would be).
    const columns = t.em.connection
      .getMetadata(PersonSchema)
      .columns.filter((column) => !column.isPrimary)
      .map((column) => `"${column.databaseName}"`)
      .join(', ')
    for (let i = 0; i < 9; i++) await t.em.query(`INSERT INTO "person" (${columns}) SELECT ${columns} FROM "person"`)
    const people = ((await t.em.query('SELECT "id" FROM "person" ORDER BY "id" LIMIT 500')) as { id: number }[]).map(
      (row) => Number(row.id),
    )
    await t.backend.database.dataSource.transaction(async (em) => {
      const at = '2026-08-25T10:00:00.000Z'
      await engineOf(em).insertMany(
        em,
        'enrolment',
        [
          ...['activity_id', 'person_id', 'state', 'price_option_id', 'source', 'applied_at', 'priority'],
          ...['priority_reasons', 'note', 'updated_at', 'version'],
        ],
        people.map((id) => [camp.id, id, 'approved', camp.priceOptions[0].id, 'staff', at, 0, '[]', '', at, 1]),
      )
      await em.query('UPDATE "activity" SET "approved_count" = 500 WHERE "id" = ?', [camp.id])
    })
    const started = performance.now()
    const cancelled = await t.backend.call('activities/cancel', {
      id: camp.id,
      expectedVersion: camp.version,
      reason: 'Nedostatek vedoucích',
      feeAction: 'credit',
    })
    const took = performance.now() - started
    expect(cancelled.seats).toEqual({ approved: 0, offered: 0, waitlisted: 0, applied: 0 })
    const counts = await rowCounts(t.backend)
    expect([counts.enrolment_change, counts.notice, counts.fee_event]).toEqual([500, 500, 500])
    const [sum] = await queryCommitted<{ total: number }>(
      t.backend,
      `SELECT SUM("amount") AS "total" FROM "fee_event" WHERE "kind" = 'credit'`,
    )
    expect(Number(sum.total)).toBe(500 * 600_000)
    // A loop of saves would take seconds here; set statements take a fraction, even on a busy machine.
    expect(took).toBeLessThan(3000)
  })

  it('deletes an activity nobody applied to with everything on it; refuses one with any enrolment row', async () => {
    const empty = await rowCounts(t.backend)
    const staff = await t.backend.call('staff/create', {
      displayName: 'Vedoucí',
      username: 'vedouci',
      password: 'Vedouci-12345',
    })
    const withStaff = await rowCounts(t.backend)
    const club = await t.backend.call('activities/create', {
      activity: t.club({ leaders: [{ staffUserId: staff.id }] }),
      clashOverride: null,
    })
    const deleted = await t.backend.call('activities/delete', { id: club.id, expectedVersion: club.version })
    expect(deleted).toEqual({ id: club.id })
    const after = await rowCounts(t.backend)
    for (const table of ['activity', 'activity_slot', 'activity_leader', 'price_option', 'activity_session'])
      expect(after[table], table).toBe(withStaff[table])
    expect(empty.activity).toBe(0)

    const kept = await t.backend.call('activities/create', { activity: t.club(), clashOverride: null })
    const [child] = await addChildren(t.backend, t.unitId, 1)
    // Even a rejected application is history that deleting would lose.
    await enrol(t.em, kept.id, [child], 'rejected')
    const before = await rowCounts(t.backend)
    const refused = await t.backend.result('activities/delete', { id: kept.id, expectedVersion: kept.version })
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'has_enrolments' } })
    expect(await rowCounts(t.backend)).toEqual(before)
  })

  it('a turn with enrolments cannot be removed from its camp; an empty one can', async () => {
    const campInput = (turns: { id?: number; name: string; startsOn: string; endsOn: string }[]) =>
      t.club({
        ...{ kind: 'camp', code: 'TABOR', schoolYearId: null, termId: null, slots: [], capacity: null },
        ...{ startsOn: '2027-07-01', endsOn: '2027-07-20' },
        turns: turns.map((turn) => ({ ...turn, capacity: 20, minimum: 0 })),
      })
    const camp = await t.backend.call('activities/create', {
      activity: campInput([
        { name: 'A', startsOn: '2027-07-01', endsOn: '2027-07-05' },
        { name: 'B', startsOn: '2027-07-08', endsOn: '2027-07-12' },
        { name: 'C', startsOn: '2027-07-15', endsOn: '2027-07-20' },
      ]),
      clashOverride: null,
    })
    const [a, b] = camp.turns
    const [child] = await addChildren(t.backend, t.unitId, 1)
    await enrol(t.em, a.id, [child], 'applied')
    const refused = await t.backend.result('activities/update', {
      id: camp.id,
      expectedVersion: camp.version,
      activity: campInput([{ id: b.id, name: 'B', startsOn: '2027-07-08', endsOn: '2027-07-12' }]),
      clashOverride: null,
    })
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'has_enrolments' } })
    const saved = await t.backend.call('activities/update', {
      id: camp.id,
      expectedVersion: camp.version,
      activity: campInput([
        { id: a.id, name: 'A', startsOn: '2027-07-01', endsOn: '2027-07-05' },
        { id: b.id, name: 'B', startsOn: '2027-07-09', endsOn: '2027-07-12' },
        { name: 'D', startsOn: '2027-07-16', endsOn: '2027-07-18' },
      ]),
      clashOverride: null,
    })
    expect(saved.turns.map((turn) => [turn.name, turn.startsOn])).toEqual([
      ['A', '2027-07-01'],
      ['B', '2027-07-09'],
      ['D', '2027-07-16'],
    ])
    expect(saved.turns.slice(0, 2).map((turn) => turn.id)).toEqual([a.id, b.id])
    const { sessions } = await t.backend.call('activities/list-sessions', { activityId: camp.id })
    expect(sessions.filter((s) => s.activityId === b.id).map((s) => s.date)).toEqual([
      '2027-07-09',
      '2027-07-10',
      '2027-07-11',
      '2027-07-12',
    ])
    expect(sessions).toHaveLength(5 + 4 + 3)
  })

  it('copies a club into the next school year: a draft with new rows, the new calendar, the code kept once', async () => {
    const staff = await t.backend.call('staff/create', {
      displayName: 'Vedoucí',
      username: 'vedouci',
      password: 'Vedouci-12345',
    })
    const club = await t.backend.call('activities/create', {
      activity: t.club({
        leaders: [{ staffUserId: staff.id }],
        registrationOpens: '2026-06-01',
        registrationCloses: '2026-09-15',
        slots: [
          { weekday: 1, startsAt: '16:00', endsAt: '17:30', placeId: null },
          { weekday: 4, startsAt: '15:00', endsAt: '16:00', placeId: null },
        ],
      }),
      clashOverride: null,
    })
    await t.backend.call('activities/publish', { id: club.id, expectedVersion: club.version })
    await addClosure(t.em, 'Podzimní prázdniny 2027', '2027-10-27', '2027-10-29')
    const copy = await t.backend.call('activities/copy-to-year', {
      id: club.id,
      schoolYearId: t.nextYear.id,
      termId: t.nextAutumn.id,
    })
    expect(copy).toMatchObject({
      state: 'draft',
      code: club.code,
      name: club.name,
      copiedFromId: club.id,
      schoolYearId: t.nextYear.id,
      termId: t.nextAutumn.id,
      startsOn: '2027-09-01',
      endsOn: '2028-01-31',
      registrationOpens: '2027-06-01',
      registrationCloses: '2027-09-15',
      slots: club.slots,
      leaders: club.leaders,
    })
    expect(copy.priceOptions.map(({ id: _id, ...rest }) => rest)).toEqual(
      club.priceOptions.map(({ id: _id, ...rest }) => rest),
    )
    expect(copy.priceOptions[0].id).not.toBe(club.priceOptions[0].id)
    const dates = (await t.backend.call('activities/list-sessions', { activityId: copy.id })).sessions.map(
      (s) => s.date,
    )
    expect(dates[0]).toBe('2027-09-02')
    expect(dates).not.toContain('2027-10-28')
    expect(dates).toContain('2027-10-25')
    expect(dates.every((date) => date >= '2027-09-01' && date <= '2028-01-31')).toBe(true)

    const twice = await t.backend.result('activities/copy-to-year', {
      id: club.id,
      schoolYearId: t.nextYear.id,
      termId: null,
    })
    expect(twice).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'code_taken' } })
    const otherYear = await t.backend.result('activities/copy-to-year', {
      id: club.id,
      schoolYearId: t.nextYear.id,
      termId: t.spring.id,
    })
    expect(otherYear).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'term_other_year' } })
  })
})
