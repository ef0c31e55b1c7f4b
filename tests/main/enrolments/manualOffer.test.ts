import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addChildren, startActivities, type Activities } from '../activities/activityFixture'
import { expectCountersExact } from './kit'

/** Seats offered on a click: the one staff pick is offered, whoever else waits. */
describe('a seat offered by hand', () => {
  let kit: Activities
  beforeEach(async () => {
    kit = await startActivities()
  })
  afterEach(() => kit.backend.dispose())

  it('after a move up the waitlist and an approval undone, offering goes to the person picked', async () => {
    const { backend, unitId } = kit
    const created = await backend.call('activities/create', {
      activity: kit.club({
        kind: 'event',
        schoolYearId: null,
        termId: null,
        startsOn: '2026-10-10',
        endsOn: '2026-10-10',
        startsAt: '09:00',
        endsAt: '12:00',
        slots: [],
        capacity: 1,
        approval: 'automatic',
        seatOffers: 'manual',
      }),
      clashOverride: null,
    })
    const event = await backend.call('activities/publish', { id: created.id, expectedVersion: created.version })
    const [eliska, tomas, anna] = await addChildren(backend, unitId, 3)
    const outcomes = await backend.call('enrolments/apply', {
      activityId: event.id,
      personIds: [eliska, tomas, anna],
      priceOptionId: null,
      source: 'staff',
      note: '',
    })
    expect(outcomes.map((outcome) => outcome.state)).toEqual(['approved', 'waitlisted', 'waitlisted'])
    const waiting = await backend.call('enrolments/list-for-activity', { activityId: event.id, states: ['waitlisted'] })
    const annaRow = waiting.find((row) => row.personId === anna)!
    await backend.call('enrolments/move-in-waitlist', {
      id: annaRow.id,
      expectedVersion: annaRow.version,
      position: 1,
      reason: 'Sourozenec',
    })
    const [approved] = await backend.call('enrolments/list-for-activity', {
      activityId: event.id,
      states: ['approved'],
    })
    await backend.call('enrolments/undo-approval', {
      id: approved.id,
      expectedVersion: approved.version,
      reason: 'Omyl',
    })
    const afterUndo = await backend.call('enrolments/list-for-activity', {
      activityId: event.id,
      states: ['approved', 'offered', 'waitlisted', 'applied'],
    })
    expect(afterUndo.map((row) => [row.personId, row.state])).toEqual(
      expect.arrayContaining([
        [eliska, 'applied'],
        [tomas, 'waitlisted'],
        [anna, 'waitlisted'],
      ]),
    )
    const annaNow = afterUndo.find((row) => row.personId === anna)!
    const offered = await backend.call('enrolments/offer-seat', { id: annaNow.id, expectedVersion: annaNow.version })
    expect(offered.state).toBe('offered')
    const tomasNow = await backend.call('enrolments/list-for-person', { personId: tomas })
    expect(tomasNow.map((row) => row.state)).toEqual(['waitlisted'])
    await expectCountersExact(backend, event.id)
  })
})
