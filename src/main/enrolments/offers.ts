import { In, LessThanOrEqual } from 'typeorm'
import type { BatchOutcome } from '../../shared/contract/enrolments'
import { AppError } from '../../shared/errors'
import type { Handler } from '../core/handler'
import { activityCache, activityLabel, loadActivity } from './activityRules'
import { actorOf, checkVersion, clip, describeOutcomes, done, enrolmentOrFail, refused } from './commandSupport'
import { EnrolmentSchema } from './enrolmentEntities'
import { enrolmentRowOrFail } from './enrolmentRows'
import { offerExpiry, offerFreedSeats } from './freedSeats'
import { priorityOf } from './priority'
import { fullName, personFacts } from './problems'
import { LIVE_STATES } from './liveStates'
import { changeState, createEnrolment, wrongState } from './stateMachine'

async function personName(em: Parameters<typeof personFacts>[0], personId: number): Promise<string> {
  const person = (await personFacts(em, [personId])).get(personId)
  return person ? fullName(person) : `person ${personId}`
}

/** An approval made by mistake goes back to applied: the charge is credited, the seat passed on. */
export const undoApproval: Handler<'enrolments/undo-approval'> = async ({ id, expectedVersion, reason }, ctx) => {
  const { em } = ctx
  const row = await enrolmentOrFail(em, id)
  const activity = await loadActivity(em, row.activityId)
  await ctx.authorize('enrolments.decide', activity.row.unitId)
  checkVersion(row, expectedVersion)
  if (row.state !== 'approved') throw wrongState(row.state, 'applied')
  const actor = actorOf(ctx)
  await changeState(em, actor, activity, row, 'applied', { reason })
  await offerFreedSeats(em, activity.row.id, actor)
  ctx.audit.target = `activity:${activity.row.id}`
  ctx.audit.summary = `Undid the approval of ${await personName(em, row.personId)} in ${activityLabel(activity)} – ${reason}`
  return enrolmentRowOrFail(em, id)
}

/** Offers a free seat to this waitlisted person now (activities whose seats are offered on a click). */
export const offerSeat: Handler<'enrolments/offer-seat'> = async ({ id, expectedVersion }, ctx) => {
  const { em } = ctx
  const row = await enrolmentOrFail(em, id)
  const activity = await loadActivity(em, row.activityId)
  await ctx.authorize('enrolments.decide', activity.row.unitId)
  checkVersion(row, expectedVersion)
  if (activity.cancelled) throw AppError.conflict('activity_cancelled', 'The activity is cancelled')
  if (row.state !== 'waitlisted') throw wrongState(row.state, 'offered')
  const actor = actorOf(ctx)
  const offered = await changeState(em, actor, activity, row, 'offered', {
    offerExpiresAt: offerExpiry(activity, actor.now),
  })
  if (!offered) throw new AppError('CAPACITY_FULL', 'No seat is free in this activity')
  ctx.audit.target = `activity:${activity.row.id}`
  ctx.audit.summary = `Offered ${await personName(em, row.personId)} a seat in ${activityLabel(activity)} until ${offered.offerExpiresAt}`
  return enrolmentRowOrFail(em, id)
}

/** The family's answer: accepted → approved; declined → lapsed, and the seat goes on. */
export const answerOffer: Handler<'enrolments/answer-offer'> = async ({ id, expectedVersion, accept }, ctx) => {
  const { em } = ctx
  const row = await enrolmentOrFail(em, id)
  const activity = await loadActivity(em, row.activityId)
  const person = (await personFacts(em, [row.personId])).get(row.personId)!
  await ctx.authorize('people.view', person.unitId)
  checkVersion(row, expectedVersion)
  if (row.state !== 'offered') throw wrongState(row.state, accept ? 'approved' : 'lapsed')
  const actor = actorOf(ctx)
  if (row.offerExpiresAt !== null && row.offerExpiresAt <= actor.now.toISOString()) {
    throw AppError.conflict('offer_expired', 'The offer has expired')
  }
  await changeState(em, actor, activity, row, accept ? 'approved' : 'lapsed', {
    reason: accept ? null : 'declined',
  })
  if (!accept) await offerFreedSeats(em, activity.row.id, actor)
  ctx.audit.target = `activity:${activity.row.id}`
  ctx.audit.summary = `${fullName(person)} ${accept ? 'accepted' : 'declined'} the seat offered in ${activityLabel(activity)}`
  return enrolmentRowOrFail(em, id)
}

