import { centreActivities, loadNote, type CentreActivities } from '../activities/centre'
import type { InputOf } from '../../src/shared/contract'
import { defineScenario } from '../scenario'

interface State {
  centre: CentreActivities
  input: InputOf<'activities/list'>
}

/** The list's twin: the activities with their unit, place and seat counters, then the clubs' weekly slots. */
export const LIST_SQL = `SELECT a."id", a."kind", a."code", a."name", a."unit_id" AS "unitId", u."name" AS "unitName",
  a."state", a."starts_on" AS "startsOn", a."ends_on" AS "endsOn", p."name" AS "placeName", a."capacity",
  a."minimum", a."approved_count" AS "approved", a."offered_count" AS "offered",
  a."waitlisted_count" AS "waitlisted", a."applied_count" AS "applied", a."parent_id" AS "parentId"
  FROM "activity" a JOIN "unit" u ON u."id" = a."unit_id" LEFT JOIN "place" p ON p."id" = a."place_id"
  WHERE a."school_year_id" = ? ORDER BY a."code", a."id"`
export const SLOTS_SQL = `SELECT s."activity_id" AS "activityId", s."weekday", s."starts_at" AS "startsAt",
  s."ends_at" AS "endsAt", s."place_id" AS "placeId"
  FROM "activity_slot" s JOIN "activity" a ON a."id" = s."activity_id"
  WHERE a."school_year_id" = ? ORDER BY s."activity_id", s."weekday", s."starts_at"`

export const activityListScenario = defineScenario<State>({
  name: 'activities/list: school year, seat counts',
  setup: async (bench) => {
    const centre = await centreActivities(bench)
    const input = { schoolYearId: centre.schoolYearId, kind: null, state: null, unitId: null, text: '' }
    const [{ top }] = await bench.raw.all<{ top: number }>(
      'SELECT CAST(COUNT(*) AS integer) AS "top" FROM "activity" WHERE "school_year_id" = ? AND "parent_id" IS NULL',
      [centre.schoolYearId],
    )
    const rows = await bench.call('activities/list', input)
    // Camps carry their turns: one row per activity of the year, or the figure times something else.
    if (rows.length !== Number(top)) throw new Error(`activities/list gave ${rows.length} rows, the year has ${top}`)
    return { centre, input }
  },
  measure: (bench, state) => bench.call('activities/list', state.input),
  raw: async (bench, state) => {
    await bench.raw.all(LIST_SQL, [state.centre.schoolYearId])
    await bench.raw.all(SLOTS_SQL, [state.centre.schoolYearId])
  },
  notes: (_bench, state) => loadNote(state.centre),
})
