import { In, type EntityManager } from 'typeorm'
import type { PriceAudience } from '../../shared/contract/activities'
import { PriceOptionSchema, type PriceOptionRow } from '../activities/activityEntities'
import type { Activity } from './activityRules'
import { FeeEventSchema, type EnrolmentRow } from './enrolmentEntities'
import { hasApprovedSibling } from './priority'

/** Which of these people are members today: one query for a whole batch. */
async function activeMembers(em: EntityManager, personIds: readonly number[], today: string): Promise<Set<number>> {
  const rows: { id: number; member: boolean | number; until: string | null }[] = await em.query(
    `SELECT id, member, member_until AS "until" FROM person WHERE id IN (${personIds.map(() => '?').join(', ')})`,
    [...personIds],
  )
  return new Set(
    rows.filter((row) => Boolean(row.member) && (row.until === null || row.until >= today)).map((row) => row.id),
  )
}

/**
 * Approval: the ledger is to charge the chosen price option, or when none was chosen the
 * first (by position) whose audience fits the person — member, non-member, sibling, everyone.
 */
export async function writeCharges(
  em: EntityManager,
  activity: Activity,
  enrolments: readonly EnrolmentRow[],
  staffUserId: number | null,
  now: Date,
  today: string,
): Promise<void> {
  const chosenIds = enrolments.flatMap((enrolment) =>
    enrolment.priceOptionId === null ? [] : [enrolment.priceOptionId],
  )
  const options = await em.find(PriceOptionSchema, {
    where: [{ activityId: activity.priceOwnerId }, ...(chosenIds.length ? [{ id: In(chosenIds) }] : [])],
    order: { position: 'ASC', id: 'ASC' },
  })
  const byId = new Map(options.map((option) => [option.id, option]))
  const offered = options.filter((option) => option.activityId === activity.priceOwnerId && option.archivedAt === null)
  const members = await activeMembers(
    em,
    enrolments.map((enrolment) => enrolment.personId),
    today,
  )
  const rows = []
  for (const enrolment of enrolments) {
    const fits: Record<PriceAudience, () => Promise<boolean> | boolean> = {
      everyone: () => true,
      member: () => members.has(enrolment.personId),
      non_member: () => !members.has(enrolment.personId),
      sibling: () => hasApprovedSibling(em, activity.row.id, enrolment.personId),
    }
    let option: PriceOptionRow | null =
      enrolment.priceOptionId === null ? null : (byId.get(enrolment.priceOptionId) ?? null)
    for (const candidate of option ? [] : offered) {
      if (await fits[candidate.audience]()) {
        option = candidate
        break
      }
    }
    rows.push({
      kind: 'charge' as const,
      activityId: activity.row.id,
      personId: enrolment.personId,
      enrolmentId: enrolment.id,
      priceOptionId: option?.id ?? null,
      amount: option?.amount ?? null,
      reason: 'approved',
      createdAt: now.toISOString(),
      createdBy: staffUserId,
      consumedAt: null,
    })
  }
  await em.insert(FeeEventSchema, rows)
}

/** Withdrawal or an approval undone: the ledger is to credit what the approval charged. */
export async function writeCredits(
  em: EntityManager,
  activity: Activity,
  enrolments: readonly EnrolmentRow[],
  staffUserId: number | null,
  now: Date,
  reason: string,
): Promise<void> {
  const charges = await em.find(FeeEventSchema, {
    where: { enrolmentId: In(enrolments.map((enrolment) => enrolment.id)), kind: 'charge' },
    order: { id: 'ASC' },
  })
  // The latest charge of each (an approval undone and given again was charged twice, credited once each).
  const charged = new Map(charges.map((charge) => [charge.enrolmentId, charge]))
  await em.insert(
    FeeEventSchema,
    enrolments.map((enrolment) => {
      const charge = charged.get(enrolment.id)
      return {
        kind: 'credit' as const,
        activityId: activity.row.id,
        personId: enrolment.personId,
        enrolmentId: enrolment.id,
        priceOptionId: charge?.priceOptionId ?? enrolment.priceOptionId,
        amount: charge?.amount ?? null,
        reason,
        createdAt: now.toISOString(),
        createdBy: staffUserId,
        consumedAt: null,
      }
    }),
  )
}
