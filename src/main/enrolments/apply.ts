import type { EntityManager } from 'typeorm'
import type { BatchOutcome, EnrolmentState } from '../../shared/contract/enrolments'
import { AppError } from '../../shared/errors'
import type { Handler } from '../core/handler'
import { ActivitySchema, PriceOptionSchema } from '../activities/activityEntities'
import { activityLabel, loadActivity, registrationOpen, type Activity } from './activityRules'
import { actorOf, clip, describeOutcomes, done, refused } from './commandSupport'
import { EnrolmentSchema } from './enrolmentEntities'
import { priorityOf } from './priority'
import { fullName, personFacts, personProblems } from './problems'
import { LIVE_STATES } from './liveStates'
import { createEnrolment } from './stateMachine'
import { In } from 'typeorm'

/** A chosen price option must be the activity's own (for a turn: its camp's). */
async function checkPriceOption(em: EntityManager, activity: Activity, priceOptionId: number | null): Promise<void> {
  if (priceOptionId === null) return
  const option = await em.findOneBy(PriceOptionSchema, { id: priceOptionId })
  if (!option || option.activityId !== activity.priceOwnerId || option.archivedAt !== null) {
    throw AppError.conflict('price_option_foreign', 'The price option does not belong to this activity', {
      priceOptionId: { code: 'price_option_foreign', message: 'Not an option of this activity' },
    })
  }
}

/** What refuses the whole batch before anyone is looked at: the activity itself. */
async function checkActivity(em: EntityManager, activity: Activity): Promise<void> {
  if (activity.cancelled) throw AppError.conflict('activity_cancelled', 'The activity is cancelled')
  if (activity.row.kind === 'camp' && (await em.existsBy(ActivitySchema, { parentId: activity.row.id }))) {
    throw new AppError('VALIDATION_FAILED', 'A camp with turns takes enrolments on a turn', {
      activityId: { code: 'camp_has_turns', message: 'Choose a turn of the camp' },
    })
  }
}

/**
 * Applies (the public, through a desk) or adds (staff) up to 100 people: each gets an outcome of
 * their own. Automatic approval approves while seats remain, then waitlists; manual leaves them applied.
 */
export const apply: Handler<'enrolments/apply'> = async (input, ctx) => {
  const { em } = ctx
  const activity = await loadActivity(em, input.activityId)
  const ids = [...new Set(input.personIds)]
  const people = await personFacts(em, ids)
  if (input.source === 'staff') {
    await ctx.authorize('enrolments.decide', activity.row.unitId)
  } else {
    for (const unitId of new Set([...people.values()].map((person) => person.unitId))) {
      await ctx.authorize('people.view', unitId)
    }
  }
  const missing = ids.find((id) => !people.has(id))
  if (missing !== undefined) throw new AppError('NOT_FOUND', `No person ${missing}`)
  await checkActivity(em, activity)
  const actor = actorOf(ctx)
  if (input.source === 'application' && !registrationOpen(activity, actor.today)) {
    throw new AppError('REGISTRATION_CLOSED', 'Registration for this activity is not open today')
  }
  await checkPriceOption(em, activity, input.priceOptionId)
  const live = await em.find(EnrolmentSchema, {
    where: { activityId: activity.row.id, personId: In(ids), state: In([...LIVE_STATES]) },
  })
  const enrolled = new Set(live.map((row) => row.personId))
  const outcomes: BatchOutcome[] = []
  for (const personId of ids) {
    const person = people.get(personId)!
    if (enrolled.has(personId)) {
      outcomes.push(refused(personId, null, { code: 'already_enrolled' }))
      continue
    }
    const [problem] = personProblems(activity, person, actor.today)
    if (problem) {
      outcomes.push(refused(personId, null, problem))
      continue
    }
    const values = { personId, priceOptionId: input.priceOptionId, source: input.source, note: input.note }
    const first: EnrolmentState = activity.approval === 'automatic' ? 'approved' : 'applied'
    let row = await createEnrolment(em, actor, activity, values, first)
    if (!row) {
      // No seat left: the waitlist, in the order its priority rules give.
      const reasons = await priorityOf(em, activity, personId, actor.today)
      row = await createEnrolment(em, actor, activity, values, 'waitlisted', {
        priority: { value: reasons.length, reasons },
      })
    }
    outcomes.push(done(row!))
  }
  const names = new Map([...people].map(([id, person]) => [id, fullName(person)]))
  ctx.audit.target = `activity:${activity.row.id}`
  ctx.audit.summary = clip(
    `${input.source === 'staff' ? 'Added' : 'Applied'} to ${activityLabel(activity)}: ${describeOutcomes(outcomes, names)}`,
  )
  return outcomes
}
