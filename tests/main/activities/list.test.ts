import type { InputOf } from '../../../src/shared/contract'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { engineOf } from '../../../src/main/database/engines'
import { generateSessions } from '../../../src/main/activities/sessions'
import { enrol, addChildren, startActivities, type Activities } from './activityFixture'

const ACTIVITY_COLUMNS = [
  ...['unit_id', 'kind', 'parent_id', 'code', 'name', 'description', 'place_id', 'capacity', 'minimum'],
  ...['school_year_id', 'term_id', 'starts_on', 'ends_on', 'public', 'members_only', 'approval', 'seat_offers'],
  ...[
    'offer_hours',
    'priority_rules',
    'state',
    'approved_count',
    'offered_count',
    'created_at',
    'updated_at',
    'version',
  ],
]

/** Many clubs straight into the tables, as a centre's year would hold them. */
async function manyClubs(t: Activities, count: number): Promise<number[]> {
  const rows = Array.from({ length: count }, (_, i) => [
    ...[t.unitId, 'club', null, `K-${String(i).padStart(4, '0')}`, `Kroužek ${i}`, '', null, 12, 0],
    ...[t.year.id, t.autumn.id, '2026-09-01', '2027-01-31', true, false, 'manual', 'automatic'],
    ...[48, '[]', 'published', i % 12, i % 2, '2026-08-01T00:00:00.000Z', '2026-08-01T00:00:00.000Z', 1],
  ])
  await t.backend.database.dataSource.transaction(async (em) => {
    await engineOf(em).insertMany(em, 'activity', ACTIVITY_COLUMNS, rows)
  })
  const ids = (
    (await t.em.query(`SELECT "id" FROM "activity" WHERE "code" LIKE 'K-%' ORDER BY "id"`)) as { id: number }[]
  ).map((row) => Number(row.id))
  await t.backend.database.dataSource.transaction(async (em) => {
    await engineOf(em).insertMany(
      em,
      'activity_slot',
      ['activity_id', 'weekday', 'starts_at', 'ends_at', 'place_id'],
      ids.map((id, i) => [id, (i % 5) + 1, '16:00', '17:00', null]),
    )
  })
  return ids
}

describe('the activity list', () => {
  let t: Activities
  beforeEach(async () => {
    t = await startActivities()
  })
  afterEach(() => t?.backend.dispose())

  it('filters by year, kind, state, unit and text, with seats, slots, places and turns', async () => {
    const gym = await t.backend.call('activities/create-place', { name: 'Tělocvična', kind: 'gym', capacity: null })
    const club = await t.backend.call('activities/create', {
      activity: t.club({ placeId: gym.id }),
      clashOverride: null,
    })
    const camp = await t.backend.call('activities/create', {
      activity: t.club({
        ...{ kind: 'camp', code: 'TABOR', name: 'Letní tábor', schoolYearId: null, termId: null, slots: [] },
        ...{ capacity: null, startsOn: '2027-07-01', endsOn: '2027-07-14' },
        turns: [
          { name: '1. turnus', startsOn: '2027-07-01', endsOn: '2027-07-07', capacity: 20, minimum: 0 },
          { name: '2. turnus', startsOn: '2027-07-08', endsOn: '2027-07-14', capacity: 20, minimum: 0 },
        ],
      }),
      clashOverride: null,
    })
    const kids = await addChildren(t.backend, t.unitId, 3)
    await enrol(t.em, club.id, kids.slice(0, 2), 'approved')
    await enrol(t.em, camp.turns[1].id, kids.slice(2), 'waitlisted')
    const all: InputOf<'activities/list'> = { schoolYearId: null, kind: null, state: null, unitId: null, text: '' }
    const rows = await t.backend.call('activities/list', all)
    expect(rows.map((row) => row.code)).toEqual(['KER-01', 'TABOR'])
    expect(rows[0]).toMatchObject({
      placeName: 'Tělocvična',
      slots: [{ weekday: 1, startsAt: '16:00', endsAt: '17:30', placeId: null }],
      seats: { approved: 2, offered: 0, waitlisted: 0, applied: 0 },
      turns: [],
    })
    expect(rows[1].turns.map((turn) => [turn.name, turn.parentId, turn.seats.waitlisted])).toEqual([
      ['1. turnus', camp.id, 0],
      ['2. turnus', camp.id, 1],
    ])
    const codes = async (filter: Partial<typeof all>) =>
      (await t.backend.call('activities/list', { ...all, ...filter })).map((row) => row.code)
    expect(await codes({ schoolYearId: t.year.id })).toEqual(['KER-01'])
    expect(await codes({ kind: 'camp' })).toEqual(['TABOR'])
    expect(await codes({ state: 'published' })).toEqual([])
    expect(await codes({ unitId: t.unitId })).toEqual(['KER-01', 'TABOR'])
    expect(await codes({ text: 'LETNÍ' })).toEqual(['TABOR'])
    expect(await codes({ text: 'tábor' })).toEqual(['TABOR'])
    expect(await codes({ text: 'ker-' })).toEqual(['KER-01'])
    expect(await codes({ text: '%' })).toEqual([])
  })

  it('lists 2 000 clubs with their seats in a few set queries, and plans a year of sessions for 300 clubs at once', async () => {
    const ids = await manyClubs(t, 2000)
    const filter = { schoolYearId: t.year.id, kind: null, state: null, unitId: null, text: '' }
    await t.backend.call('activities/list', filter)
    const started = performance.now()
    const rows = await t.backend.call('activities/list', filter)
    const listing = performance.now() - started
    expect(rows).toHaveLength(2000)
    expect(rows.find((row) => row.code === 'K-0005')).toMatchObject({
      seats: { approved: 5, offered: 1 },
      slots: [{ weekday: 1 }],
    })
    // The budget is 50 ms on a quiet machine (npm run bench measures it); the test machine
    // is shared by parallel runs, so this only catches a statement per activity (seconds, not ms).
    expect(listing).toBeLessThan(1000)

    const planning = performance.now()
    const planned = await t.backend.database.dataSource.transaction((em) =>
      generateSessions(em, ids.slice(0, 300), new Date('2026-08-20T00:00:00Z'), { onlyFuture: false }),
    )
    const took = performance.now() - planning
    expect(planned).toBeGreaterThan(300 * 15)
    expect(took).toBeLessThan(10_000)
    console.info(`list of 2000: ${listing.toFixed(1)} ms; ${planned} sessions for 300 clubs: ${took.toFixed(0)} ms`)
  })
})
