import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestBackend, type TestBackend } from '../../support/backend'
import { activityRows, type ActivityFixture } from '../../support/activityRows'
import { rootUnitId } from '../../support/people'
import { child, expectCountersExact, rows, stateOf } from './kit'

let minute = 0
/** Every call a minute later: application times differ and order the waitlist. */
const clock = () => new Date(Date.UTC(2026, 8, 10, 8, minute++))
const LINK = { relation: 'mother', primaryContact: true, mayPickUp: true } as const

describe('the waitlist, in an order anyone can read', () => {
  let backend: TestBackend
  let centreId: number
  let fixture: ActivityFixture

  beforeAll(async () => {
    backend = await startTestBackend({ clock })
    centreId = await rootUnitId(backend)
    fixture = activityRows(backend)
  })
  afterAll(() => backend?.dispose())

  const applyOne = async (activityId: number, personId: number) =>
    (
      await backend.call('enrolments/apply', {
        activityId,
        personIds: [personId],
        priceOptionId: null,
        source: 'staff',
        note: '',
      })
    )[0]

  it('priority rules first (how many apply), then time of application; a move by staff overrides, with its reason logged', async () => {
    // Last year's club with the same code: Returning was approved there (and withdrew later).
    const lastYear = await fixture.activity(centreId, {
      code: 'KER-PRI',
      startsOn: '2025-09-01',
      endsOn: '2026-06-30',
      approval: 'automatic',
    })
    const activity = await fixture.activity(centreId, {
      code: 'KER-PRI',
      approval: 'automatic',
      capacity: 1,
      priorityRules: JSON.stringify(['returning', 'sibling', 'member']),
    })
    const mother = await child(backend, centreId, 'Matka', { birthDate: '1985-01-01' })
    const [enrolled, plain, member, sibling, returning, both] = [
      await child(backend, centreId, 'Zapsaný'),
      await child(backend, centreId, 'Obyčejný'),
      await child(backend, centreId, 'Člen', { member: true }),
      await child(backend, centreId, 'Sourozenec'),
      await child(backend, centreId, 'Vracející'),
      await child(backend, centreId, 'Obojí', { member: true }),
    ]
    for (const kid of [enrolled, sibling])
      await backend.call('people/link', { guardianId: mother, participantId: kid, ...LINK })
    for (const kid of [returning, both]) {
      const outcome = await applyOne(lastYear.id, kid)
      expect(outcome.state).toBe('approved')
      if (kid === returning)
        await backend.call('enrolments/withdraw', { ids: [outcome.enrolmentId!], reason: '', source: 'staff' })
    }
    expect((await applyOne(activity.id, enrolled)).state).toBe('approved')
    const ids = new Map<number, number>()
    for (const kid of [plain, member, sibling, returning, both]) {
      const outcome = await applyOne(activity.id, kid)
      expect(outcome.state).toBe('waitlisted')
      ids.set(kid, outcome.enrolmentId!)
    }
    const list = async () =>
      (await backend.call('enrolments/list-for-activity', { activityId: activity.id, states: ['waitlisted'] })).map(
        (row) => [row.firstName, row.position, row.positionReasons],
      )
    expect(await list()).toEqual([
      ['Obojí', 1, ['returning', 'member']],
      ['Člen', 2, ['member']],
      ['Sourozenec', 3, ['sibling']],
      ['Vracející', 4, ['returning']],
      ['Obyčejný', 5, []],
    ])
    const plainId = ids.get(plain)!
    const [{ version }] = await rows<{ version: number }>(backend, 'SELECT version FROM enrolment WHERE id = ?', [
      plainId,
    ])
    const moved = await backend.call('enrolments/move-in-waitlist', {
      id: plainId,
      expectedVersion: Number(version),
      position: 2,
      reason: 'Dohoda s ředitelem',
    })
    expect(moved.map((row) => row.firstName)).toEqual(['Obojí', 'Obyčejný', 'Člen', 'Sourozenec', 'Vracející'])
    expect(await list()).toContainEqual(['Obyčejný', 2, ['moved']])
    const history = await backend.call('enrolments/history', { id: plainId })
    expect(history.at(-1)).toMatchObject({
      fromState: 'waitlisted',
      toState: 'waitlisted',
      reason: expect.stringContaining('Dohoda s ředitelem'),
    })
    const [audit] = await rows<{ summary: string; target: string }>(
      backend,
      `SELECT summary, target FROM audit_log WHERE command = 'enrolments/move-in-waitlist'`,
    )
    expect(audit).toEqual({
      target: `activity:${activity.id}`,
      summary: expect.stringContaining('Obyčejný Dítě to place 2'),
    })

    // The seat that frees goes to the first in that order.
    const [{ id: enrolledId }] = await rows<{ id: number }>(
      backend,
      "SELECT id FROM enrolment WHERE activity_id = ? AND state = 'approved'",
      [activity.id],
    )
    await backend.call('enrolments/withdraw', { ids: [enrolledId], reason: '', source: 'staff' })
    expect(await stateOf(backend, ids.get(both)!)).toBe('offered')
    await expectCountersExact(backend, activity.id)
  })

  it("next year's copy offers this year's participants a place first: offered up to capacity, the rest waitlisted as returning", async () => {
    const thisYear = await fixture.activity(centreId, { approval: 'automatic', capacity: 5 })
    const kids = [
      await child(backend, centreId, 'Petr'),
      await child(backend, centreId, 'Pavla'),
      await child(backend, centreId, 'Prokop'),
    ]
    await backend.call('enrolments/apply', {
      activityId: thisYear.id,
      personIds: kids,
      priceOptionId: null,
      source: 'staff',
      note: '',
    })
    const nextYear = await fixture.activity(centreId, {
      capacity: 2,
      offerHours: 72,
      copiedFromId: thisYear.id,
      startsOn: '2027-09-01',
      endsOn: '2028-06-30',
    })
    const outcomes = await backend.call('enrolments/offer-returning', {
      fromActivityId: thisYear.id,
      toActivityId: nextYear.id,
    })
    expect(outcomes.map((outcome) => outcome.state)).toEqual(['offered', 'offered', 'waitlisted'])
    const listed = await backend.call('enrolments/list-for-activity', {
      activityId: nextYear.id,
      states: ['offered', 'waitlisted'],
    })
    expect(listed.every((row) => row.source === 'returning')).toBe(true)
    expect(listed.find((row) => row.state === 'waitlisted')).toMatchObject({
      firstName: 'Prokop',
      position: 1,
      positionReasons: ['returning'],
    })
    const again = await backend.call('enrolments/offer-returning', {
      fromActivityId: thisYear.id,
      toActivityId: nextYear.id,
    })
    expect(again.map((outcome) => outcome.problem?.code)).toEqual([
      'already_enrolled',
      'already_enrolled',
      'already_enrolled',
    ])
    await expectCountersExact(backend, nextYear.id)
  })
})
