import type { EntityManager } from 'typeorm'
import { activityLabel, type Activity } from './activityRules'
import { NoticeSchema, type EnrolmentRow, type NoticeKind } from './enrolmentEntities'

/** One notice for the outbox: what the guardians are to be told, with the facts as they are now. */
export async function writeNotice(
  em: EntityManager,
  kind: NoticeKind,
  activity: Activity,
  enrolment: Pick<EnrolmentRow, 'id' | 'personId' | 'offerExpiresAt'>,
  staffUserId: number | null,
  now: Date,
  reason: string | null,
): Promise<void> {
  const payload = {
    activityName: activityLabel(activity),
    startsOn: activity.row.startsOn,
    endsOn: activity.row.endsOn,
    startsAt: activity.row.startsAt,
    endsAt: activity.row.endsAt,
    offerExpiresAt: kind === 'seat_offered' ? enrolment.offerExpiresAt : null,
    reason: reason || null,
  }
  await em.insert(NoticeSchema, {
    kind,
    activityId: activity.row.id,
    sessionId: null,
    enrolmentId: enrolment.id,
    personId: enrolment.personId,
    payload: JSON.stringify(payload),
    createdAt: now.toISOString(),
    createdBy: staffUserId,
    sentAt: null,
  })
}
