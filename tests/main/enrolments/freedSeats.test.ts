import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ActivityRow } from '../../../src/main/activities/activityEntities'
import { ActivitySchema } from '../../../src/main/activities/activityEntities'
import { offerFreedSeats } from '../../../src/main/enrolments/freedSeats'
import { startTestBackend, type TestBackend } from '../../support/backend'
import { activityRows, type ActivityFixture } from '../../support/activityRows'
import { rootUnitId } from '../../support/people'
import { child, expectCountersExact, feeEventsOf, noticesOf, rows, stateOf } from './kit'

const START = new Date('2026-09-10T10:00:00.000Z')
const HOUR = 3_600_000

describe('one path for a freed seat', () => {
  let backend: TestBackend
  let centreId: number
  let fixture: ActivityFixture
  let offset = 0
  let n = 0

  beforeAll(async () => {
    backend = await startTestBackend({ clock: () => new Date(START.getTime() + offset) })
    centreId = await rootUnitId(backend)
    fixture = activityRows(backend)
  })
  afterAll(() => backend?.dispose())

  /** An activity of `capacity` seats with the first `capacity` people approved and the rest waitlisted. */
  async function fullActivity(people: number, change: Partial<ActivityRow> = {}) {
    const activity = await fixture.activity(centreId, { approval: 'automatic', capacity: 1, ...change })
    await fixture.priceOption(activity.id, { amount: 120_000 })
    const personIds: number[] = []
    for (let i = 0; i < people; i++) personIds.push(await child(backend, centreId, `Čekatel${(n += 1)}`))
    const outcomes = await backend.call('enrolments/apply', {
      activityId: activity.id,
      personIds,
      priceOptionId: null,
      source: 'staff',
      note: '',
    })
    return { activity, ids: outcomes.map((outcome) => outcome.enrolmentId!) }
  }

  const versionOf = async (id: number) =>
    Number((await rows<{ version: number }>(backend, 'SELECT version FROM enrolment WHERE id = ?', [id]))[0].version)
  const expiryOf = async (id: number) =>
    (await rows<{ at: string | null }>(backend, 'SELECT offer_expires_at AS "at" FROM enrolment WHERE id = ?', [id]))[0]
      .at

  it('a withdrawal credits the charge and offers the seat to the first waiting, with an expiry; accepting approves', async () => {
    const { activity, ids } = await fullActivity(3)
    const [approved, first, second] = ids
    await backend.call('enrolments/withdraw', { ids: [approved], reason: 'Stěhování', source: 'staff' })
    expect(await feeEventsOf(backend, approved)).toEqual([
      { kind: 'charge', amount: 120_000, priceOptionId: expect.any(Number), reason: 'approved' },
      { kind: 'credit', amount: 120_000, priceOptionId: expect.any(Number), reason: 'Stěhování' },
    ])
    expect(await stateOf(backend, first)).toBe('offered')
    expect(await stateOf(backend, second)).toBe('waitlisted')
    expect(await expiryOf(first)).toBe(new Date(START.getTime() + offset + 48 * HOUR).toISOString())
    expect(await noticesOf(backend, first)).toEqual(['waitlisted', 'seat_offered'])
    const accepted = await backend.call('enrolments/answer-offer', {
      id: first,
      expectedVersion: await versionOf(first),
      accept: true,
    })
    expect(accepted).toMatchObject({ state: 'approved', offerExpiresAt: null })
    expect((await feeEventsOf(backend, first)).map((event) => event.kind)).toEqual(['charge'])
    expect(await fixture.read(activity.id)).toMatchObject({ approvedCount: 1, offeredCount: 0, waitlistedCount: 1 })
    await expectCountersExact(backend, activity.id)
  })

  it('declining passes the seat on to the next', async () => {
    const { activity, ids } = await fullActivity(3)
    await backend.call('enrolments/withdraw', { ids: [ids[0]], reason: '', source: 'staff' })
    await backend.call('enrolments/answer-offer', {
      id: ids[1],
      expectedVersion: await versionOf(ids[1]),
      accept: false,
    })
    expect([await stateOf(backend, ids[1]), await stateOf(backend, ids[2])]).toEqual(['lapsed', 'offered'])
    expect(await noticesOf(backend, ids[1])).toEqual(['waitlisted', 'seat_offered', 'offer_lapsed'])
    await expectCountersExact(backend, activity.id)
  })

  it('an approval undone goes back to applied, credits its charge and frees its seat', async () => {
    const { activity, ids } = await fullActivity(2)
    const row = await backend.call('enrolments/undo-approval', {
      id: ids[0],
      expectedVersion: await versionOf(ids[0]),
      reason: 'Omyl',
    })
    expect(row).toMatchObject({ state: 'applied', decidedAt: null })
    expect((await feeEventsOf(backend, ids[0])).map((event) => [event.kind, event.amount])).toEqual([
      ['charge', 120_000],
      ['credit', 120_000],
    ])
    expect(await stateOf(backend, ids[1])).toBe('offered')
    await expectCountersExact(backend, activity.id)
  })

  it('seats offered on a click: nothing moves by itself; staff offer it, and never past capacity', async () => {
    const { activity, ids } = await fullActivity(3, { seatOffers: 'manual' })
    const refused = await backend.result('enrolments/offer-seat', {
      id: ids[1],
      expectedVersion: await versionOf(ids[1]),
    })
    expect(refused).toMatchObject({ ok: false, error: { code: 'CAPACITY_FULL' } })
    await backend.call('enrolments/withdraw', { ids: [ids[0]], reason: '', source: 'staff' })
    expect([await stateOf(backend, ids[1]), await stateOf(backend, ids[2])]).toEqual(['waitlisted', 'waitlisted'])
    // Staff may choose whom: here the second in line.
    const offered = await backend.call('enrolments/offer-seat', {
      id: ids[2],
      expectedVersion: await versionOf(ids[2]),
    })
    expect(offered.state).toBe('offered')
    await expectCountersExact(backend, activity.id)
  })

  it('capacity raised: the activities context calls the same path and every new seat is offered', async () => {
    const { activity, ids } = await fullActivity(4)
    await backend.database.manager.transaction(async (em) => {
      await em.update(ActivitySchema, { id: activity.id }, { capacity: 3 })
      await offerFreedSeats(em, activity.id, { staffUserId: null, now: START, today: '2026-09-10' })
    })
    expect(await Promise.all(ids.map((id) => stateOf(backend, id)))).toEqual([
      'approved',
      'offered',
      'offered',
      'waitlisted',
    ])
    await expectCountersExact(backend, activity.id)
  })

  it('an answer after the expiry is refused; expire-offers lapses it by the clock and offers the seat on', async () => {
    const { activity, ids } = await fullActivity(3)
    await backend.call('enrolments/withdraw', { ids: [ids[0]], reason: '', source: 'staff' })
    offset += 48 * HOUR
    const late = await backend.result('enrolments/answer-offer', {
      id: ids[1],
      expectedVersion: await versionOf(ids[1]),
      accept: true,
    })
    expect(late).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'offer_expired' } })
    // Earlier tests' offers (same backend) ran out too: each is counted.
    const result = await backend.call('enrolments/expire-offers', {})
    expect(result.lapsed).toBeGreaterThanOrEqual(1)
    expect(result.offered).toBeGreaterThanOrEqual(1)
    expect([await stateOf(backend, ids[1]), await stateOf(backend, ids[2])]).toEqual(['lapsed', 'offered'])
    expect(await noticesOf(backend, ids[1])).toContain('offer_lapsed')
    expect(await backend.call('enrolments/expire-offers', {})).toEqual({ lapsed: 0, offered: 0 })
    await expectCountersExact(backend, activity.id)
  })
})
