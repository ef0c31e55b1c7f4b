import { expect } from 'vitest'
import type { PersonInput } from '../../../src/shared/contract/people'
import type { EnrolmentState } from '../../../src/shared/contract/enrolments'
import type { TestBackend } from '../../support/backend'
import { samplePerson } from '../../support/people'

/** Registers a child; the name is what tests tell people apart by. */
export async function child(
  backend: TestBackend,
  unitId: number,
  firstName: string,
  change: Partial<PersonInput> = {},
): Promise<number> {
  const file = await backend.call('people/create', {
    person: samplePerson(unitId, {
      firstName,
      lastName: 'Dítě',
      birthDate: '2016-05-01',
      contacts: undefined,
      ...change,
    }),
    allowDuplicate: true,
  })
  return file.person.id
}

/** Rows of a portable query on the backend's own manager. */
export function rows<T>(backend: TestBackend, sql: string, params: unknown[] = []): Promise<T[]> {
  return backend.database.manager.query(sql, params)
}

export async function stateOf(backend: TestBackend, id: number): Promise<EnrolmentState> {
  const [row] = await rows<{ state: EnrolmentState }>(backend, 'SELECT state FROM enrolment WHERE id = ?', [id])
  return row.state
}

/** The counters on the activity row equal the enrolments counted state by state. */
export async function expectCountersExact(backend: TestBackend, activityId: number): Promise<void> {
  const [stored] = await rows<Record<string, number>>(
    backend,
    `SELECT approved_count AS "approved", offered_count AS "offered", waitlisted_count AS "waitlisted",
       applied_count AS "applied" FROM activity WHERE id = ?`,
    [activityId],
  )
  const counted = await rows<{ state: string; n: number }>(
    backend,
    'SELECT state, CAST(COUNT(*) AS integer) AS n FROM enrolment WHERE activity_id = ? GROUP BY state',
    [activityId],
  )
  const actual = { approved: 0, offered: 0, waitlisted: 0, applied: 0 } as Record<string, number>
  for (const { state, n } of counted) if (state in actual) actual[state] = Number(n)
  expect(Object.fromEntries(Object.entries(stored).map(([key, value]) => [key, Number(value)]))).toEqual(actual)
}

export async function noticesOf(backend: TestBackend, enrolmentId: number): Promise<string[]> {
  const found = await rows<{ kind: string }>(backend, 'SELECT kind FROM notice WHERE enrolment_id = ? ORDER BY id', [
    enrolmentId,
  ])
  return found.map((row) => row.kind)
}

export async function feeEventsOf(
  backend: TestBackend,
  enrolmentId: number,
): Promise<{ kind: string; amount: number | null; priceOptionId: number | null; reason: string }[]> {
  const found = await rows<{ kind: string; amount: number | null; priceOptionId: number | null; reason: string }>(
    backend,
    'SELECT kind, amount, price_option_id AS "priceOptionId", reason FROM fee_event WHERE enrolment_id = ? ORDER BY id',
    [enrolmentId],
  )
  return found.map((row) => ({ ...row, amount: row.amount === null ? null : Number(row.amount) }))
}
