import { describe, expect, it } from 'vitest'
import { ENROLMENT_PROBLEMS, ENROLMENT_STATES, type BatchOutcome } from '../../../src/shared/contract/enrolments'
import { cs, en } from '../../../src/renderer/src/features/enrolments/enrolmentMessages'
import {
  pluralCategory,
  positionReasonKeys,
  problemMessage,
  summariseOutcomes,
} from '../../../src/renderer/src/features/enrolments/enrolmentTexts'
import {
  addChosen,
  chunks,
  freeSeats,
  registrationOpen,
} from '../../../src/renderer/src/features/enrolments/enrolmentRules'

type Tree = { [key: string]: string | Tree }
function lookup(tree: Tree, key: string): string | undefined {
  const value = key
    .split('.')
    .reduce<string | Tree | undefined>(
      (node, part) => (node && typeof node === 'object' ? node[part] : undefined),
      tree,
    )
  return typeof value === 'string' ? value : undefined
}
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort()

describe('problems in words', () => {
  it('every problem main can name has a text in English and Czech', () => {
    for (const code of ENROLMENT_PROBLEMS) {
      const { key } = problemMessage({ code })
      expect(lookup(en, key), code).toBeTruthy()
      expect(lookup(cs, key), code).toBeTruthy()
    }
  })

  it('every enrolment state has a name in both languages', () => {
    for (const state of ENROLMENT_STATES) {
      expect(lookup(en, `states.${state}`), state).toBeTruthy()
      expect(lookup(cs, `states.${state}`), state).toBeTruthy()
    }
  })

  it('says the ages and the reference date when main sends them, under the names it may use', () => {
    expect(problemMessage({ code: 'too_young', params: { age: 5, ageMin: 6, referenceDate: '2026-09-01' } })).toEqual({
      key: 'problems.too_young',
      params: { age: 5, limit: 6, date: '2026-09-01' },
    })
    expect(problemMessage({ code: 'too_old', params: { max: 12, date: '2026-09-01' } }, { age: 13 })).toEqual({
      key: 'problems.too_old',
      params: { age: 13, limit: 12, date: '2026-09-01' },
    })
  })

  it('never shows a bare placeholder: without the numbers the short sentence is used', () => {
    for (const problem of [
      { code: 'too_young' as const },
      { code: 'too_old' as const, params: { age: 15 } },
      { code: 'time_clash' as const },
    ]) {
      const message = problemMessage(problem)
      expect(message.key).toMatch(/Short$/)
      expect(placeholders(lookup(en, message.key) ?? 'x')).toEqual([])
      expect(placeholders(lookup(cs, message.key) ?? 'x')).toEqual([])
    }
  })

  it('names the activity a child already attends at the same time', () => {
    expect(problemMessage({ code: 'time_clash', params: { activityName: 'Judo' } })).toEqual({
      key: 'problems.time_clash',
      params: { activity: 'Judo' },
    })
  })

  it('a full activity offers the waitlist; its text needs no numbers', () => {
    expect(problemMessage({ code: 'full' }).key).toBe('problems.full')
    expect(lookup(en, 'problems.full')).toMatch(/full.*waitlist/)
  })

  it('every message fills exactly the placeholders its texts have', () => {
    const samples = [
      problemMessage({ code: 'too_young', params: { age: 5, ageMin: 6, date: '2026-09-01' } }),
      problemMessage({ code: 'too_old', params: { age: 15, ageMax: 12, date: '2026-09-01' } }),
      problemMessage({ code: 'time_clash', params: { activity: 'Judo' } }),
    ]
    for (const { key, params } of samples) {
      expect(placeholders(lookup(en, key) ?? ''), key).toEqual(Object.keys(params).sort())
      expect(placeholders(lookup(cs, key) ?? ''), key).toEqual(Object.keys(params).sort())
    }
  })
})

