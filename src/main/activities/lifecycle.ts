import { In, type EntityManager } from 'typeorm'
import type { ActivityState, CancelFeeAction } from '../../shared/contract/activities'
import { AppError } from '../../shared/errors'
import { versionedUpdate } from '../database/versionedUpdate'
import { withdrawAllForCancellation } from '../enrolments/cancellation'
import {
  ActivityLeaderSchema,
  ActivitySchema,
  ActivitySessionSchema,
  ActivitySlotSchema,
  PriceOptionSchema,
  type ActivityRow,
} from './activityEntities'
import { enrolmentRefusal, hasEnrolments } from './activityWrite'

/** Which states each step may start from: draft → published → finished; draft or published → cancelled. */
export const STEPS = {
  publish: { from: ['draft'], to: 'published' },
  finish: { from: ['published'], to: 'finished' },
  cancel: { from: ['draft', 'published'], to: 'cancelled' },
} as const satisfies Record<string, { from: readonly ActivityState[]; to: ActivityState }>
export type Step = keyof typeof STEPS

function wrongState(row: ActivityRow, step: string): AppError {
  return new AppError('CONFLICT', `A ${row.state} activity cannot be ${step}ed`, undefined, {
    reason: 'wrong_state',
    params: { state: row.state },
  })
}

const turnIdsOf = async (em: EntityManager, id: number) =>
  (await em.find(ActivitySchema, { select: { id: true }, where: { parentId: id } })).map((turn) => turn.id)

/** Moves the activity (and a camp's turns that stand where it stood) to the step's state. */
async function moveState(
  em: EntityManager,
  row: ActivityRow,
  expectedVersion: number,
  step: Step,
  extra: Partial<ActivityRow>,
  now: Date,
): Promise<void> {
  const { from, to } = STEPS[step]
  if (!(from as readonly string[]).includes(row.state)) throw wrongState(row, step)
  await versionedUpdate(em, ActivitySchema, { id: row.id }, expectedVersion, {
    state: to,
    updatedAt: now.toISOString(),
    ...extra,
  })
  const turns = await turnIdsOf(em, row.id)
  if (turns.length > 0)
    await em
      .createQueryBuilder()
      .update(ActivitySchema)
      .set({ state: to, updatedAt: now.toISOString(), ...extra, version: () => '"version" + 1' })
      .where({ id: In(turns), state: In([...from]) })
      .execute()
}

export async function publish(em: EntityManager, row: ActivityRow, expectedVersion: number, now: Date) {
  if (row.state === 'draft' && row.kind === 'club') {
    const sessions = await em.count(ActivitySessionSchema, { where: { activityId: row.id, state: 'planned' } })
    if (sessions === 0)
      throw AppError.conflict('no_sessions', 'The club has no sessions: its slots meet on no open day of its dates')
  }
  await moveState(em, row, expectedVersion, 'publish', {}, now)
}

export async function finish(em: EntityManager, row: ActivityRow, expectedVersion: number, now: Date) {
  await moveState(em, row, expectedVersion, 'finish', {}, now)
}

/** Cancels the activity and its turns; everyone enrolled or waiting is withdrawn. Answers how many. */
export async function cancel(
  em: EntityManager,
  row: ActivityRow,
  expectedVersion: number,
  options: { reason: string; feeAction: CancelFeeAction; staffUserId: number | null },
  now: Date,
): Promise<number> {
  await moveState(
    em,
    row,
    expectedVersion,
    'cancel',
    { cancelledAt: now.toISOString(), cancelReason: options.reason },
    now,
  )
  return withdrawAllForCancellation(em, [row.id], { ...options, now })
}

/**
 * Deletes a draft mistake with everything hanging on it; refused (`has_enrolments`) once anyone
 * ever applied to it or a turn of it, since their history must stay.
 */
export async function remove(em: EntityManager, row: ActivityRow, expectedVersion: number): Promise<void> {
  const ids = [row.id, ...(await turnIdsOf(em, row.id))]
  if (await hasEnrolments(em, ids)) throw enrolmentRefusal()
  // The version is checked first, so a stale form deletes nothing.
  await versionedUpdate(em, ActivitySchema, { id: row.id }, expectedVersion, {})
  const marks = ids.map(() => '?').join(', ')
  await em.query(`DELETE FROM "notice" WHERE "activity_id" IN (${marks})`, ids)
  await em.query(`DELETE FROM "activity_session" WHERE "activity_id" IN (${marks})`, ids)
  await em.delete(ActivitySlotSchema, { activityId: In(ids) })
  await em.delete(ActivityLeaderSchema, { activityId: In(ids) })
  await em.delete(PriceOptionSchema, { activityId: In(ids) })
  await em.query(`UPDATE "activity" SET "copied_from_id" = NULL WHERE "copied_from_id" IN (${marks})`, ids)
  if (ids.length > 1) await em.delete(ActivitySchema, { id: In(ids.slice(1)) })
  await em.delete(ActivitySchema, { id: row.id })
}
