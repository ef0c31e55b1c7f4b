import type { EntityManager } from 'typeorm'
import { activityLabel, type Activity } from './activityRules'
import { NoticeSchema, type EnrolmentRow, type NoticeKind } from './enrolmentEntities'

/** One notice per enrolment for the outbox: what the guardians are to be told, with the facts as they are now. */
export async function writeNotices(
  em: EntityManager,
  kind: NoticeKind,
  activity: Activity,
  enrolments: readonly Pick<EnrolmentRow, 'id' | 'personId' | 'offerExpiresAt'>[],
  staffUserId: number | null,
  now: Date,
  reason: string | null,
): Promise<void> {
  const facts = {
    activityName: activityLabel(activity),
    startsOn: activity.row.startsOn,
    endsOn: activity.row.endsOn,
    startsAt: activity.row.startsAt,
    endsAt: activity.row.endsAt,
    reason: reason || null,
  }
  await em.insert(
    NoticeSchema,
    enrolments.map((enrolment) => ({
      kind,
      activityId: activity.row.id,
      sessionId: null,
      enrolmentId: enrolment.id,
      personId: enrolment.personId,
      payload: JSON.stringify({ ...facts, offerExpiresAt: kind === 'seat_offered' ? enrolment.offerExpiresAt : null }),
      createdAt: now.toISOString(),
      createdBy: staffUserId,
      sentAt: null,
    })),
  )
}
