import { centreActivities, loadNote, type CentreActivities } from '../activities/centre'
import type { InputOf } from '../../src/shared/contract'
import { defineScenario } from '../scenario'

interface State {
  centre: CentreActivities
  input: InputOf<'enrolments/queue'>
}

/** The queue's twin: the oldest 50 applications with person, activity (and camp), price option; and the total. */
export const QUEUE_SQL = `SELECT e."id", e."activity_id" AS "activityId", a."name" AS "activityName", a."kind",
  pa."name" AS "parentName", e."person_id" AS "personId", p."first_name" AS "firstName",
  p."last_name" AS "lastName", p."birth_date" AS "birthDate", p."member", u."name" AS "unitName", e."state",
  e."source", e."price_option_id" AS "priceOptionId", o."label" AS "priceOptionLabel",
  e."applied_at" AS "appliedAt", e."reason", e."version", a."capacity", a."approved_count" AS "approved",
  a."offered_count" AS "offered", a."age_min" AS "ageMin", a."age_max" AS "ageMax", a."starts_on" AS "startsOn",
  a."members_only" AS "membersOnly", a."registration_closes" AS "registrationCloses"
  FROM "enrolment" e JOIN "activity" a ON a."id" = e."activity_id"
  LEFT JOIN "activity" pa ON pa."id" = a."parent_id"
  JOIN "person" p ON p."id" = e."person_id" JOIN "unit" u ON u."id" = a."unit_id"
  LEFT JOIN "price_option" o ON o."id" = e."price_option_id"
  WHERE e."state" = ? ORDER BY e."applied_at", e."id" LIMIT 50 OFFSET 0`
export const QUEUE_COUNT_SQL = `SELECT CAST(COUNT(*) AS integer) AS "total" FROM "enrolment" WHERE "state" = ?`

export const enrolmentQueueScenario = defineScenario<State>({
  name: 'enrolments/queue: first 50 of all pending',
  setup: async (bench) => {
    const centre = await centreActivities(bench)
    const input = {
      ...{ unitId: null, kind: null, activityId: null, ageMin: null, ageMax: null },
      ...{ appliedFrom: null, appliedTo: null, offset: 0, limit: 50 },
    }
    const [{ total }] = await bench.raw.all<{ total: number }>(QUEUE_COUNT_SQL, ['applied'])
    const page = await bench.call('enrolments/queue', input)
    if (page.total !== Number(total) || page.rows.length !== Math.min(50, Number(total)))
      throw new Error(`enrolments/queue gave ${page.rows.length} rows of ${page.total}; ${total} are pending`)
    return { centre, input }
  },
  measure: (bench, state) => bench.call('enrolments/queue', state.input),
  raw: async (bench) => {
    await bench.raw.all(QUEUE_SQL, ['applied'])
    await bench.raw.all(QUEUE_COUNT_SQL, ['applied'])
  },
  notes: (_bench, state) => loadNote(state.centre),
})