/**
 * Lapses every offer past its expiry (by the router's clock) and passes each seat on. Run at
 * the backend's start (offers that ran out while the app was closed) and every minute after.
 */
export const expireOffers: Handler<'enrolments/expire-offers'> = async (_input, ctx) => {
  const { em } = ctx
  const actor = actorOf(ctx)
  const expired = await em.find(EnrolmentSchema, {
    where: { state: 'offered', offerExpiresAt: LessThanOrEqual(actor.now.toISOString()) },
    order: { offerExpiresAt: 'ASC', id: 'ASC' },
  })
  const activityOf = activityCache(em)
  const names: string[] = []
  for (const row of expired) {
    const activity = await activityOf(row.activityId)
    await changeState(em, actor, activity, row, 'lapsed', { reason: 'expired' })
    names.push(`${await personName(em, row.personId)} (${activityLabel(activity)})`)
  }
  let offered = 0
  for (const activityId of new Set(expired.map((row) => row.activityId))) {
    offered += (await offerFreedSeats(em, activityId, actor)).length
  }
  ctx.audit.target = expired.length > 0 ? `activity:${expired[0].activityId}` : 'enrolments'
  ctx.audit.summary = clip(
    expired.length > 0 ? `Offers expired: ${names.join(', ')}; ${offered} seats offered on` : 'No offer had expired',
  )
  return { lapsed: expired.length, offered }
}

/**
 * This year's participants of `fromActivityId` are offered a place in its copy first: offered
 * while seats remain, the rest waitlisted with `returning` among the reasons.
 */
export const offerReturning: Handler<'enrolments/offer-returning'> = async ({ fromActivityId, toActivityId }, ctx) => {
  const { em } = ctx
  const from = await loadActivity(em, fromActivityId)
  const to = await loadActivity(em, toActivityId)
  await ctx.authorize('enrolments.decide', from.row.unitId)
  await ctx.authorize('enrolments.decide', to.row.unitId)
  if (to.cancelled) throw AppError.conflict('activity_cancelled', 'The activity is cancelled')
  const participants = await em.find(EnrolmentSchema, {
    where: { activityId: fromActivityId, state: 'approved' },
    order: { appliedAt: 'ASC', id: 'ASC' },
  })
  const ids = participants.map((row) => row.personId)
  const live = await em.find(EnrolmentSchema, {
    where: { activityId: toActivityId, personId: In(ids.length ? ids : [0]), state: In([...LIVE_STATES]) },
  })
  const enrolled = new Set(live.map((row) => row.personId))
  const actor = actorOf(ctx)
  const outcomes: BatchOutcome[] = []
  for (const participant of participants) {
    const personId = participant.personId
    if (enrolled.has(personId)) {
      outcomes.push(refused(personId, null, { code: 'already_enrolled' }))
      continue
    }
    const values = { personId, priceOptionId: null, source: 'returning' as const, note: '' }
    let row = await createEnrolment(em, actor, to, values, 'offered', { offerExpiresAt: offerExpiry(to, actor.now) })
    if (!row) {
      const rules = await priorityOf(em, to, personId, actor.today)
      const reasons = rules.includes('returning') ? rules : [...rules, 'returning' as const]
      row = await createEnrolment(em, actor, to, values, 'waitlisted', { priority: { value: reasons.length, reasons } })
    }
    outcomes.push(done(row!))
  }
  const people = await personFacts(em, ids)
  const names = new Map([...people].map(([id, person]) => [id, fullName(person)]))
  ctx.audit.target = `activity:${toActivityId}`
  ctx.audit.summary = clip(
    `Offered the participants of ${activityLabel(from)} a place in ${activityLabel(to)}: ${describeOutcomes(outcomes, names)}`,
  )
  return outcomes
}
