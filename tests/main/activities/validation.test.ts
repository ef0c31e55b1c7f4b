import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ActivityInput } from '../../../src/shared/contract/activities'
import { rowCounts } from '../../support/database'
import { enrol, addChildren, startActivities, type Activities } from './activityFixture'

describe('saving an activity: the rules main checks beyond the form', () => {
  let t: Activities
  beforeEach(async () => {
    t = await startActivities()
  })
  afterEach(() => t?.backend.dispose())

  const invalid: [string, (t: Activities) => ActivityInput, string, string][] = [
    ['ends before it starts', (t) => t.club({ endsOn: '2026-08-31' }), 'activity.endsOn', 'ends_before_start'],
    [
      'registration closes before it opens',
      (t) => t.club({ registrationOpens: '2026-08-20', registrationCloses: '2026-08-10' }),
      'activity.registrationCloses',
      'window_upside_down',
    ],
    ['age range upside down', (t) => t.club({ ageMin: 10, ageMax: 6 }), 'activity.ageMax', 'age_upside_down'],
    [
      'minimum above capacity',
      (t) => t.club({ capacity: 5, minimum: 6 }),
      'activity.minimum',
      'minimum_above_capacity',
    ],
    [
      'a slot ending before it starts',
      (t) => t.club({ slots: [{ weekday: 2, startsAt: '17:00', endsAt: '16:00', placeId: null }] }),
      'activity.slots.0.endsAt',
      'time_upside_down',
    ],
    [
      'a club without a school year',
      (t) => t.club({ schoolYearId: null, termId: null }),
      'activity.schoolYearId',
      'required',
    ],
    ['a club outside its term', (t) => t.club({ endsOn: '2027-03-31' }), 'activity.endsOn', 'outside_term'],
    [
      'a club outside its school year',
      (t) => t.club({ termId: null, startsOn: '2026-08-15' }),
      'activity.startsOn',
      'outside_year',
    ],
    [
      'an event over two days',
      (t) => t.club({ kind: 'event', slots: [], endsOn: '2026-09-02', startsAt: '10:00', endsAt: '12:00' }),
      'activity.endsOn',
      'event_one_day',
    ],
    [
      'an event without a time',
      (t) => t.club({ kind: 'event', slots: [], endsOn: '2026-09-01' }),
      'activity.startsAt',
      'required',
    ],
    [
      'an event whose time is upside down',
      (t) => t.club({ kind: 'event', slots: [], endsOn: '2026-09-01', startsAt: '12:00', endsAt: '10:00' }),
      'activity.endsAt',
      'time_upside_down',
    ],
    [
      'a camp with neither capacity nor turns',
      (t) => t.club({ kind: 'camp', slots: [], schoolYearId: null, termId: null, capacity: null }),
      'activity.capacity',
      'required',
    ],
    [
      "a turn outside the camp's dates",
      (t) =>
        t.club({
          kind: 'camp',
          slots: [],
          schoolYearId: null,
          termId: null,
          startsOn: '2027-07-01',
          endsOn: '2027-07-31',
          capacity: null,
          turns: [{ name: '1. turnus', startsOn: '2027-07-25', endsOn: '2027-08-02', capacity: 20, minimum: 0 }],
        }),
      'activity.turns.0.endsOn',
      'outside_camp',
    ],
  ]

  it.each(invalid)('refuses %s at its field, writing nothing', async (_name, input, path, code) => {
    const before = await rowCounts(t.backend)
    const result = await t.backend.result('activities/create', { activity: input(t), clashOverride: null })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('VALIDATION_FAILED')
    expect(result.error.fields?.[path]?.code).toBe(code)
    expect(await rowCounts(t.backend)).toEqual(before)
  })

  it('refuses a term of another school year, an archived place and a taken code with their conflict reasons', async () => {
    const other = await t.backend.result('activities/create', {
      activity: t.club({ termId: t.nextAutumn.id }),
      clashOverride: null,
    })
    expect(other).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'term_other_year' } })
    if (!other.ok) expect(other.error.fields?.['activity.termId']?.code).toBe('term_other_year')

    const gym = await t.backend.call('activities/create-place', { name: 'Tělocvična', kind: 'gym', capacity: 30 })
    await t.backend.call('activities/update-place', {
      id: gym.id,
      name: gym.name,
      kind: gym.kind,
      capacity: gym.capacity,
      archived: true,
      expectedVersion: gym.version,
    })
    const archived = await t.backend.result('activities/create', {
      activity: t.club({ slots: [{ weekday: 1, startsAt: '16:00', endsAt: '17:00', placeId: gym.id }] }),
      clashOverride: null,
    })
    expect(archived).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'place_archived' } })
    if (!archived.ok) expect(archived.error.fields?.['activity.slots.0.placeId']?.code).toBe('place_archived')

    await t.backend.call('activities/create', { activity: t.club(), clashOverride: null })
    const before = await rowCounts(t.backend)
    const taken = await t.backend.result('activities/create', {
      activity: t.club({ name: 'Jiná keramika', termId: t.spring.id, startsOn: '2027-02-01', endsOn: '2027-06-30' }),
      clashOverride: null,
    })
    expect(taken).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'code_taken' } })
    expect(await rowCounts(t.backend)).toEqual(before)
    // The same code in another school year is free.
    const nextYear = await t.backend.call('activities/create', {
      activity: t.club({
        schoolYearId: t.nextYear.id,
        termId: t.nextAutumn.id,
        startsOn: '2027-09-01',
        endsOn: '2028-01-31',
      }),
      clashOverride: null,
    })
    expect(nextYear.code).toBe('KER-01')
  })

  it('an activity keeps a place archived after it was chosen; no activity may newly choose it', async () => {
    const gym = await t.backend.call('activities/create-place', { name: 'Tělocvična', kind: 'gym', capacity: 30 })
    const slots = [{ weekday: 1, startsAt: '16:00', endsAt: '17:00', placeId: gym.id }]
    const club = await t.backend.call('activities/create', { activity: t.club({ slots }), clashOverride: null })
    const archived = await t.backend.call('activities/update-place', {
      ...{ id: gym.id, name: gym.name, kind: gym.kind, capacity: gym.capacity },
      ...{ archived: true, expectedVersion: gym.version },
    })
    expect(archived).toMatchObject({ archived: true, version: gym.version + 1 })
    expect((await t.backend.call('activities/list-places', {})).map((p) => [p.name, p.archived])).toEqual([
      ['Tělocvična', true],
    ])
    const renamed = await t.backend.call('activities/update', {
      id: club.id,
      expectedVersion: club.version,
      activity: t.club({ slots, name: 'Keramika v tělocvičně' }),
      clashOverride: null,
    })
    expect(renamed.name).toBe('Keramika v tělocvičně')
    const moved = await t.backend.result('activities/update', {
      id: club.id,
      expectedVersion: renamed.version,
      activity: t.club({ slots, placeId: gym.id }),
      clashOverride: null,
    })
    expect(moved.ok).toBe(true)
    const other = await t.backend.result('activities/create', {
      activity: t.club({ code: 'JINY', placeId: gym.id, slots: [{ ...slots[0], weekday: 2, placeId: null }] }),
      clashOverride: null,
    })
    expect(other).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'place_archived' } })
  })

  it('refuses a capacity below the seats taken, with how many are taken; raising it is fine', async () => {
    const club = await t.backend.call('activities/create', { activity: t.club({ capacity: 5 }), clashOverride: null })
    const children = await addChildren(t.backend, t.unitId, 4)
    await enrol(t.em, club.id, children.slice(0, 3), 'approved')
    await enrol(t.em, club.id, children.slice(3), 'offered')
    const before = await rowCounts(t.backend)
    const refused = await t.backend.result('activities/update', {
      id: club.id,
      expectedVersion: club.version,
      activity: t.club({ capacity: 3 }),
      clashOverride: null,
    })
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        reason: 'capacity_below_enrolled',
        params: { enrolled: 4 },
        fields: { 'activity.capacity': { code: 'capacity_below_enrolled', params: { enrolled: 4 } } },
      },
    })
    expect(await rowCounts(t.backend)).toEqual(before)
    const raised = await t.backend.call('activities/update', {
      id: club.id,
      expectedVersion: club.version,
      activity: t.club({ capacity: 4 }),
      clashOverride: null,
    })
    expect(raised).toMatchObject({ capacity: 4, seats: { approved: 3, offered: 1, waitlisted: 0, applied: 0 } })
  })

  it('keeps the ids of price options, archives a removed one that enrolments use, deletes an unused one, refuses a foreign id', async () => {
    const prices = [
      { label: 'Členové', audience: 'member', period: 'half_year', amount: 120_000 },
      { label: 'Ostatní', audience: 'non_member', period: 'half_year', amount: 150_000 },
      { label: 'Sourozenec', audience: 'sibling', period: 'half_year', amount: 100_000 },
    ] as const
    const club = await t.backend.call('activities/create', {
      activity: t.club({ priceOptions: [...prices] }),
      clashOverride: null,
    })
    const other = await t.backend.call('activities/create', {
      activity: t.club({ code: 'JINY', slots: [{ weekday: 3, startsAt: '10:00', endsAt: '11:00', placeId: null }] }),
      clashOverride: null,
    })
    const [member, nonMember, sibling] = club.priceOptions
    const [child] = await addChildren(t.backend, t.unitId, 1)
    await enrol(t.em, club.id, [child], 'approved', nonMember.id)

    const foreign = await t.backend.result('activities/update', {
      id: club.id,
      expectedVersion: club.version,
      activity: t.club({ priceOptions: [{ ...prices[0], id: other.priceOptions[0].id }] }),
      clashOverride: null,
    })
    expect(foreign).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'price_option_foreign' } })
    if (!foreign.ok) expect(foreign.error.fields?.['activity.priceOptions.0.id']?.code).toBe('price_option_foreign')

    const saved = await t.backend.call('activities/update', {
      id: club.id,
      expectedVersion: club.version,
      activity: t.club({
        priceOptions: [
          { ...prices[0], id: member.id, amount: 125_000 },
          { label: 'Jednorázově', audience: 'everyone', period: 'one_off', amount: 50_000 },
        ],
      }),
      clashOverride: null,
    })
    const byId = new Map(saved.priceOptions.map((option) => [option.id, option]))
    expect(byId.get(member.id)).toMatchObject({ amount: 125_000, archived: false })
    expect(byId.get(nonMember.id)).toMatchObject({ archived: true })
    expect(byId.has(sibling.id)).toBe(false)
    expect(saved.priceOptions.filter((option) => !option.archived).map((option) => option.label)).toEqual([
      'Členové',
      'Jednorázově',
    ])
  })

  it('names the leaders: a staff member by display name, a person from the register by full name', async () => {
    const [child] = await addChildren(t.backend, t.unitId, 1)
    const staff = await t.backend.call('staff/create', {
      displayName: 'Petr Vedoucí',
      username: 'petr.vedouci',
      password: 'Vedouci-12345',
    })
    const club = await t.backend.call('activities/create', {
      activity: t.club({ leaders: [{ staffUserId: staff.id }, { personId: child }] }),
      clashOverride: null,
    })
    expect(club.leaders).toEqual([
      { staffUserId: staff.id, personId: null, name: 'Petr Vedoucí' },
      { staffUserId: null, personId: child, name: 'Dítě0 Malé' },
    ])
    const missing = await t.backend.result('activities/create', {
      activity: t.club({ code: 'X', leaders: [{ staffUserId: 999_999 }] }),
      clashOverride: null,
    })
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fields: { 'activity.leaders.0': {} } },
    })
  })
})
