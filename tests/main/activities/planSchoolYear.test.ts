import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addClosure, startActivities, type Activities } from './activityFixture'

const MON_WED = [1, 3].map((weekday) => ({ weekday, startsAt: '16:00', endsAt: '17:00', placeId: null }))

describe('activities/plan-school-year', () => {
  let t: Activities
  beforeEach(async () => {
    t = await startActivities()
  })
  afterEach(() => t?.backend.dispose())

  const sessions = async (activityId: number) =>
    (await t.backend.call('activities/list-sessions', { activityId })).sessions

  it('a closure added after the clubs were created removes their sessions on those days; a cancelled one stays', async () => {
    const first = await t.backend.call('activities/create', {
      activity: t.club({ code: 'A', slots: MON_WED }),
      clashOverride: null,
    })
    const second = await t.backend.call('activities/create', {
      activity: t.club({ code: 'B', slots: MON_WED }),
      clashOverride: null,
    })
    const otherYear = await t.backend.call('activities/create', {
      activity: t.club({
        code: 'C',
        schoolYearId: t.nextYear.id,
        termId: t.nextAutumn.id,
        startsOn: '2027-09-01',
        endsOn: '2028-01-31',
        slots: MON_WED,
      }),
      clashOverride: null,
    })
    // Monday 2 Nov and Wednesday 4 Nov 2026 are sessions until the closure is added.
    for (const club of [first, second])
      expect((await sessions(club.id)).map((s) => s.date)).toEqual(expect.arrayContaining(['2026-11-02', '2026-11-04']))
    const monday = (await sessions(first.id)).find((s) => s.date === '2026-11-02')!
    await t.backend.call('activities/cancel-session', {
      id: monday.id,
      expectedVersion: monday.version,
      reason: 'Nemoc',
    })
    const before = (await sessions(first.id)).length + (await sessions(second.id)).length

    await addClosure(t.em, 'Ředitelské volno', '2026-11-02', '2026-11-04')
    const answer = await t.backend.call('activities/plan-school-year', { schoolYearId: t.year.id })

    const firstAfter = await sessions(first.id)
    const secondAfter = await sessions(second.id)
    expect(secondAfter.map((s) => s.date)).not.toContain('2026-11-02')
    expect(secondAfter.map((s) => s.date)).not.toContain('2026-11-04')
    expect(firstAfter.map((s) => s.date)).not.toContain('2026-11-04')
    // The cancelled session is history: it stays, cancelled, with its reason.
    expect(firstAfter.filter((s) => s.date === '2026-11-02')).toMatchObject([
      { id: monday.id, state: 'cancelled', cancelReason: 'Nemoc' },
    ])
    expect(answer.clubs).toBe(2)
    // Each club loses its Wednesday; the second its Monday too (the first's Monday was cancelled and stays).
    expect(firstAfter.length + secondAfter.length).toBe(before - 3)
    expect(answer.sessions).toBe(
      [...firstAfter, ...secondAfter].filter((s) => s.state === 'planned' && s.kind === 'regular').length,
    )
    // A club of another school year is not planned again.
    expect((await sessions(otherYear.id)).length).toBeGreaterThan(0)
    const audit = await t.backend.call('audit/search', {
      staffUserId: null,
      command: 'activities/plan-school-year',
      text: '',
      from: null,
      to: null,
      utcOffsetMinutes: 0,
      beforeId: null,
    })
    expect(audit.rows).toMatchObject([{ target: `school_year:${t.year.id}` }])
    expect(audit.rows[0].summary).toContain('2 club(s) of 2026/27')
  })

  it('an unknown school year is NOT_FOUND', async () => {
    await expect(t.backend.call('activities/plan-school-year', { schoolYearId: 999_999 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
  })
})
