import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestBackend, type TestBackend } from '../../support/backend'
import { activityRows, type ActivityFixture } from '../../support/activityRows'
import { rootUnitId } from '../../support/people'
import { rowCounts } from '../../support/database'
import { child, rows } from './kit'

describe('merging two records of one child who has enrolments', () => {
  let backend: TestBackend
  let centreId: number
  let fixture: ActivityFixture

  beforeAll(async () => {
    backend = await startTestBackend()
    centreId = await rootUnitId(backend)
    fixture = activityRows(backend)
  })
  afterAll(() => backend?.dispose())

  const twins = async () => [await child(backend, centreId, 'Zdvojená'), await child(backend, centreId, 'Zdvojená')]
  const enrol = (activityId: number, personId: number) =>
    backend.call('enrolments/apply', {
      activityId,
      personIds: [personId],
      priceOptionId: null,
      source: 'staff',
      note: '',
    })
  const merge = (keepId: number, removeId: number) =>
    backend.result('people/merge', { keepId, removeId, takeFromRemoved: [], confirmDifferences: true })

  it('refuses, changing nothing, when both are enrolled in the same activity', async () => {
    const [keep, remove] = await twins()
    const activity = await fixture.activity(centreId, { name: 'Šachy' })
    await enrol(activity.id, keep)
    await enrol(activity.id, remove)
    const before = await rowCounts(backend)
    expect(await merge(keep, remove)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', reason: 'merge_both_enrolled', message: expect.stringContaining('Šachy') },
    })
    expect(await rowCounts(backend)).toEqual(before)
  })

  it('moves every enrolment to the kept record otherwise, history in the same activity included', async () => {
    const [keep, remove] = await twins()
    const chess = await fixture.activity(centreId)
    const judo = await fixture.activity(centreId)
    await enrol(chess.id, keep)
    const [old] = await enrol(chess.id, remove)
    // The duplicate's own place there was withdrawn: history, not a second live place.
    await backend.call('enrolments/withdraw', { ids: [old.enrolmentId!], reason: '', source: 'staff' })
    await enrol(judo.id, remove)
    expect(await merge(keep, remove)).toMatchObject({ ok: true })
    const moved = await rows<{ personId: number; state: string }>(
      backend,
      'SELECT person_id AS "personId", state FROM enrolment WHERE activity_id IN (?, ?) ORDER BY id',
      [chess.id, judo.id],
    )
    expect(moved).toEqual([
      { personId: keep, state: 'applied' },
      { personId: keep, state: 'withdrawn' },
      { personId: keep, state: 'applied' },
    ])
  })
})
