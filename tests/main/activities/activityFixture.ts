import type { EntityManager } from 'typeorm'
import type { ActivityInput } from '../../../src/shared/contract/activities'
import type { Currency } from '../../../src/shared/money'
import { ClosureSchema, SchoolYearSchema, TermSchema } from '../../../src/main/calendar/calendarEntities'
import { EnrolmentSchema } from '../../../src/main/enrolments/enrolmentEntities'
import type { EnrolmentState } from '../../../src/shared/contract/enrolments'
import { sampleActivity } from '../../support/activities'
import { startTestBackend, type TestBackend } from '../../support/backend'
import { sampleOrganisation, saveOrganisation } from '../../support/organisation'
import { rootUnitId, samplePerson } from '../../support/people'

/** A backend with a centre, its clock at `now.value`, and the school years 2026/27 and 2027/28. */
export async function startActivities(at = '2026-08-20T08:00:00Z') {
  const now = { value: new Date(at) }
  const backend = await startTestBackend({ clock: () => now.value })
  const unitId = await rootUnitId(backend)
  const em = backend.database.dataSource.manager
  const created = now.value.toISOString()
  const year = await em.save(SchoolYearSchema, {
    name: '2026/27',
    startsOn: '2026-09-01',
    endsOn: '2027-06-30',
    createdAt: created,
  })
  const autumn = await em.save(TermSchema, {
    schoolYearId: year.id,
    name: '1. pololetí',
    startsOn: '2026-09-01',
    endsOn: '2027-01-31',
  })
  const spring = await em.save(TermSchema, {
    schoolYearId: year.id,
    name: '2. pololetí',
    startsOn: '2027-02-01',
    endsOn: '2027-06-30',
  })
  const nextYear = await em.save(SchoolYearSchema, {
    name: '2027/28',
    startsOn: '2027-09-01',
    endsOn: '2028-06-30',
    createdAt: created,
  })
  const nextAutumn = await em.save(TermSchema, {
    schoolYearId: nextYear.id,
    name: '1. pololetí',
    startsOn: '2027-09-01',
    endsOn: '2028-01-31',
  })
  /** A weekly Monday club of the autumn term 2026. */
  const club = (change: Partial<ActivityInput> = {}) =>
    sampleActivity(unitId, { schoolYearId: year.id, termId: autumn.id, ...change })
  return { backend, now, unitId, em, year, autumn, spring, nextYear, nextAutumn, club }
}

export type Activities = Awaited<ReturnType<typeof startActivities>>

export async function addClosure(em: EntityManager, name: string, startsOn: string, endsOn: string) {
  await em.save(ClosureSchema, {
    kind: 'school_holiday',
    name,
    startsOn,
    endsOn,
    sourceUid: null,
    createdAt: new Date().toISOString(),
  })
}

export async function setCurrency(backend: TestBackend, currency: Currency) {
  await saveOrganisation(backend, { ...sampleOrganisation(), currency })
}

export async function addChildren(backend: TestBackend, unitId: number, count: number): Promise<number[]> {
  const ids: number[] = []
  for (let i = 0; i < count; i++) {
    const file = await backend.call('people/create', {
      person: samplePerson(unitId, { firstName: `Dítě${i}`, lastName: 'Malé', birthDate: '2016-05-01' }),
    })
    ids.push(file.person.id)
  }
  return ids
}

const COUNTER: Partial<Record<EnrolmentState, string>> = {
  approved: 'approved_count',
  offered: 'offered_count',
  waitlisted: 'waitlisted_count',
  applied: 'applied_count',
}

/**
 * Enrolment rows as the enrolments context would leave them (its commands are built in
 * parallel): the row, and the activity's seat counter moved with it.
 */
export async function enrol(
  em: EntityManager,
  activityId: number,
  personIds: number[],
  state: EnrolmentState,
  priceOptionId: number | null = null,
): Promise<number[]> {
  const at = '2026-08-25T10:00:00.000Z'
  const ids: number[] = []
  for (const personId of personIds) {
    const row = await em.save(EnrolmentSchema, {
      activityId,
      personId,
      state,
      priceOptionId,
      source: 'staff',
      appliedAt: at,
      appliedBy: null,
      decidedAt: null,
      decidedBy: null,
      reason: null,
      offerExpiresAt: null,
      priority: 0,
      priorityReasons: '[]',
      queuePosition: null,
      note: '',
      updatedAt: at,
    })
    ids.push(row.id)
  }
  const counter = COUNTER[state]
  if (counter)
    await em.query(`UPDATE "activity" SET "${counter}" = "${counter}" + ? WHERE "id" = ?`, [
      personIds.length,
      activityId,
    ])
  return ids
}
