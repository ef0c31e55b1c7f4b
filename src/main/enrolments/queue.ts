import type { EntityManager } from 'typeorm'
import type { EnrolmentProblem, EnrolmentRow } from '../../shared/contract/enrolments'
import { localDate, yearsBefore } from '../../shared/calendarDate'
import type { Handler } from '../core/handler'
import type { StaffSession } from '../core/session'
import { freeSeats, loadActivities, registrationOpen } from './activityRules'
import { enrolmentRows } from './enrolmentRows'
import { personFacts, personProblems, timeClashes } from './problems'

interface UnitNode {
  id: number
  parentId: number | null
}

/** The units whose activities the caller may decide on (grants reach sub-units as they say); null = all. */
function decidableUnits(session: StaffSession, units: UnitNode[]): number[] | null {
  const parentOf = new Map(units.map((unit) => [unit.id, unit.parentId]))
  const chain = (id: number) => {
    const ids = [id]
    for (let parent = parentOf.get(id); parent != null && ids.length <= units.length; parent = parentOf.get(parent)) {
      ids.push(parent)
    }
    return ids
  }
  const allowed = units.filter((unit) => session.canInUnit('enrolments.decide', chain(unit.id))).map((unit) => unit.id)
  return allowed.length === units.length ? null : allowed
}

/** A unit and every unit below it. */
function withSubUnits(units: UnitNode[], root: number): number[] {
  const found = [root]
  for (let i = 0; i < found.length; i++) {
    for (const unit of units) if (unit.parentId === found[i]) found.push(unit.id)
  }
  return found
}

const inList = (column: string, values: readonly number[]) =>
  values.length === 0 ? '1 = 0' : `${column} IN (${values.map(() => '?').join(', ')})`

/** The day after a calendar date, for "applied on or before" against ISO instants. */
function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`)
  day.setUTCDate(day.getUTCDate() + 1)
  return day.toISOString().slice(0, 10)
}

/** What stands in the way of approving each row now, computed for one page only. */
async function explainProblems(em: EntityManager, rows: EnrolmentRow[], today: string): Promise<void> {
  const activities = await loadActivities(
    em,
    rows.map((row) => row.activityId),
  )
  const people = await personFacts(em, [...new Set(rows.map((row) => row.personId))])
  const clashes = await timeClashes(
    em,
    rows.map((row) => row.id),
  )
  for (const row of rows) {
    const activity = activities.get(row.activityId)!
    const problems: EnrolmentProblem[] = []
    if (freeSeats(activity.row) === 0) problems.push({ code: 'full' })
    problems.push(...personProblems(activity, people.get(row.personId)!, today))
    if (!registrationOpen(activity, today)) problems.push({ code: 'registration_closed' })
    const clash = clashes.get(row.id)
    if (clash !== undefined) problems.push({ code: 'time_clash', params: { activity: clash } })
    row.problems = problems
  }
}

/** Every pending application the caller may decide on, oldest first, one page with the total. */
export const queue: Handler<'enrolments/queue'> = async (filter, { em, session, now }) => {
  const today = localDate(now)
  const units: UnitNode[] = await em.query('SELECT id, parent_id AS "parentId" FROM unit')
  const clauses = ["e.state = 'applied'"]
  const params: unknown[] = []
  const mine = decidableUnits(session, units)
  if (mine) {
    clauses.push(inList('a.unit_id', mine))
    params.push(...mine)
  }
  if (filter.unitId !== null) {
    const branch = withSubUnits(units, filter.unitId)
    clauses.push(inList('a.unit_id', branch))
    params.push(...branch)
  }
  const equal: [string, unknown][] = [
    ['a.kind', filter.kind],
    ['e.activity_id', filter.activityId],
  ]
  for (const [column, value] of equal) {
    if (value === null) continue
    clauses.push(`${column} = ?`)
    params.push(value)
  }
  // Ages as of today: born on or before the day that makes them ageMin, after the day that makes them ageMax + 1.
  if (filter.ageMin !== null) {
    clauses.push('p.birth_date <= ?')
    params.push(yearsBefore(today, filter.ageMin))
  }
  if (filter.ageMax !== null) {
    clauses.push('p.birth_date > ?')
    params.push(yearsBefore(today, filter.ageMax + 1))
  }
  if (filter.appliedFrom !== null) {
    clauses.push('e.applied_at >= ?')
    params.push(filter.appliedFrom)
  }
  if (filter.appliedTo !== null) {
    clauses.push('e.applied_at < ?')
    params.push(nextDay(filter.appliedTo))
  }
  const where = clauses.join(' AND ')
  // Join person and activity only when a filter asks for them: the count then reads the queue's index alone.
  const joins = [
    /\ba\./.test(where) ? ' JOIN activity a ON a.id = e.activity_id' : '',
    /\bp\./.test(where) ? ' JOIN person p ON p.id = e.person_id' : '',
  ].join('')
  const [{ total }]: { total: number }[] = await em.query(
    `SELECT CAST(COUNT(*) AS integer) AS "total" FROM enrolment e${joins} WHERE ${where}`,
    params,
  )
  // The page's ids first, then the full rows of those 50 only: the wide join never meets the other thousands.
  const page: { id: number }[] = await em.query(
    `SELECT e.id FROM enrolment e${joins} WHERE ${where} ORDER BY e.applied_at, e.id LIMIT ${filter.limit} OFFSET ${filter.offset}`,
    params,
  )
  const ids = page.map((row) => row.id)
  const rows = ids.length === 0 ? [] : await enrolmentRows(em, inList('e.id', ids), ids, 'e.applied_at, e.id')
  await explainProblems(em, rows, today)
  return { rows, total: Number(total) }
}