describe('the outcome of a batch, person by person', () => {
  // As main answers: a problem for whoever it left as they were (with their unchanged state), none for the rest.
  const outcomes: BatchOutcome[] = [
    { personId: 1, enrolmentId: 11, state: 'approved', problem: null },
    { personId: 2, enrolmentId: 12, state: 'waitlisted', problem: null },
    {
      personId: 3,
      enrolmentId: null,
      state: null,
      problem: { code: 'too_young', params: { min: 6, date: '2026-09-01' } },
    },
    { personId: 4, enrolmentId: 14, state: 'applied', problem: { code: 'full' } },
  ]

  it('tells who was done and who not, in the order sent', () => {
    const summary = summariseOutcomes(outcomes, 'decide')
    expect(summary.done.map((line) => line.personId)).toEqual([1, 2])
    expect(summary.notDone.map((line) => line.personId)).toEqual([3, 4])
  })

  it('people added to a full activity are done, on the waitlist, and told why', () => {
    const added = summariseOutcomes(outcomes, 'apply').done[1]
    expect(added).toMatchObject({ done: true, state: 'waitlisted', problem: { key: 'problems.fullDone' } })
    expect(lookup(en, 'problems.fullDone')).toMatch(/full.*put on the waitlist/)
    // Put on the waitlist by a decision: no talk of a full activity.
    expect(summariseOutcomes(outcomes, 'decide').done[1].problem).toBeNull()
  })

  it('a refusal says why, the age the desk knows filling in what main left out', () => {
    const summary = summariseOutcomes(outcomes, 'decide', new Map([[3, 4]]))
    expect(summary.notDone[0].problem).toEqual({
      key: 'problems.too_young',
      params: { age: 4, limit: 6, date: '2026-09-01' },
    })
    expect(summary.notDone[1]).toMatchObject({ done: false, problem: { key: 'problems.full' } })
  })

  it('an empty batch has nobody in either list', () => {
    expect(summariseOutcomes([], 'withdraw')).toEqual({ done: [], notDone: [] })
  })
})

describe('counts, seats and batches', () => {
  it('picks the Czech plural form: 1 přihláška, 3 přihlášky, 5 přihlášek', () => {
    expect(pluralCategory('cs-CZ', 1)).toBe('one')
    expect(pluralCategory('cs-CZ', 3)).toBe('few')
    expect(pluralCategory('cs-CZ', 5)).toBe('other')
    expect(pluralCategory('en-GB', 1)).toBe('one')
    expect(pluralCategory('en-GB', 2)).toBe('other')
    expect(cs.queue.total.few).toContain('přihlášky')
    expect(cs.queue.total.other).toContain('přihlášek')
  })

  it('every count text has all four plural forms in both languages', () => {
    const counts = [
      en.queue.total,
      en.enrol.chosen,
      en.actions.selected,
      cs.queue.total,
      cs.enrol.chosen,
      cs.reason.rejectTitle,
    ]
    for (const forms of counts) expect(Object.keys(forms).sort()).toEqual(['few', 'many', 'one', 'other'])
  })

  it('the waitlist says why someone is where they are, or that the time of application decided', () => {
    expect(positionReasonKeys([])).toEqual(['row.byTime'])
    expect(positionReasonKeys(['sibling', 'moved'])).toEqual(['priority.sibling', 'priority.moved'])
  })

  it('counts approved and offered seats as taken, and no limit as none', () => {
    const seats = { approved: 7, offered: 2, waitlisted: 4, applied: 9 }
    expect(freeSeats({ capacity: 10, seats })).toBe(1)
    expect(freeSeats({ capacity: 8, seats })).toBe(0)
    expect(freeSeats({ capacity: null, seats })).toBeNull()
  })

  it('takes applications from the public only inside the registration window, both days included', () => {
    const window = { registrationOpens: '2026-09-01', registrationCloses: '2026-09-15' }
    expect(registrationOpen(window, '2026-08-31')).toBe(false)
    expect(registrationOpen(window, '2026-09-01')).toBe(true)
    expect(registrationOpen(window, '2026-09-15')).toBe(true)
    expect(registrationOpen(window, '2026-09-16')).toBe(false)
    expect(registrationOpen({ registrationOpens: null, registrationCloses: null }, '2026-09-16')).toBe(true)
  })

  it('sends a selection of 250 as batches of 100, 100 and 50', () => {
    const ids = Array.from({ length: 250 }, (_, index) => index + 1)
    expect(chunks(ids).map((batch) => batch.length)).toEqual([100, 100, 50])
    expect(chunks(ids).flat()).toEqual(ids)
    expect(chunks([])).toEqual([])
  })

  it('the enrol dialog takes 100 people and refuses the 101st, and a second pick of one person changes nothing', () => {
    const hundred = Array.from({ length: 100 }, (_, index) => ({ id: index + 1 }))
    expect(addChosen(hundred.slice(0, 99), { id: 100 })).toEqual({ chosen: hundred, full: false })
    expect(addChosen(hundred, { id: 101 })).toEqual({ chosen: hundred, full: true })
    expect(addChosen(hundred, { id: 7 })).toEqual({ chosen: hundred, full: false })
  })
})
