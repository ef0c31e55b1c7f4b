import type { EntityManager } from 'typeorm'
import type { EnrolmentProblem } from '../../shared/contract/enrolments'
import { ageOn } from '../../shared/calendarDate'
import type { Activity } from './activityRules'

export interface PersonFacts {
  id: number
  firstName: string
  lastName: string
  unitId: number
  birthDate: string | null
  member: boolean
  memberUntil: string | null
}

export async function personFacts(em: EntityManager, ids: readonly number[]): Promise<Map<number, PersonFacts>> {
  if (ids.length === 0) return new Map()
  const rows: PersonFacts[] = await em.query(
    `SELECT id, first_name AS "firstName", last_name AS "lastName", unit_id AS "unitId", birth_date AS "birthDate",
       member, member_until AS "memberUntil"
     FROM person WHERE id IN (${ids.map(() => '?').join(', ')})`,
    [...ids],
  )
  return new Map(rows.map((row) => [row.id, { ...row, member: Boolean(row.member) }]))
}

export const fullName = (person: Pick<PersonFacts, 'firstName' | 'lastName'>) =>
  `${person.firstName} ${person.lastName}`

/** The activity takes nobody now: a draft, a finished or a cancelled one (or a turn of such a camp). */
export function activityProblem(activity: Activity): EnrolmentProblem | null {
  const states = [activity.row.state, activity.parent?.state ?? 'published']
  return states.every((state) => state === 'published') ? null : { code: 'activity_not_open' }
}

/**
 * What about the person stands in the way of a place: the age on the reference date and
 * membership when the activity is for members only. A person with no birth date is not refused
 * on age (staff see the empty age in the row).
 */
export function personProblems(activity: Activity, person: PersonFacts, today: string): EnrolmentProblem[] {
  const problems: EnrolmentProblem[] = []
  const blocking = activityProblem(activity)
  if (blocking) problems.push(blocking)
  const age = ageOn(person.birthDate, activity.referenceDate)
  if (age !== null && activity.ageMin !== null && age < activity.ageMin) {
    problems.push({ code: 'too_young', params: { age, min: activity.ageMin, date: activity.referenceDate } })
  }
  if (age !== null && activity.ageMax !== null && age > activity.ageMax) {
    problems.push({ code: 'too_old', params: { age, max: activity.ageMax, date: activity.referenceDate } })
  }
  const member = person.member && (person.memberUntil === null || person.memberUntil >= today)
  if (activity.membersOnly && !member) problems.push({ code: 'not_member' })
  return problems
}

/**
 * When the given activities meet: their planned sessions, or for an event without sessions its
 * own day and time (the activities context may plan an event as a single session, or not).
 * Limited to the activities a check involves, so the join never meets the year's other sessions.
 */
function meetings(activityIds: readonly number[]): string {
  const list = activityIds.map(() => '?').join(', ')
  return `(
  SELECT activity_id, date, starts_at, ends_at FROM activity_session WHERE state = 'planned' AND activity_id IN (${list})
  UNION ALL
  SELECT id, starts_on, starts_at, ends_at FROM activity
  WHERE kind = 'event' AND starts_at IS NOT NULL AND ends_at IS NOT NULL AND id IN (${list})
    AND NOT EXISTS (SELECT 1 FROM activity_session own WHERE own.activity_id = activity.id)
)`
}

/**
 * Another approved enrolment of the same person whose activity meets on the same date at an
 * overlapping time. Answers the clashing activity's name per enrolment id.
 */
export async function timeClashes(em: EntityManager, enrolmentIds: readonly number[]): Promise<Map<number, string>> {
  if (enrolmentIds.length === 0) return new Map()
  const marks = (values: readonly unknown[]) => values.map(() => '?').join(', ')
  // The activities involved first (these enrolments' and their people's approved ones), by index.
  const mine: { personId: number; activityId: number }[] = await em.query(
    `SELECT person_id AS "personId", activity_id AS "activityId" FROM enrolment WHERE id IN (${marks(enrolmentIds)})`,
    [...enrolmentIds],
  )
  const people = [...new Set(mine.map((row) => row.personId))]
  if (people.length === 0) return new Map()
  const approved: { activityId: number }[] = await em.query(
    `SELECT DISTINCT activity_id AS "activityId" FROM enrolment WHERE state = 'approved' AND person_id IN (${marks(people)})`,
    people,
  )
  if (approved.length === 0) return new Map()
  const involved = [...new Set([...mine, ...approved].map((row) => row.activityId))]
  const rows: { id: number; name: string }[] = await em.query(
    `SELECT e.id, MIN(oa.name) AS "name"
     FROM enrolment e
     JOIN ${meetings(involved)} s ON s.activity_id = e.activity_id
     JOIN enrolment oe ON oe.person_id = e.person_id AND oe.state = 'approved' AND oe.activity_id <> e.activity_id
     JOIN ${meetings(involved)} os ON os.activity_id = oe.activity_id AND os.date = s.date
       AND os.starts_at < s.ends_at AND s.starts_at < os.ends_at
     JOIN activity oa ON oa.id = oe.activity_id
     WHERE e.id IN (${marks(enrolmentIds)})
     GROUP BY e.id`,
    [...involved, ...involved, ...involved, ...involved, ...enrolmentIds],
  )
  return new Map(rows.map((row) => [row.id, row.name]))
}
