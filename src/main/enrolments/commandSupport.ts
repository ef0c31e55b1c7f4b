import { In, type EntityManager } from 'typeorm'
import type { BatchOutcome, EnrolmentProblem } from '../../shared/contract/enrolments'
import { localDate } from '../../shared/calendarDate'
import { AppError } from '../../shared/errors'
import type { HandlerContext } from '../core/handler'
import { EnrolmentSchema, type EnrolmentRow } from './enrolmentEntities'
import type { Actor } from './stateMachine'

export function actorOf(ctx: HandlerContext): Actor {
  return { staffUserId: ctx.session.userId, now: ctx.now, today: localDate(ctx.now) }
}

export async function enrolmentOrFail(em: EntityManager, id: number): Promise<EnrolmentRow> {
  const row = await em.findOneBy(EnrolmentSchema, { id })
  if (!row) throw new AppError('NOT_FOUND', `No enrolment ${id}`)
  return row
}

/** The form was filled from this version: anything newer means someone else acted first. */
export function checkVersion(row: EnrolmentRow, expectedVersion: number): void {
  if (row.version !== expectedVersion) {
    throw AppError.conflict('stale_record', 'Someone else changed this enrolment after it was shown')
  }
}

/** The enrolments of a batch, each id once, in the order asked; a missing id refuses the batch. */
export async function enrolmentsOrFail(em: EntityManager, ids: readonly number[]): Promise<EnrolmentRow[]> {
  const unique = [...new Set(ids)]
  const rows = await em.find(EnrolmentSchema, { where: { id: In(unique) } })
  const byId = new Map(rows.map((row) => [row.id, row]))
  return unique.map((id) => {
    const row = byId.get(id)
    if (!row) throw new AppError('NOT_FOUND', `No enrolment ${id}`)
    return row
  })
}

export const done = (row: EnrolmentRow): BatchOutcome => ({
  personId: row.personId,
  enrolmentId: row.id,
  state: row.state,
  problem: null,
})

export const refused = (personId: number, enrolment: EnrolmentRow | null, problem: EnrolmentProblem): BatchOutcome => ({
  personId,
  enrolmentId: enrolment?.id ?? null,
  state: enrolment?.state ?? null,
  problem,
})

/** "Jana Nováková approved, Petr Novák full": the people named, and what happened to each. */
export function describeOutcomes(outcomes: readonly BatchOutcome[], names: ReadonlyMap<number, string>): string {
  return outcomes
    .map((outcome) => {
      const name = names.get(outcome.personId) ?? `person ${outcome.personId}`
      return `${name} ${outcome.problem ? `refused (${outcome.problem.code})` : outcome.state}`
    })
    .join(', ')
}

/** Audit summaries stay readable: a long batch is cut with a count of the rest. */
export function clip(text: string, max = 4000): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

/** Items grouped by a key, groups in the order their first item came, items in their order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const group = groups.get(key(item))
    if (group) group.push(item)
    else groups.set(key(item), [item])
  }
  return [...groups.values()]
}
