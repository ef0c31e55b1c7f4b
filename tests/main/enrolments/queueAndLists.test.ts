import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { InputOf } from '../../../src/shared/contract'
import { ActivitySchema } from '../../../src/main/activities/activityEntities'
import type { TestBackend } from '../../support/backend'
import { activityRows, type ActivityFixture } from '../../support/activityRows'
import { samplePerson } from '../../support/people'
import { addStaff, deskSignedInAs, setUpCentre, startDeskBackend, type Centre, type Desk } from '../../support/desks'

let minute = 0
/** Each call a second later, from 1 September 2026: application times differ, and no desk idles into its lock. */
const clock = () => new Date(Date.UTC(2026, 8, 1, 8, 0, minute++))

const NO_FILTER: InputOf<'enrolments/queue'> = {
  unitId: null,
  kind: null,
  activityId: null,
  ageMin: null,
  ageMax: null,
  appliedFrom: null,
  appliedTo: null,
  offset: 0,
  limit: 50,
}

describe('the approval queue and the lists', () => {
  let backend: TestBackend
  let centre: Centre
  let admin: Desk
  let fixture: ActivityFixture
  let sportId: number
  let floorballId: number
  let artId: number
  const ids: Record<string, number> = {}

  const person = async (
    unitId: number,
    lastName: string,
    firstName: string,
    birthDate = '2016-05-01',
    member = false,
  ) =>
    (
      await admin.call('people/create', {
        person: samplePerson(unitId, { firstName, lastName, birthDate, member, contacts: undefined }),
        allowDuplicate: true,
      })
    ).person.id
  const apply = async (activityId: number, personIds: number[]) =>
    admin.call('enrolments/apply', { activityId, personIds, priceOptionId: null, source: 'staff', note: '' })

  beforeAll(async () => {
    backend = await startDeskBackend({ clock })
    centre = await setUpCentre(backend)
    admin = centre.admin
    fixture = activityRows(backend)
    sportId = (await admin.call('units/create', { name: 'Sport', parentId: centre.centreId })).id
    floorballId = (await admin.call('units/create', { name: 'Florbal', parentId: sportId })).id
    artId = (await admin.call('units/create', { name: 'Umění', parentId: centre.centreId })).id

    const full = await fixture.activity(floorballId, { name: 'Florbal mladší', capacity: 1 })
    const young = await fixture.activity(artId, { name: 'Divadlo', kind: 'event' })
    const closed = await fixture.activity(sportId, { name: 'Plavání', registrationCloses: '2026-08-15' })
    const clashing = await fixture.activity(artId, { name: 'Keramika' })
    const other = await fixture.activity(sportId, { name: 'Judo', approval: 'automatic' })
    for (const date of ['2026-09-07', '2026-09-14']) {
      await fixture.session(clashing.id, date, '16:00', '17:30')
      await fixture.session(other.id, date, '17:00', '18:00')
    }
    Object.assign(ids, { full: full.id, young: young.id, closed: closed.id, clashing: clashing.id, other: other.id })

    const [adam, bara, cyril, dana] = [
      await person(floorballId, 'Cibulka', 'Adam'),
      await person(sportId, 'Čech', 'Bořek', '2018-02-02'),
      await person(artId, 'Hrubý', 'Cyril', '2014-03-03', true),
      await person(artId, 'Chalupa', 'Dana', '2015-04-04'),
    ]
    Object.assign(ids, { adam, bara, cyril, dana })
    const [approved] = await apply(full.id, [adam])
    await admin.call('enrolments/decide', { ids: [approved.enrolmentId!], decision: 'approve', reason: '' })
    await apply(full.id, [bara]) // full
    await apply(young.id, [bara]) // too young (7 on 2026-09-01)
    await apply(closed.id, [dana]) // registration closed, not a member
    await apply(other.id, [cyril]) // approved at once
    await apply(clashing.id, [cyril]) // clashes with Judo on Mondays 17:00–17:30
    await apply(full.id, [dana, cyril]) // full
    // An event with its own day and time (no sessions) clashes with Adam's approved Judo session on 14 September.
    const show = await fixture.activity(artId, {
      name: 'Koncert',
      kind: 'event',
      startsOn: '2026-09-14',
      endsOn: '2026-09-14',
      startsAt: '17:30',
      endsAt: '19:00',
    })
    const [judoAdam] = await apply(other.id, [adam])
    expect(judoAdam.state).toBe('approved')
    await apply(show.id, [adam]) // time clash with Judo
    // Rules changed after the applications came: the queue explains what now stands in the way.
    await backend.database.manager.update(ActivitySchema, { id: young.id }, { ageMin: 10 })
    await backend.database.manager.update(ActivitySchema, { id: closed.id }, { membersOnly: true })
  })
  afterAll(() => backend?.dispose())

  it('lists every pending application oldest first, each problem explained', async () => {
    const { rows, total } = await admin.call('enrolments/queue', NO_FILTER)
    expect(total).toBe(7)
    expect(rows.map((row) => [row.activityName, row.firstName, row.problems.map((problem) => problem.code)])).toEqual([
      ['Florbal mladší', 'Bořek', ['full']],
      ['Divadlo', 'Bořek', ['too_young']],
      ['Plavání', 'Dana', ['not_member', 'registration_closed']],
      ['Keramika', 'Cyril', ['time_clash']],
      ['Florbal mladší', 'Dana', ['full']],
      ['Florbal mladší', 'Cyril', ['full']],
      ['Koncert', 'Adam', ['time_clash']],
    ])
    expect(rows[1].problems[0]).toEqual({ code: 'too_young', params: { age: 8, min: 10, date: '2026-09-01' } })
    expect(rows[3].problems[0]).toEqual({ code: 'time_clash', params: { activity: 'Judo' } })
    expect(rows[0]).toMatchObject({ appliedByName: 'Eva Správcová', unitName: 'Florbal', age: 8, state: 'applied' })
  })

  it('filters by unit with its sub-units, kind, activity, age and date of application; pages with the total', async () => {
    const names = async (change: Partial<InputOf<'enrolments/queue'>>) => {
      const page = await admin.call('enrolments/queue', { ...NO_FILTER, ...change })
      return [page.total, page.rows.map((row) => `${row.activityName}/${row.firstName}`)]
    }
    expect(await names({ unitId: sportId })).toEqual([
      4,
      ['Florbal mladší/Bořek', 'Plavání/Dana', 'Florbal mladší/Dana', 'Florbal mladší/Cyril'],
    ])
    expect(await names({ unitId: floorballId, offset: 1, limit: 1 })).toEqual([3, ['Florbal mladší/Dana']])
    expect(await names({ kind: 'event' })).toEqual([2, ['Divadlo/Bořek', 'Koncert/Adam']])
    expect(await names({ activityId: ids.clashing })).toEqual([1, ['Keramika/Cyril']])
    // Ages today (the clock says September 2026): Bořek 8, Adam 10, Dana 11, Cyril 12.
    expect(await names({ ageMin: 11, ageMax: 11 })).toEqual([2, ['Plavání/Dana', 'Florbal mladší/Dana']])
    expect(await names({ appliedFrom: '2026-09-02' })).toEqual([0, []])
    expect(await names({ appliedTo: '2026-08-31' })).toEqual([0, []])
    expect((await names({ appliedFrom: '2026-09-01', appliedTo: '2026-09-01' }))[0]).toBe(7)
  })

  it('shows a staff member only the activities of units they may decide on', async () => {
    const member = await addStaff(
      admin,
      { username: 'sportovni', displayName: 'Sportovní Recepční', password: 'sport-12345' },
      [{ roleId: centre.roles.reception, unitId: sportId, includeSubUnits: true }],
    )
    const reception = await deskSignedInAs(backend, 'sport-desk', member.id)
    const page = await reception.call('enrolments/queue', NO_FILTER)
    expect(page.total).toBe(4)
    expect(new Set(page.rows.map((row) => row.unitName))).toEqual(new Set(['Sport', 'Florbal']))
    const art = await reception.dispatch('enrolments/decide', {
      ids: [(await admin.call('enrolments/queue', { ...NO_FILTER, kind: 'event' })).rows[0].id],
      decision: 'reject',
      reason: '',
    })
    expect(art).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    // The public's application needs the person's unit in view; adding as staff needs the activity's unit.
    const judo = { activityId: ids.other, priceOptionId: null, note: '' }
    const outsider = await reception.result('enrolments/apply', {
      ...judo,
      personIds: [ids.dana],
      source: 'application',
    })
    expect(outsider).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const intoArt = await reception.result('enrolments/apply', {
      ...judo,
      activityId: ids.clashing,
      personIds: [ids.adam],
      source: 'staff',
    })
    expect(intoArt).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const own = await reception.call('enrolments/apply', { ...judo, personIds: [ids.bara], source: 'application' })
    expect(own).toMatchObject([{ personId: ids.bara, state: 'approved' }])
    // The public withdraws only while registration is open; staff withdraw regardless.
    const swimming = (
      await admin.call('enrolments/list-for-activity', { activityId: ids.closed, states: ['applied'] })
    )[0]
    const late = await admin.call('enrolments/withdraw', { ids: [swimming.id], reason: '', source: 'application' })
    expect(late).toEqual([
      { personId: ids.dana, enrolmentId: swimming.id, state: 'applied', problem: { code: 'registration_closed' } },
    ])
    const byStaff = await admin.call('enrolments/withdraw', {
      ids: [swimming.id],
      reason: 'Omluva',
      source: 'staff',
    })
    expect(byStaff[0]).toMatchObject({ state: 'withdrawn', problem: null })
  })

  it("an activity's tab is sorted by surname in the desk's language, each row saying who added and decided it", async () => {
    const surnames = async (locale?: string) =>
      (
        await admin.call('enrolments/list-for-activity', {
          activityId: ids.full,
          states: ['approved', 'applied'],
          locale,
        })
      ).map((row) => row.lastName)
    expect(await surnames('cs')).toEqual(['Cibulka', 'Čech', 'Hrubý', 'Chalupa'])
    expect(await surnames('en')).toEqual(['Čech', 'Chalupa', 'Cibulka', 'Hrubý'])
    // Without a language: the centre's (set up in English here).
    expect(await surnames()).toEqual(['Čech', 'Chalupa', 'Cibulka', 'Hrubý'])
    const [approved] = await admin.call('enrolments/list-for-activity', { activityId: ids.full, states: ['approved'] })
    expect(approved).toMatchObject({
      firstName: 'Adam',
      appliedByName: 'Eva Správcová',
      decidedByName: 'Eva Správcová',
      decidedAt: expect.any(String),
    })
  })

  it("a person's page lists their enrolments, current and past; history says who did what", async () => {
    const mine = await admin.call('enrolments/list-for-person', { personId: ids.cyril })
    expect(mine.map((row) => `${row.activityName}:${row.state}`).sort()).toEqual([
      'Florbal mladší:applied',
      'Judo:approved',
      'Keramika:applied',
    ])
    const judo = mine.find((row) => row.activityName === 'Judo')!
    await admin.call('enrolments/withdraw', { ids: [judo.id], reason: 'Zranění', source: 'staff' })
    expect(
      (await admin.call('enrolments/list-for-person', { personId: ids.cyril })).find((row) => row.id === judo.id)
        ?.state,
    ).toBe('withdrawn')
    expect(await admin.call('enrolments/history', { id: judo.id })).toEqual([
      { fromState: null, toState: 'approved', at: expect.any(String), staffName: 'Eva Správcová', reason: null },
      {
        fromState: 'approved',
        toState: 'withdrawn',
        at: expect.any(String),
        staffName: 'Eva Správcová',
        reason: 'Zranění',
      },
    ])
  })
})
