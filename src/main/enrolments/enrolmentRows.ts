import type { EntityManager } from 'typeorm'
import type { ActivityKind, PriorityRule } from '../../shared/contract/activities'
import type { EnrolmentProblem, EnrolmentRow, EnrolmentSource, EnrolmentState } from '../../shared/contract/enrolments'
import { ageOn } from '../../shared/calendarDate'
import { orderWaitlist } from './priority'

interface RawRow {
  id: number
  activityId: number
  activityName: string
  activityKind: ActivityKind
  parentName: string | null
  referenceDate: string
  personId: number
  firstName: string
  lastName: string
  birthDate: string | null
  unitName: string
  state: EnrolmentState
  source: EnrolmentSource
  priceOptionId: number | null
  priceOptionLabel: string | null
  appliedAt: string
  appliedByName: string | null
  decidedAt: string | null
  decidedByName: string | null
  reason: string | null
  offerExpiresAt: string | null
  priority: number
  priorityReasons: string
  queuePosition: number | null
  version: number
}

/** Everything a row shows, joined once: the person, the activity (and a turn's camp), who added and decided. */
export const ROW_SELECT = `
  SELECT e.id, e.activity_id AS "activityId", a.name AS "activityName", a.kind AS "activityKind",
    parent.name AS "parentName", COALESCE(parent.age_reference_date, a.age_reference_date, a.starts_on) AS "referenceDate",
    e.person_id AS "personId", p.first_name AS "firstName", p.last_name AS "lastName", p.birth_date AS "birthDate",
    u.name AS "unitName", e.state, e.source, e.price_option_id AS "priceOptionId", po.label AS "priceOptionLabel",
    e.applied_at AS "appliedAt", applier.display_name AS "appliedByName", e.decided_at AS "decidedAt",
    decider.display_name AS "decidedByName", e.reason, e.offer_expires_at AS "offerExpiresAt",
    e.priority, e.priority_reasons AS "priorityReasons", e.queue_position AS "queuePosition", e.version
  FROM enrolment e
  JOIN activity a ON a.id = e.activity_id
  LEFT JOIN activity parent ON parent.id = a.parent_id
  JOIN person p ON p.id = e.person_id
  JOIN unit u ON u.id = a.unit_id
  LEFT JOIN price_option po ON po.id = e.price_option_id
  LEFT JOIN staff_user applier ON applier.id = e.applied_by
  LEFT JOIN staff_user decider ON decider.id = e.decided_by`

function toRow(raw: RawRow): EnrolmentRow {
  return {
    id: raw.id,
    activityId: raw.activityId,
    activityName: raw.activityName,
    activityKind: raw.activityKind,
    parentName: raw.parentName,
    personId: raw.personId,
    firstName: raw.firstName,
    lastName: raw.lastName,
    birthDate: raw.birthDate,
    age: ageOn(raw.birthDate, raw.referenceDate),
    unitName: raw.unitName,
    state: raw.state,
    source: raw.source,
    priceOptionId: raw.priceOptionId,
    priceOptionLabel: raw.priceOptionLabel,
    appliedAt: raw.appliedAt,
    appliedByName: raw.appliedByName,
    decidedAt: raw.decidedAt,
    decidedByName: raw.decidedByName,
    reason: raw.reason,
    offerExpiresAt: raw.offerExpiresAt,
    position: null,
    positionReasons: [],
    problems: [],
    version: raw.version,
  }
}

/** Rows matching `where` (portable SQL with `?`), in `order`. Waitlisted rows get their place and why. */
export async function enrolmentRows(
  em: EntityManager,
  where: string,
  params: unknown[],
  order: string,
  page?: { limit: number; offset: number },
): Promise<EnrolmentRow[]> {
  const paging = page ? ` LIMIT ${page.limit} OFFSET ${page.offset}` : ''
  const raw: RawRow[] = await em.query(`${ROW_SELECT} WHERE ${where} ORDER BY ${order}${paging}`, params)
  const rows = raw.map(toRow)
  await placeOnWaitlists(em, raw, rows)
  return rows
}

async function placeOnWaitlists(em: EntityManager, raw: RawRow[], rows: EnrolmentRow[]): Promise<void> {
  const activities = [...new Set(raw.filter((row) => row.state === 'waitlisted').map((row) => row.activityId))]
  const byId = new Map(rows.map((row) => [row.id, row]))
  for (const activityId of activities) {
    const waiting: {
      id: number
      priority: number
      appliedAt: string
      queuePosition: number | null
      reasons: string
    }[] = await em.query(
      `SELECT id, priority, applied_at AS "appliedAt", queue_position AS "queuePosition", priority_reasons AS "reasons"
         FROM enrolment WHERE activity_id = ? AND state = 'waitlisted'`,
      [activityId],
    )
    orderWaitlist(waiting).forEach((entry, index) => {
      const row = byId.get(entry.id)
      if (!row) return
      row.position = index + 1
      const reasons = JSON.parse(entry.reasons) as PriorityRule[]
      row.positionReasons = entry.queuePosition === null ? reasons : [...reasons, 'moved']
    })
  }
}

export async function enrolmentRowOrFail(em: EntityManager, id: number): Promise<EnrolmentRow> {
  const [row] = await enrolmentRows(em, 'e.id = ?', [id], 'e.id')
  if (!row) throw new Error(`Enrolment ${id} vanished`)
  return row
}

export type { EnrolmentProblem }
