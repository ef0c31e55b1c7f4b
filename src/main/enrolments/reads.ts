import type { EnrolmentChange, EnrolmentRow, EnrolmentState } from '../../shared/contract/enrolments'
import type { Handler } from '../core/handler'
import { sortLocaleFor } from '../people/sorting/collationKey'
import { readOrganisation } from '../settings/organisationSettings'
import { loadActivity } from './activityRules'
import { enrolmentOrFail } from './commandSupport'
import { enrolmentRows } from './enrolmentRows'
import { personFacts } from './problems'
import { AppError } from '../../shared/errors'

const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ')

/**
 * An activity's people in the asked states, by surname in the desk's collation (the stored
 * per-language sort key); the waitlist tab alone runs in waitlist order.
 */
export const listForActivity: Handler<'enrolments/list-for-activity'> = async (
  { activityId, states, locale },
  { em, authorize },
) => {
  const activity = await loadActivity(em, activityId)
  await authorize('people.view', activity.row.unitId)
  const sortLocale = sortLocaleFor(locale ?? (await readOrganisation(em)).language)
  const rows = await enrolmentRows(
    em,
    `e.activity_id = ? AND e.state IN (${placeholders(states)})`,
    [activityId, ...states],
    `p.sort_${sortLocale}, e.id`,
  )
  const waitlistOnly = states.every((state: EnrolmentState) => state === 'waitlisted')
  return waitlistOnly ? rows.sort((a, b) => a.position! - b.position!) : rows
}

/** A person's enrolments, current and past, newest first. */
export const listForPerson: Handler<'enrolments/list-for-person'> = async ({ personId }, { em, authorize }) => {
  const person = (await personFacts(em, [personId])).get(personId)
  if (!person) throw new AppError('NOT_FOUND', `No person ${personId}`)
  await authorize('people.view', person.unitId)
  const rows: EnrolmentRow[] = await enrolmentRows(em, 'e.person_id = ?', [personId], 'e.applied_at DESC, e.id DESC')
  return rows
}

/** Every change of one enrolment's state: who, when, why. */
export const history: Handler<'enrolments/history'> = async ({ id }, { em, authorize }) => {
  const row = await enrolmentOrFail(em, id)
  const activity = await loadActivity(em, row.activityId)
  await authorize('people.view', activity.row.unitId)
  const changes: EnrolmentChange[] = await em.query(
    `SELECT c.from_state AS "fromState", c.to_state AS "toState", c.at, s.display_name AS "staffName", c.reason
     FROM enrolment_change c LEFT JOIN staff_user s ON s.id = c.staff_user_id
     WHERE c.enrolment_id = ? ORDER BY c.id`,
    [id],
  )
  return changes
}
