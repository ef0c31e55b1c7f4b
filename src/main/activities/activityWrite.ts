import { In, IsNull, type EntityManager } from 'typeorm'
import type { ActivityInput, TurnInput } from '../../shared/contract/activities'
import { AppError, type FieldError } from '../../shared/errors'
import { versionedUpdate } from '../database/versionedUpdate'
import {
  ActivityLeaderSchema,
  ActivitySchema,
  ActivitySlotSchema,
  PriceOptionSchema,
  type ActivityRow,
  type ActivitySlotRow,
} from './activityEntities'
import { today } from './activityStore'
import { generateSessions } from './sessions'
import { offerFreedSeats } from '../enrolments/freedSeats'
import type { Actor } from '../enrolments/stateMachine'

/** The columns an activity's form sets (a turn takes them from its camp, then its own). */
export function columnsOf(input: ActivityInput) {
  return {
    unitId: input.unitId,
    kind: input.kind,
    code: input.code,
    name: input.name,
    description: input.description,
    placeId: input.placeId,
    capacity: input.capacity,
    minimum: input.minimum,
    ageMin: input.ageMin,
    ageMax: input.ageMax,
    ageReferenceDate: input.ageReferenceDate,
    schoolYearId: input.schoolYearId,
    termId: input.termId,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    registrationOpens: input.registrationOpens,
    registrationCloses: input.registrationCloses,
    public: input.public,
    membersOnly: input.membersOnly,
    approval: input.approval,
    seatOffers: input.seatOffers,
    offerHours: input.offerHours,
    priorityRules: JSON.stringify(input.priorityRules),
  }
}

const turnColumns = (input: ActivityInput, turn: TurnInput) => ({
  ...columnsOf(input),
  name: turn.name,
  startsOn: turn.startsOn,
  endsOn: turn.endsOn,
  capacity: turn.capacity,
  minimum: turn.minimum,
})

async function insertChildren(em: EntityManager, activityId: number, input: ActivityInput): Promise<void> {
  if (input.slots.length > 0)
    await em.insert(
      ActivitySlotSchema,
      input.slots.map((slot) => ({ ...slot, activityId })),
    )
  if (input.leaders.length > 0)
    await em.insert(
      ActivityLeaderSchema,
      input.leaders.map((leader) => ({
        activityId,
        staffUserId: 'staffUserId' in leader ? leader.staffUserId : null,
        personId: 'personId' in leader ? leader.personId : null,
      })),
    )
}

/** A new draft with its slots, leaders, price options, turns and generated sessions. Answers its id. */
export async function createActivity(
  em: EntityManager,
  input: ActivityInput,
  now: Date,
  copiedFromId: number | null = null,
) {
  const at = now.toISOString()
  const base = {
    state: 'draft' as const,
    cancelledAt: null,
    cancelReason: null,
    copiedFromId,
    approvedCount: 0,
    offeredCount: 0,
    waitlistedCount: 0,
    appliedCount: 0,
    createdAt: at,
    updatedAt: at,
  }
  const row = await em.save(ActivitySchema, { ...columnsOf(input), parentId: null, ...base })
  await insertChildren(em, row.id, input)
  if (input.priceOptions.length > 0)
    await em.insert(
      PriceOptionSchema,
      input.priceOptions.map(({ id: _ignored, ...option }, position) => ({
        ...option,
        activityId: row.id,
        position,
        archivedAt: null,
      })),
    )
  const turnIds: number[] = []
  for (const turn of input.kind === 'camp' ? input.turns : []) {
    const saved = await em.save(ActivitySchema, { ...turnColumns(input, turn), parentId: row.id, ...base })
    turnIds.push(saved.id)
  }
  await generateSessions(em, [row.id, ...turnIds], now, { onlyFuture: false })
  return row.id
}

function capacityRefusal(path: string, enrolled: number): AppError {
  const field: FieldError = {
    code: 'capacity_below_enrolled',
    message: `${enrolled} seats are taken`,
    params: { enrolled },
  }
  return new AppError(
    'CONFLICT',
    `The capacity is below the ${enrolled} seats already taken`,
    { [path]: field },
    {
      reason: 'capacity_below_enrolled',
      params: { enrolled },
    },
  )
}

const taken = (row: ActivityRow) => row.approvedCount + row.offeredCount

