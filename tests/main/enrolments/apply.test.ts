import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ActivityRow } from '../../../src/main/activities/activityEntities'
import type { PersonInput } from '../../../src/shared/contract/people'
import { startTestBackend, type TestBackend } from '../../support/backend'
import { activityRows, type ActivityFixture } from '../../support/activityRows'
import { rootUnitId } from '../../support/people'
import { rowCounts } from '../../support/database'
import { child, expectCountersExact, feeEventsOf, noticesOf, rows } from './kit'

/** The desk's day: 10 September 2026. */
const NOW = new Date('2026-09-10T10:00:00.000Z')

describe('applying and adding people to an activity', () => {
  let backend: TestBackend
  let centreId: number
  let fixture: ActivityFixture
  let n = 0

  beforeAll(async () => {
    backend = await startTestBackend({ clock: () => NOW })
    centreId = await rootUnitId(backend)
    fixture = activityRows(backend)
  })
  afterAll(() => backend?.dispose())

  const person = (change: Partial<PersonInput> = {}) => child(backend, centreId, `Dítě${(n += 1)}`, change)
  const apply = (
    activityId: number,
    personIds: number[],
    source: 'staff' | 'application' = 'staff',
    priceOptionId: number | null = null,
  ) => backend.result('enrolments/apply', { activityId, personIds, priceOptionId, source, note: '' })

  /** One person against one activity's rules: the state they get, or the problem that stops them. */
  const RULES: {
    name: string
    activity: Partial<ActivityRow>
    person: Partial<PersonInput>
    state?: string
    problem?: { code: string; params?: Record<string, unknown> }
  }[] = [
    { name: 'manual approval leaves them applied', activity: {}, person: {}, state: 'applied' },
    { name: 'automatic approval approves', activity: { approval: 'automatic' }, person: {}, state: 'approved' },
    {
      name: 'too young on the start date',
      activity: { ageMin: 7 },
      person: { birthDate: '2019-09-02' },
      problem: { code: 'too_young', params: { age: 6, min: 7, date: '2026-09-01' } },
    },
    {
      name: 'exactly the youngest age',
      activity: { ageMin: 7 },
      person: { birthDate: '2019-09-01' },
      state: 'applied',
    },
    {
      name: 'old enough on the reference date though not on the start date',
      activity: { ageMin: 7, ageReferenceDate: '2026-12-31' },
      person: { birthDate: '2019-10-01' },
      state: 'applied',
    },
    {
      name: 'too old on the start date',
      activity: { ageMax: 10 },
      person: { birthDate: '2015-08-31' },
      problem: { code: 'too_old', params: { age: 11, max: 10, date: '2026-09-01' } },
    },
    {
      name: 'members only, not a member',
      activity: { membersOnly: true },
      person: {},
      problem: { code: 'not_member' },
    },
    {
      name: 'members only, the membership ran out',
      activity: { membersOnly: true },
      person: { member: true, memberUntil: '2026-08-31' },
      problem: { code: 'not_member' },
    },
    {
      name: 'members only, a member',
      activity: { membersOnly: true },
      person: { member: true, memberUntil: '2027-08-31' },
      state: 'applied',
    },
    { name: 'a draft takes nobody', activity: { state: 'draft' }, person: {}, problem: { code: 'activity_not_open' } },
    {
      name: 'a finished one neither',
      activity: { state: 'finished' },
      person: {},
      problem: { code: 'activity_not_open' },
    },
  ]

  it.each(RULES)('$name', async (rule) => {
    const activity = await fixture.activity(centreId, rule.activity)
    const personId = await person(rule.person)
    const result = await apply(activity.id, [personId])
    expect(result.ok).toBe(true)
    const [outcome] = result.ok ? result.data : []
    if (rule.problem) {
      expect(outcome).toEqual({ personId, enrolmentId: null, state: null, problem: rule.problem })
      expect(await rows(backend, 'SELECT id FROM enrolment WHERE activity_id = ?', [activity.id])).toEqual([])
    } else {
      expect(outcome).toMatchObject({ personId, state: rule.state, problem: null })
    }
    await expectCountersExact(backend, activity.id)
  })

  it('a turn takes its age rules and price options from its camp; the camp itself takes nobody', async () => {
    const camp = await fixture.activity(centreId, {
      kind: 'camp',
      ageMin: 10,
      startsOn: '2027-07-01',
      endsOn: '2027-07-31',
    })
    const option = await fixture.priceOption(camp.id, { amount: 420_000 })
    const turn = await fixture.turn(camp, {
      startsOn: '2027-07-05',
      endsOn: '2027-07-11',
      capacity: 20,
      approval: 'automatic',
    })
    const nine = await person({ birthDate: '2018-01-01' })
    const eleven = await person({ birthDate: '2016-01-01' })
    const result = await backend.call('enrolments/apply', {
      activityId: turn.id,
      personIds: [nine, eleven],
      priceOptionId: option.id,
      source: 'staff',
      note: '',
    })
    expect(result.map((outcome) => outcome.problem?.code ?? outcome.state)).toEqual(['too_young', 'applied'])
    const onCamp = await apply(camp.id, [eleven])
    expect(onCamp).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fields: { activityId: { code: 'camp_has_turns' } } },
    })
  })

  it('a price option of another activity is refused at its field and nothing is written', async () => {
    const activity = await fixture.activity(centreId)
    const other = await fixture.activity(centreId)
    const foreign = await fixture.priceOption(other.id)
    const personId = await person()
    const before = await rowCounts(backend)
    const result = await apply(activity.id, [personId], 'staff', foreign.id)
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        reason: 'price_option_foreign',
        fields: { priceOptionId: { code: 'price_option_foreign' } },
      },
    })
    expect(await rowCounts(backend)).toEqual(before)
  })

  it('the public applies only while registration is open; staff add people regardless', async () => {
    const closed = await fixture.activity(centreId, {
      registrationOpens: '2026-08-01',
      registrationCloses: '2026-09-09',
    })
    const notYet = await fixture.activity(centreId, { registrationOpens: '2026-09-11', registrationCloses: null })
    const open = await fixture.activity(centreId, { registrationOpens: '2026-09-10', registrationCloses: '2026-09-10' })
    const personId = await person()
    for (const activity of [closed, notYet]) {
      expect(await apply(activity.id, [personId], 'application')).toMatchObject({
        ok: false,
        error: { code: 'REGISTRATION_CLOSED' },
      })
    }
    expect(await apply(open.id, [personId], 'application')).toMatchObject({ ok: true, data: [{ state: 'applied' }] })
    expect(await apply(closed.id, [personId], 'staff')).toMatchObject({ ok: true, data: [{ state: 'applied' }] })
  })

  it('a cancelled activity receives nobody', async () => {
    const activity = await fixture.activity(centreId, { state: 'cancelled' })
    expect(await apply(activity.id, [await person()])).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', reason: 'activity_cancelled' },
    })
  })

  it('a family in one step: each child has an outcome of their own, one bad one stops nobody', async () => {
    const activity = await fixture.activity(centreId, { ageMin: 6 })
    const [older, toddler, younger] = [
      await person({ birthDate: '2015-03-03' }),
      await person({ birthDate: '2023-03-03' }),
      await person({ birthDate: '2018-03-03' }),
    ]
    const outcomes = await backend.call('enrolments/apply', {
      activityId: activity.id,
      personIds: [older, toddler, younger],
      priceOptionId: null,
      source: 'application',
      note: 'Sourozenci',
    })
    expect(outcomes.map((outcome) => [outcome.personId, outcome.problem?.code ?? outcome.state])).toEqual([
      [older, 'applied'],
      [toddler, 'too_young'],
      [younger, 'applied'],
    ])
    const again = await backend.call('enrolments/apply', {
      activityId: activity.id,
      personIds: [older],
      priceOptionId: null,
      source: 'staff',
      note: '',
    })
    expect(again).toEqual([{ personId: older, enrolmentId: null, state: null, problem: { code: 'already_enrolled' } }])
    // Withdrawn is history: the same child may apply again.
    await backend.call('enrolments/withdraw', { ids: [outcomes[0].enrolmentId!], reason: '', source: 'staff' })
    expect((await apply(activity.id, [older])).ok && 'applied').toBe('applied')
    await expectCountersExact(backend, activity.id)
  })

  it('a 101st person in one batch is refused at the field, nothing written', async () => {
    const activity = await fixture.activity(centreId)
    const before = await rowCounts(backend)
    const result = await apply(
      activity.id,
      Array.from({ length: 101 }, (_, i) => i + 1),
    )
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fields: { personIds: { code: 'batch_too_large' } } },
    })
    const decided = await backend.result('enrolments/decide', {
      ids: Array.from({ length: 101 }, (_, i) => i + 1),
      decision: 'approve',
      reason: '',
    })
    expect(decided).toMatchObject({ ok: false, error: { fields: { ids: { code: 'batch_too_large' } } } })
    expect(await rowCounts(backend)).toEqual(before)
  })

  it('automatic approval fills the seats, then the waitlist; each approval charges the option that fits', async () => {
    const activity = await fixture.activity(centreId, { approval: 'automatic', capacity: 2 })
    const forMembers = await fixture.priceOption(activity.id, { audience: 'member', amount: 100_000, position: 0 })
    const forOthers = await fixture.priceOption(activity.id, { audience: 'non_member', amount: 200_000, position: 1 })
    const member = await person({ member: true, memberUntil: null })
    const other = await person()
    const third = await person()
    const outcomes = await backend.call('enrolments/apply', {
      activityId: activity.id,
      personIds: [member, other, third],
      priceOptionId: null,
      source: 'staff',
      note: '',
    })
    expect(outcomes.map((outcome) => outcome.state)).toEqual(['approved', 'approved', 'waitlisted'])
    const [a, b, c] = outcomes.map((outcome) => outcome.enrolmentId!)
    expect(await feeEventsOf(backend, a)).toEqual([
      { kind: 'charge', amount: 100_000, priceOptionId: forMembers.id, reason: 'approved' },
    ])
    expect(await feeEventsOf(backend, b)).toEqual([
      { kind: 'charge', amount: 200_000, priceOptionId: forOthers.id, reason: 'approved' },
    ])
    expect(await feeEventsOf(backend, c)).toEqual([])
    expect(await noticesOf(backend, a)).toEqual(['approved'])
    expect(await noticesOf(backend, c)).toEqual(['waitlisted'])
    const [notice] = await rows<{ payload: string }>(backend, 'SELECT payload FROM notice WHERE enrolment_id = ?', [a])
    expect(JSON.parse(notice.payload)).toMatchObject({ activityName: activity.name, startsOn: '2026-09-01' })
    expect(await fixture.read(activity.id)).toMatchObject({ approvedCount: 2, waitlistedCount: 1 })
    await expectCountersExact(backend, activity.id)
  })

  it('approving past capacity answers full per application; deciding "waitlist" then queues it', async () => {
    const activity = await fixture.activity(centreId, { capacity: 1 })
    const chosen = await fixture.priceOption(activity.id, { amount: 99_000 })
    const [first, second] = [await person(), await person()]
    const applied = await backend.call('enrolments/apply', {
      activityId: activity.id,
      personIds: [first, second],
      priceOptionId: chosen.id,
      source: 'staff',
      note: '',
    })
    const ids = applied.map((outcome) => outcome.enrolmentId!)
    expect(applied.map((outcome) => outcome.state)).toEqual(['applied', 'applied'])
    expect(await noticesOf(backend, ids[0])).toEqual(['application_received'])
    const decided = await backend.call('enrolments/decide', { ids, decision: 'approve', reason: '' })
    expect(decided.map((outcome) => outcome.problem?.code ?? outcome.state)).toEqual(['approved', 'full'])
    expect(await feeEventsOf(backend, ids[0])).toEqual([
      { kind: 'charge', amount: 99_000, priceOptionId: chosen.id, reason: 'approved' },
    ])
    const queued = await backend.call('enrolments/decide', { ids: [ids[1]], decision: 'waitlist', reason: 'Plno' })
    expect(queued[0].state).toBe('waitlisted')
    expect(await fixture.read(activity.id)).toMatchObject({ approvedCount: 1, appliedCount: 0, waitlistedCount: 1 })
    await expectCountersExact(backend, activity.id)
  })
})
