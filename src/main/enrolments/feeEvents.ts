import type { EntityManager } from 'typeorm'
import type { PriceAudience } from '../../shared/contract/activities'
import { PriceOptionSchema, type PriceOptionRow } from '../activities/activityEntities'
import type { Activity } from './activityRules'
import { FeeEventSchema, type EnrolmentRow } from './enrolmentEntities'
import { hasApprovedSibling, isActiveMember } from './priority'

/** The option to charge when none was chosen: the first (by position) whose audience fits the person. */
async function fittingOption(
  em: EntityManager,
  activity: Activity,
  personId: number,
  today: string,
): Promise<PriceOptionRow | null> {
  const options = (
    await em.find(PriceOptionSchema, {
      where: { activityId: activity.priceOwnerId },
      order: { position: 'ASC', id: 'ASC' },
    })
  ).filter((option) => option.archivedAt === null)
  if (options.length === 0) return null
  const member = await isActiveMember(em, personId, today)
  const fits: Record<PriceAudience, () => Promise<boolean> | boolean> = {
    everyone: () => true,
    member: () => member,
    non_member: () => !member,
    sibling: () => hasApprovedSibling(em, activity.row.id, personId),
  }
  for (const option of options) if (await fits[option.audience]()) return option
  return null
}

/** Approval: the ledger is to charge the chosen price option (or the first that fits). */
export async function writeCharge(
  em: EntityManager,
  activity: Activity,
  enrolment: EnrolmentRow,
  staffUserId: number | null,
  now: Date,
  today: string,
): Promise<void> {
  const chosen =
    enrolment.priceOptionId === null ? null : await em.findOneBy(PriceOptionSchema, { id: enrolment.priceOptionId })
  const option = chosen ?? (await fittingOption(em, activity, enrolment.personId, today))
  await em.insert(FeeEventSchema, {
    kind: 'charge',
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

/** Withdrawal or an undone approval: the ledger is to credit what the approval charged. */
export async function writeCredit(
  em: EntityManager,
  activity: Activity,
  enrolment: EnrolmentRow,
  staffUserId: number | null,
  now: Date,
  reason: string,
): Promise<void> {
  const charge = await em.findOne(FeeEventSchema, {
    where: { enrolmentId: enrolment.id, kind: 'charge' },
    order: { id: 'DESC' },
  })
  await em.insert(FeeEventSchema, {
    kind: 'credit',
    activityId: activity.row.id,
    personId: enrolment.personId,
    enrolmentId: enrolment.id,
    priceOptionId: charge?.priceOptionId ?? enrolment.priceOptionId,
    amount: charge?.amount ?? null,
    reason,
    createdAt: now.toISOString(),
    createdBy: staffUserId,
    consumedAt: null,
  })
}