async function hasEnrolments(em: EntityManager, activityIds: number[]): Promise<boolean> {
  if (activityIds.length === 0) return false
  const rows = (await em.query(
    `SELECT 1 AS "one" FROM "enrolment" WHERE "activity_id" IN (${activityIds.map(() => '?').join(', ')}) LIMIT 1`,
    activityIds,
  )) as unknown[]
  return rows.length > 0
}

export function enrolmentRefusal(): AppError {
  return AppError.conflict(
    'has_enrolments',
    'People have applied or been enrolled here: cancel the activity instead of deleting it',
  )
}

export { hasEnrolments }

const sameSlot = (a: ActivitySlotRow, b: ActivityInput['slots'][number]) =>
  a.weekday === b.weekday && a.startsAt === b.startsAt && a.endsAt === b.endsAt && a.placeId === b.placeId

/**
 * Saves `input` over `existing` (validated already): its own columns under the form's version,
 * then slots (unchanged ones keep their ids, so their sessions stay theirs), leaders, price
 * options (ids kept; a removed one that enrolments use is archived), turns, and the future
 * sessions when the schedule changed. Answers what changed, for the audit summary.
 */
export async function updateActivity(
  em: EntityManager,
  existing: ActivityRow,
  expectedVersion: number,
  input: ActivityInput,
  now: Date,
  staffUserId: number | null,
): Promise<string[]> {
  const actor: Actor = { staffUserId, now, today: today(now) }
  const id = existing.id
  const at = now.toISOString()
  const changes: string[] = []
  if (input.capacity !== null && input.capacity < taken(existing))
    throw capacityRefusal('activity.capacity', taken(existing))
  const turns = await em.findBy(ActivitySchema, { parentId: id })
  const turnById = new Map(turns.map((turn) => [turn.id, turn]))
  const keptTurns = input.kind === 'camp' ? input.turns : []
  keptTurns.forEach((turn, index) => {
    if (turn.id === undefined) return
    const row = turnById.get(turn.id)
    if (!row)
      throw new AppError('VALIDATION_FAILED', 'No such turn of this camp', {
        [`activity.turns.${index}.id`]: { code: 'invalid', message: 'Not a turn of this camp' },
      })
    if (turn.capacity < taken(row)) throw capacityRefusal(`activity.turns.${index}.capacity`, taken(row))
  })
  const removedTurns = turns.filter((turn) => !keptTurns.some((t) => t.id === turn.id))
  if (
    await hasEnrolments(
      em,
      removedTurns.map((turn) => turn.id),
    )
  )
    throw AppError.conflict(
      'has_enrolments',
      'A turn with applications or enrolments cannot be removed: cancel it instead',
    )
  const prices = await em.findBy(PriceOptionSchema, { activityId: id })
  input.priceOptions.forEach((option, index) => {
    if (option.id !== undefined && !prices.some((price) => price.id === option.id))
      throw AppError.conflict('price_option_foreign', 'The price option belongs to another activity', {
        [`activity.priceOptions.${index}.id`]: { code: 'price_option_foreign', message: 'Not this activity’s option' },
      })
  })

  await versionedUpdate(em, ActivitySchema, { id }, expectedVersion, { ...columnsOf(input), updatedAt: at })

  // Slots: an unchanged slot keeps its id; a removed one leaves its past sessions without a slot.
  const slots = await em.findBy(ActivitySlotSchema, { activityId: id })
  const unmatched = [...input.slots]
  const keepSlots = slots.filter((slot) => {
    const index = unmatched.findIndex((wanted) => sameSlot(slot, wanted))
    if (index < 0) return false
    unmatched.splice(index, 1)
    return true
  })
  const dropSlots = slots.filter((slot) => !keepSlots.includes(slot)).map((slot) => slot.id)
  if (dropSlots.length > 0) {
    const marks = dropSlots.map(() => '?').join(', ')
    await em.query(`UPDATE "activity_session" SET "slot_id" = NULL WHERE "slot_id" IN (${marks})`, dropSlots)
    await em.delete(ActivitySlotSchema, { id: In(dropSlots) })
  }
  if (unmatched.length > 0)
    await em.insert(
      ActivitySlotSchema,
      unmatched.map((slot) => ({ ...slot, activityId: id })),
    )
  const slotsChanged = dropSlots.length > 0 || unmatched.length > 0
  if (slotsChanged) changes.push('weekly slots')

  await em.delete(ActivityLeaderSchema, { activityId: id })
  await insertChildren(em, id, { ...input, slots: [] })

  // Price options: the ids stay (enrolments refer to them); one removed but in use is archived.
  const wanted = new Set(input.priceOptions.flatMap((option) => (option.id === undefined ? [] : [option.id])))
  for (const [position, { id: optionId, ...option }] of input.priceOptions.entries()) {
    if (optionId === undefined)
      await em.insert(PriceOptionSchema, { ...option, activityId: id, position, archivedAt: null })
    else await em.update(PriceOptionSchema, { id: optionId }, { ...option, position, archivedAt: null })
  }
  const removed = prices.filter((price) => !wanted.has(price.id)).map((price) => price.id)
  if (removed.length > 0) {
    const marks = removed.map(() => '?').join(', ')
    const used = (await em.query(
      `SELECT "price_option_id" AS "id" FROM "enrolment" WHERE "price_option_id" IN (${marks})
       UNION SELECT "price_option_id" AS "id" FROM "fee_event" WHERE "price_option_id" IN (${marks})`,
      [...removed, ...removed],
    )) as { id: number | string }[]
    const inUse = new Set(used.map((row) => Number(row.id)))
    const archive = removed.filter((option) => inUse.has(option))
    const drop = removed.filter((option) => !inUse.has(option))
    if (archive.length > 0)
      await em.update(PriceOptionSchema, { id: In(archive), archivedAt: IsNull() }, { archivedAt: at })
    if (drop.length > 0) await em.delete(PriceOptionSchema, { id: In(drop) })
  }

  // Turns: each its own row under the camp, with the camp's shared columns.
  const regenerate: number[] = []
  const fresh: number[] = []
  for (const turn of keptTurns) {
    const columns = turnColumns(input, turn)
    if (turn.id === undefined) {
      const saved = await em.save(ActivitySchema, {
        ...columns,
        parentId: id,
        state: existing.state,
        cancelledAt: existing.cancelledAt,
        cancelReason: existing.cancelReason,
        copiedFromId: null,
        approvedCount: 0,
        offeredCount: 0,
        waitlistedCount: 0,
        appliedCount: 0,
        createdAt: at,
        updatedAt: at,
      })
      fresh.push(saved.id)
      continue
    }
    const row = turnById.get(turn.id)!
    await em
      .createQueryBuilder()
      .update(ActivitySchema)
      .set({ ...columns, updatedAt: at, version: () => '"version" + 1' })
      .where({ id: turn.id })
      .execute()
    if (
      row.startsOn !== turn.startsOn ||
      row.endsOn !== turn.endsOn ||
      row.startsAt !== input.startsAt ||
      row.endsAt !== input.endsAt
    )
      regenerate.push(turn.id)
    // Seats freed by a raised capacity go to the waitlist by the one path every freed seat takes.
    if (row.capacity !== null && turn.capacity > row.capacity) await offerFreedSeats(em, turn.id, actor)
  }
  if (removedTurns.length > 0) {
    const ids = removedTurns.map((turn) => turn.id)
    const marks = ids.map(() => '?').join(', ')
    await em.query(`DELETE FROM "activity_session" WHERE "activity_id" IN (${marks})`, ids)
    await em.query(`UPDATE "activity" SET "copied_from_id" = NULL WHERE "copied_from_id" IN (${marks})`, ids)
    await em.delete(ActivitySchema, { id: In(ids) })
    changes.push(`removed turns ${removedTurns.map((turn) => turn.name).join(', ')}`)
  }
  if (fresh.length > 0) changes.push(`added ${fresh.length} turn(s)`)

  const scheduleChanged =
    slotsChanged ||
    existing.kind !== input.kind ||
    existing.startsOn !== input.startsOn ||
    existing.endsOn !== input.endsOn ||
    existing.startsAt !== input.startsAt ||
    existing.endsAt !== input.endsAt ||
    fresh.length > 0 ||
    removedTurns.length > 0
  if (scheduleChanged) regenerate.push(id)
  if (regenerate.length > 0) {
    await generateSessions(em, [...new Set(regenerate)], now, { onlyFuture: true })
    changes.push('future sessions planned again')
  }
  if (fresh.length > 0) await generateSessions(em, fresh, now, { onlyFuture: false })
  if (
    input.capacity === null
      ? existing.capacity !== null
      : existing.capacity !== null && input.capacity > existing.capacity
  ) {
    changes.push(`capacity ${existing.capacity ?? 'unlimited'} → ${input.capacity ?? 'unlimited'}`)
    await offerFreedSeats(em, id, actor)
  } else if (input.capacity !== existing.capacity) {
    changes.push(`capacity ${existing.capacity ?? 'unlimited'} → ${input.capacity}`)
  }
  return changes
}
