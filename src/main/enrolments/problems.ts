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
 * When an activity meets: its planned sessions, or for an event without sessions its own day
 * and time (the activities context may plan an event as a single session, or not).
 */
const MEETINGS = `(
  SELECT activity_id, date, starts_at, ends_at FROM activity_session WHERE state = 'planned'
  UNION ALL
  SELECT id, starts_on, starts_at, ends_at FROM activity
  WHERE kind = 'event' AND starts_at IS NOT NULL AND ends_at IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM activity_session own WHERE own.activity_id = activity.id)
)`

/**
 * Another approved enrolment of the same person whose activity meets on the same date at an
 * overlapping time. Answers the clashing activity's name per enrolment id.
 */
export async function timeClashes(em: EntityManager, enrolmentIds: readonly number[]): Promise<Map<number, string>> {
  if (enrolmentIds.length === 0) return new Map()
  const rows: { id: number; name: string }[] = await em.query(
    `SELECT e.id, MIN(oa.name) AS "name"
     FROM enrolment e
     JOIN ${MEETINGS} s ON s.activity_id = e.activity_id
     JOIN enrolment oe ON oe.person_id = e.person_id AND oe.state = 'approved' AND oe.activity_id <> e.activity_id
     JOIN ${MEETINGS} os ON os.activity_id = oe.activity_id AND os.date = s.date
       AND os.starts_at < s.ends_at AND s.starts_at < os.ends_at
     JOIN activity oa ON oa.id = oe.activity_id
     WHERE e.id IN (${enrolmentIds.map(() => '?').join(', ')})
     GROUP BY e.id`,
    [...enrolmentIds],
  )
  return new Map(rows.map((row) => [row.id, row.name]))
}
