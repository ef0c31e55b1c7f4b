import type { EntityManager } from 'typeorm'
import type { CancelFeeAction } from '../../shared/contract/activities'

export interface CancellationContext {
  staffUserId: number | null
  reason: string
  feeAction: CancelFeeAction
  now: Date
}

const LIVE = `('applied', 'approved', 'waitlisted', 'offered')`
const list = (values: readonly unknown[]) => values.map(() => '?').join(', ')

/**
 * Cancelling activities: every live enrolment (applied, approved, waitlisted, offered) of them and
 * of their turns becomes `withdrawn`, with its history row, a notice to the family and, per
 * approved seat, what the ledger is to do with the fee (`feeAction`, with the price option and its
 * amount). Set statements, not a loop of saves: a camp of 500 costs the same few statements.
 * The seat counters of the activities end at 0. Answers how many enrolments were withdrawn.
 */
export async function withdrawAllForCancellation(
  em: EntityManager,
  activityIds: number[],
  { staffUserId, reason, feeAction, now }: CancellationContext,
): Promise<number> {
  if (activityIds.length === 0) return 0
  const family = (
    (await em.query(
      `SELECT "id" FROM "activity" WHERE "id" IN (${list(activityIds)}) OR "parent_id" IN (${list(activityIds)})`,
      [...activityIds, ...activityIds],
    )) as { id: number | string }[]
  ).map((row) => Number(row.id))
  const ids = list(family)
  const at = now.toISOString()
  const live = `"activity_id" IN (${ids}) AND "state" IN ${LIVE}`
  const [{ n }] = (await em.query(
    `SELECT CAST(COUNT(*) AS integer) AS "n" FROM "enrolment" WHERE ${live}`,
    family,
  )) as {
    n: number | string
  }[]
  if (Number(n) > 0) {
    await em.query(
      `INSERT INTO "enrolment_change" ("enrolment_id", "from_state", "to_state", "at", "staff_user_id", "reason")
       SELECT "id", "state", 'withdrawn', CAST(? AS varchar(30)), CAST(? AS integer), CAST(? AS text)
       FROM "enrolment" WHERE ${live}`,
      [at, staffUserId, reason, ...family],
    )
    await em.query(
      `INSERT INTO "notice" ("kind", "activity_id", "session_id", "enrolment_id", "person_id", "payload", "created_at", "created_by", "sent_at")
       SELECT 'activity_cancelled', "activity_id", NULL, "id", "person_id", CAST(? AS text), CAST(? AS varchar(30)), CAST(? AS integer), NULL
       FROM "enrolment" WHERE ${live}`,
      [JSON.stringify({ reason, feeAction }), at, staffUserId, ...family],
    )
    await em.query(
      `INSERT INTO "fee_event" ("kind", "activity_id", "person_id", "enrolment_id", "price_option_id", "amount", "reason", "created_at", "created_by", "consumed_at")
       SELECT CAST(? AS varchar(20)), e."activity_id", e."person_id", e."id", e."price_option_id", p."amount",
              CAST(? AS text), CAST(? AS varchar(30)), CAST(? AS integer), NULL
       FROM "enrolment" e LEFT JOIN "price_option" p ON p."id" = e."price_option_id"
       WHERE e."activity_id" IN (${ids}) AND e."state" = 'approved'`,
      [feeAction, `Activity cancelled: ${reason}`, at, staffUserId, ...family],
    )
    await em.query(
      `UPDATE "enrolment" SET "state" = 'withdrawn', "decided_at" = ?, "decided_by" = ?, "reason" = ?,
         "offer_expires_at" = NULL, "updated_at" = ?, "version" = "version" + 1
       WHERE ${live}`,
      [at, staffUserId, reason, at, ...family],
    )
  }
  // The counters belong to the enrolments context; cancelling is the one other writer (see the entity).
  await em.query(
    `UPDATE "activity" SET "approved_count" = 0, "offered_count" = 0, "waitlisted_count" = 0, "applied_count" = 0
     WHERE "id" IN (${ids})`,
    family,
  )
  return Number(n)
}
