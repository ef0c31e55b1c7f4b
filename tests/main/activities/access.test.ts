import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Unit } from '../../../src/shared/contract/units'
import { SchoolYearSchema, TermSchema } from '../../../src/main/calendar/calendarEntities'
import type { TestBackend } from '../../support/backend'
import { sampleActivity } from '../../support/activities'
import { rowCounts } from '../../support/database'
import {
  addStaff,
  centreTemplate,
  deskSignedInAs,
  type Centre,
  type CentreTemplate,
  type Desk,
} from '../../support/desks'

const LEADER = { username: 'lucie.vedouci', displayName: 'Lucie Vedoucí', password: 'Vedouci-12345' }

describe('who may change which activity', () => {
  let template: CentreTemplate<{ music: Unit; sport: Unit; leaderId: number }>
  let backend: TestBackend
  let centre: Centre
  let leader: Desk
  let yearId: number

  beforeAll(async () => {
    template = await centreTemplate(async ({ admin, centreId, roles }) => {
      const music = await admin.call('units/create', { name: 'Hudba', parentId: centreId })
      const sport = await admin.call('units/create', { name: 'Sport', parentId: centreId })
      const member = await addStaff(admin, LEADER, [{ roleId: roles.leader, unitId: music.id, includeSubUnits: true }])
      return { music, sport, leaderId: member.id }
    })
  })
  afterAll(() => template?.dispose())
  beforeEach(async () => {
    ;({ backend, centre } = await template.start())
    leader = await deskSignedInAs(backend, 'leader-desk', template.extra.leaderId)
    const em = backend.database.dataSource.manager
    const year = await em.save(SchoolYearSchema, {
      name: '2026/27',
      startsOn: '2026-09-01',
      endsOn: '2027-06-30',
      createdAt: '2026-08-01T00:00:00.000Z',
    })
    await em.save(TermSchema, { schoolYearId: year.id, name: 'Podzim', startsOn: '2026-09-01', endsOn: '2027-01-31' })
    yearId = year.id
  })
  afterEach(() => backend?.dispose())

  const club = (unitId: number, code = 'KER-01') => sampleActivity(unitId, { schoolYearId: yearId, code })

  it('a leader edits the activities of their own unit and none of another, and nothing is written then', async () => {
    const { music, sport } = template.extra
    const own = await leader.call('activities/create', { activity: club(music.id), clashOverride: null })
    expect(own.unitName).toBe('Hudba')
    const before = await rowCounts(backend)
    const elsewhere = await leader.result('activities/create', {
      activity: club(sport.id, 'SP-1'),
      clashOverride: null,
    })
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    // Moving their own activity into a unit they do not hold is refused too.
    const moved = await leader.result('activities/update', {
      id: own.id,
      expectedVersion: own.version,
      activity: club(sport.id),
      clashOverride: null,
    })
    expect(moved).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const theirs = await centre.admin.call('activities/create', {
      activity: club(sport.id, 'SP-2'),
      clashOverride: null,
    })
    const before2 = await rowCounts(backend)
    for (const result of [
      await leader.result('activities/publish', { id: theirs.id, expectedVersion: theirs.version }),
      await leader.result('activities/delete', { id: theirs.id, expectedVersion: theirs.version }),
      await leader.result('activities/regenerate-sessions', { activityId: theirs.id }),
    ])
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await rowCounts(backend)).toEqual(before2)
    expect(before.activity).toBe(1)
  })

  it('a save from a stale form is refused and changes nothing', async () => {
    const own = await leader.call('activities/create', { activity: club(template.extra.music.id), clashOverride: null })
    await leader.call('activities/update', {
      id: own.id,
      expectedVersion: own.version,
      activity: { ...club(template.extra.music.id), name: 'Keramika – začátečníci' },
      clashOverride: null,
    })
    const before = await rowCounts(backend)
    const stale = await leader.result('activities/update', {
      id: own.id,
      expectedVersion: own.version,
      activity: { ...club(template.extra.music.id), capacity: 20 },
      clashOverride: null,
    })
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'stale_record' } })
    expect(await rowCounts(backend)).toEqual(before)
    expect(await leader.call('activities/get', { id: own.id })).toMatchObject({
      name: 'Keramika – začátečníci',
      capacity: 12,
    })
  })
})
