import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EnrolmentState } from '../../../src/shared/contract/enrolments'
import { startTestBackend, type TestBackend } from '../../support/backend'
import { activityRows, type ActivityFixture } from '../../support/activityRows'
import { rootUnitId } from '../../support/people'
import { child, expectCountersExact, feeEventsOf, noticesOf, rows, stateOf } from './kit'

type Action = 'approve' | 'reject' | 'waitlist' | 'withdraw' | 'undo-approval' | 'offer-seat' | 'accept' | 'decline'

/** The notice each state's arrival writes for the outbox (an approval undone goes back quietly). */
const NOTICE: Record<EnrolmentState, string | null> = {
  applied: null,
  approved: 'approved',
  waitlisted: 'waitlisted',
  offered: 'seat_offered',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
  lapsed: 'offer_lapsed',
}

const STATES: EnrolmentState[] = ['applied', 'approved', 'waitlisted', 'offered', 'rejected', 'withdrawn', 'lapsed']

/** Every action from every state: the state it leads to, or null = refused as wrong_state. */
const EXPECTED: Record<Action, Partial<Record<EnrolmentState, EnrolmentState>>> = {
  approve: { applied: 'approved', offered: 'approved' },
  reject: { applied: 'rejected' },
  waitlist: { applied: 'waitlisted' },
  withdraw: { applied: 'withdrawn', approved: 'withdrawn', waitlisted: 'withdrawn', offered: 'withdrawn' },
  'undo-approval': { approved: 'applied' },
  'offer-seat': { waitlisted: 'offered' },
  accept: { offered: 'approved' },
  decline: { offered: 'lapsed' },
}

describe('the enrolment state machine: every action from every state', () => {
  let backend: TestBackend
  let centreId: number
  let fixture: ActivityFixture
  let people = 0

  beforeAll(async () => {
    backend = await startTestBackend()
    centreId = await rootUnitId(backend)
    fixture = activityRows(backend)
  })
  afterAll(() => backend?.dispose())

  /** A fresh activity (seats offered on a click, so nothing moves by itself) with one enrolment in `state`. */
  async function enrolmentIn(state: EnrolmentState): Promise<{ id: number; activityId: number }> {
    const activity = await fixture.activity(centreId, { seatOffers: 'manual' })
    const personId = await child(backend, centreId, `Dítě${(people += 1)}`)
    const [applied] = await backend.call('enrolments/apply', {
      activityId: activity.id,
      personIds: [personId],
      priceOptionId: null,
      source: 'staff',
      note: '',
    })
    const id = applied.enrolmentId!
    const version = async () =>
      (await rows<{ version: number }>(backend, 'SELECT version FROM enrolment WHERE id = ?', [id]))[0].version
    const steps: Record<EnrolmentState, () => Promise<unknown>> = {
      applied: async () => undefined,
      approved: () => backend.call('enrolments/decide', { ids: [id], decision: 'approve', reason: '' }),
      rejected: () => backend.call('enrolments/decide', { ids: [id], decision: 'reject', reason: 'Plno' }),
      withdrawn: () => backend.call('enrolments/withdraw', { ids: [id], reason: 'Stěhování', source: 'staff' }),
      waitlisted: () => backend.call('enrolments/decide', { ids: [id], decision: 'waitlist', reason: '' }),
      offered: async () => {
        await steps.waitlisted()
        await backend.call('enrolments/offer-seat', { id, expectedVersion: Number(await version()) })
      },
      lapsed: async () => {
        await steps.offered()
        await backend.call('enrolments/answer-offer', { id, expectedVersion: Number(await version()), accept: false })
      },
    }
    await steps[state]()
    expect(await stateOf(backend, id)).toBe(state)
    return { id, activityId: activity.id }
  }

  async function act(action: Action, id: number) {
    const [{ version }] = await rows<{ version: number }>(backend, 'SELECT version FROM enrolment WHERE id = ?', [id])
    const expectedVersion = Number(version)
    switch (action) {
      case 'approve':
      case 'reject':
      case 'waitlist': {
        const result = await backend.call('enrolments/decide', { ids: [id], decision: action, reason: '' })
        return result[0].problem?.code ?? null
      }
      case 'withdraw': {
        const result = await backend.call('enrolments/withdraw', { ids: [id], reason: '', source: 'staff' })
        return result[0].problem?.code ?? null
      }
      default: {
        const result =
          action === 'undo-approval'
            ? await backend.result('enrolments/undo-approval', { id, expectedVersion, reason: 'Omyl' })
            : action === 'offer-seat'
              ? await backend.result('enrolments/offer-seat', { id, expectedVersion })
              : await backend.result('enrolments/answer-offer', { id, expectedVersion, accept: action === 'accept' })
        return result.ok ? null : (result.error.reason ?? result.error.code)
      }
    }
  }

  const cases = (Object.keys(EXPECTED) as Action[]).flatMap((action) =>
    STATES.map((from) => ({ action, from, to: EXPECTED[action][from] ?? null })),
  )

  it.each(cases)('$action from $from → $to', async ({ action, from, to }) => {
    const { id, activityId } = await enrolmentIn(from)
    const changesBefore = (await rows(backend, 'SELECT id FROM enrolment_change WHERE enrolment_id = ?', [id])).length
    const noticesBefore = await noticesOf(backend, id)
    const feesBefore = (await feeEventsOf(backend, id)).map((event) => event.kind)
    const refusal = await act(action, id)
    const fees = (await feeEventsOf(backend, id)).map((event) => event.kind)
    const changesAfter = (await rows(backend, 'SELECT id FROM enrolment_change WHERE enrolment_id = ?', [id])).length
    if (to === null) {
      expect(refusal).toBe('wrong_state')
      expect(await stateOf(backend, id)).toBe(from)
      expect(changesAfter).toBe(changesBefore)
      expect(await noticesOf(backend, id)).toEqual(noticesBefore)
      expect(fees).toEqual(feesBefore)
    } else {
      expect(refusal).toBeNull()
      expect(await stateOf(backend, id)).toBe(to)
      // One history row per change: who, when and to what.
      const [last] = await rows<{ fromState: string; toState: string }>(
        backend,
        'SELECT from_state AS "fromState", to_state AS "toState" FROM enrolment_change WHERE enrolment_id = ? ORDER BY id DESC LIMIT 1',
        [id],
      )
      expect(changesAfter).toBe(changesBefore + 1)
      expect(last).toEqual({ fromState: from, toState: to })
      // One notice per event, and what the ledger must do: charge an approval, credit what it charged.
      expect(await noticesOf(backend, id)).toEqual([...noticesBefore, ...(NOTICE[to] ? [NOTICE[to]] : [])])
      const fee = to === 'approved' ? ['charge'] : from === 'approved' ? ['credit'] : []
      expect(fees).toEqual([...feesBefore, ...fee])
    }
    await expectCountersExact(backend, activityId)
  })
})
