import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addChildren, startActivities, type Activities } from './activityFixture'
import { expectCountersExact, noticesOf } from '../enrolments/kit'

/**
 * The activities and enrolments contexts through their commands only, as a desk uses them:
 * every way a seat frees up reaches the waitlist through the one freed-seat path.
 */
describe('seats of an activity across its edits and its enrolments', () => {
  let kit: Activities
  beforeEach(async () => {
    kit = await startActivities()
  })
  afterEach(() => kit.backend.dispose())

  async function publishedClub(capacity: number) {
    const { backend } = kit
    const created = await backend.call('activities/create', {
      activity: kit.club({ capacity, approval: 'automatic', seatOffers: 'automatic' }),
      clashOverride: null,
    })
    return backend.call('activities/publish', { id: created.id, expectedVersion: created.version })
  }

  it('three children into capacity 2: the third waits; raising the capacity offers them the seat', async () => {
    const { backend, unitId } = kit
    const club = await publishedClub(2)
    const children = await addChildren(backend, unitId, 3)
    const outcomes = await backend.call('enrolments/apply', {
      activityId: club.id,
      personIds: children,
      priceOptionId: null,
      source: 'staff',
      note: '',
    })
    expect(outcomes.map((outcome) => outcome.state)).toEqual(['approved', 'approved', 'waitlisted'])
    const current = await backend.call('activities/get', { id: club.id })
    const {
      id: _id,
      parentId: _parent,
      unitName: _unit,
      state: _state,
      seats: _seats,
      cancelledAt: _c,
      cancelReason: _r,
      copiedFromId: _copied,
      sessions: _sessions,
      createdAt: _created,
      updatedAt: _updated,
      version,
      leaders,
      turns,
      priceOptions,
      ...fields
    } = current
    const raised = await backend.call('activities/update', {
      id: club.id,
      expectedVersion: version,
      activity: {
        ...fields,
        capacity: 3,
        leaders: leaders.map((leader) =>
          leader.staffUserId !== null ? { staffUserId: leader.staffUserId } : { personId: leader.personId! },
        ),
        turns: turns.map(({ id, name, startsOn, endsOn, capacity, minimum }) => ({
          id,
          name,
          startsOn,
          endsOn,
          capacity,
          minimum,
        })),
        priceOptions: priceOptions.map(({ id, label, audience, period, amount }) => ({
          id,
          label,
          audience,
          period,
          amount,
        })),
      },
      clashOverride: null,
    })
    expect(raised.seats).toMatchObject({ approved: 2, offered: 1, waitlisted: 0 })
    const third = outcomes[2].enrolmentId!
    expect(await noticesOf(backend, third)).toEqual(['waitlisted', 'seat_offered'])
    await expectCountersExact(backend, club.id)
  })

  it('withdrawing an approved child offers the seat to the first waiting; accepting approves them', async () => {
    const { backend, unitId } = kit
    const club = await publishedClub(2)
    const children = await addChildren(backend, unitId, 3)
    const outcomes = await backend.call('enrolments/apply', {
      activityId: club.id,
      personIds: children,
      priceOptionId: null,
      source: 'staff',
      note: '',
    })
    await backend.call('enrolments/withdraw', { ids: [outcomes[0].enrolmentId!], reason: 'Stěhování', source: 'staff' })
    const [offered] = await backend.call('enrolments/list-for-activity', { activityId: club.id, states: ['offered'] })
    expect(offered.personId).toBe(children[2])
    expect(offered.offerExpiresAt).not.toBeNull()
    const accepted = await backend.call('enrolments/answer-offer', {
      id: offered.id,
      expectedVersion: offered.version,
      accept: true,
    })
    expect(accepted.state).toBe('approved')
    expect((await backend.call('activities/get', { id: club.id })).seats).toMatchObject({ approved: 2, offered: 0 })
    await expectCountersExact(backend, club.id)
  })

  it('a club with people in it cannot be deleted, and says to cancel it instead', async () => {
    const { backend, unitId } = kit
    const club = await publishedClub(2)
    const [child] = await addChildren(backend, unitId, 1)
    await backend.call('enrolments/apply', {
      activityId: club.id,
      personIds: [child],
      priceOptionId: null,
      source: 'staff',
      note: '',
    })
    const current = await backend.call('activities/get', { id: club.id })
    const refused = await backend.result('activities/delete', { id: club.id, expectedVersion: current.version })
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'has_enrolments' } })
  })
})
