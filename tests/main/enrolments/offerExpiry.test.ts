import { describe, expect, it } from 'vitest'
import { startTestBackend } from '../../support/backend'
import { restartTestBackend } from '../../support/desks'
import { activityRows } from '../../support/activityRows'
import { rootUnitId } from '../../support/people'
import { child, rows, stateOf } from './kit'

const START = new Date('2026-09-10T10:00:00.000Z')
const HOUR = 3_600_000

describe('offers that run out', () => {
  it('lapse at the next start when they ran out while the app was closed, and the seat goes on', async () => {
    let offset = 0
    const clock = () => new Date(START.getTime() + offset)
    const backend = await startTestBackend({ clock })
    let restarted: Awaited<ReturnType<typeof restartTestBackend>> | null = null
    try {
      const centreId = await rootUnitId(backend)
      const activity = await activityRows(backend).activity(centreId, {
        approval: 'automatic',
        capacity: 1,
        offerHours: 24,
      })
      const people = [
        await child(backend, centreId, 'Adam'),
        await child(backend, centreId, 'Bára'),
        await child(backend, centreId, 'Cyril'),
      ]
      const [a, b, c] = (
        await backend.call('enrolments/apply', {
          activityId: activity.id,
          personIds: people,
          priceOptionId: null,
          source: 'staff',
          note: '',
        })
      ).map((outcome) => outcome.enrolmentId!)
      await backend.call('enrolments/withdraw', { ids: [a], reason: '', source: 'staff' })
      expect(await stateOf(backend, b)).toBe('offered')
      await backend.close()
      offset = 25 * HOUR
      restarted = await restartTestBackend(backend, { clock })
      // Nobody called anything: the start itself lapsed the offer and passed the seat on.
      expect([await stateOf(restarted, b), await stateOf(restarted, c)]).toEqual(['lapsed', 'offered'])
      const audit = await rows<{ staffName: string | null; summary: string }>(
        restarted,
        `SELECT staff_name AS "staffName", summary FROM audit_log WHERE command = 'enrolments/expire-offers'`,
      )
      expect(audit).toEqual([{ staffName: 'Offer expiry (automatic)', summary: expect.stringContaining('Bára') }])
    } finally {
      if (restarted) await restarted.dispose()
      else await backend.dispose()
    }
  })

  it('lapse while the app runs: the timer looks again, and an idle desk writes nothing', async () => {
    let offset = 0
    const clock = () => new Date(START.getTime() + offset)
    const backend = await startTestBackend({ clock, offerExpiryEveryMs: 50 })
    try {
      const centreId = await rootUnitId(backend)
      const activity = await activityRows(backend).activity(centreId, {
        approval: 'automatic',
        capacity: 1,
        offerHours: 2,
      })
      const people = [await child(backend, centreId, 'Dan'), await child(backend, centreId, 'Eva')]
      const [a, b] = (
        await backend.call('enrolments/apply', {
          activityId: activity.id,
          personIds: people,
          priceOptionId: null,
          source: 'staff',
          note: '',
        })
      ).map((outcome) => outcome.enrolmentId!)
      await backend.call('enrolments/withdraw', { ids: [a], reason: '', source: 'staff' })
      await new Promise((resolve) => setTimeout(resolve, 200))
      expect(await stateOf(backend, b)).toBe('offered')
      offset = 3 * HOUR
      const deadline = Date.now() + 5_000
      while ((await stateOf(backend, b)) !== 'lapsed' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 25))
      }
      expect(await stateOf(backend, b)).toBe('lapsed')
      const runs = async () =>
        (await rows(backend, `SELECT id FROM audit_log WHERE command = 'enrolments/expire-offers'`)).length
      const after = await runs()
      await new Promise((resolve) => setTimeout(resolve, 200))
      expect(after).toBe(1)
      expect(await runs()).toBe(1)
    } finally {
      await backend.dispose()
    }
  })
})
