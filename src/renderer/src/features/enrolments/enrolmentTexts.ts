// Relative import: this file is pure and is also type-checked with the node project (its tests).
import type { BatchOutcome, EnrolmentProblem, EnrolmentState } from '../../../../shared/contract/enrolments'

/** The plural forms a count text lists (CLDR categories; `zero` and `two` read as `other`). */
export type PluralCategory = 'one' | 'few' | 'many' | 'other'

export function pluralCategory(locale: string, count: number): PluralCategory {
  const category = new Intl.PluralRules(locale).select(count)
  return category === 'one' || category === 'few' || category === 'many' ? category : 'other'
}

/** A message key under `enrolments.` and what fills its placeholders. */
export interface MessageRef {
  key: string
  params: Record<string, string | number>
}

type Params = Record<string, string | number>

function first(params: Params, names: string[]): string | number | undefined {
  for (const name of names) {
    const value = params[name]
    if (value !== undefined && value !== null && value !== '') return value
  }
  return undefined
}

/**
 * The words for a problem. Ages and the clashing activity come from main's params when it sent
 * them (under any of the usual names); without them the short sentence still says what is wrong,
 * never a bare placeholder.
 */
export function problemMessage(problem: EnrolmentProblem, context: { age?: number | null } = {}): MessageRef {
  const params: Params = problem.params ?? {}
  switch (problem.code) {
    case 'too_young':
    case 'too_old': {
      const limitNames = problem.code === 'too_young' ? ['limit', 'ageMin', 'min'] : ['limit', 'ageMax', 'max']
      const age = first(params, ['age']) ?? context.age ?? undefined
      const limit = first(params, limitNames)
      const date = first(params, ['date', 'referenceDate', 'ageReferenceDate', 'on'])
      return age === undefined || limit === undefined || date === undefined
        ? { key: `problems.${problem.code}Short`, params: {} }
        : { key: `problems.${problem.code}`, params: { age, limit, date } }
    }
    case 'time_clash': {
      const activity = first(params, ['activity', 'activityName', 'name'])
      return activity === undefined
        ? { key: 'problems.time_clashShort', params: {} }
        : { key: 'problems.time_clash', params: { activity } }
    }
    default:
      return { key: `problems.${problem.code}`, params: {} }
  }
}

/** One person's line in the result of a batch. */
export interface OutcomeLine {
  personId: number
  done: boolean
  state: EnrolmentState | null
  problem: MessageRef | null
}

export interface OutcomeSummary {
  done: OutcomeLine[]
  notDone: OutcomeLine[]
}

/** What the batch asked for: adding people (a waitlist place then means it was full) or a decision. */
export type BatchStep = 'apply' | 'decide' | 'withdraw'

/**
 * Who was done and who not, and why, in the order the batch was sent. Main answers a problem for
 * each person it left as they were, and none for those it moved on; people added to a full
 * activity are done, on the waitlist, and told why.
 */
export function summariseOutcomes(
  outcomes: readonly BatchOutcome[],
  step: BatchStep,
  ages: ReadonlyMap<number, number | null> = new Map(),
): OutcomeSummary {
  const lines = outcomes.map((outcome): OutcomeLine => {
    const done = outcome.problem === null
    const age = ages.get(outcome.personId) ?? null
    const full = done && step === 'apply' && outcome.state === 'waitlisted'
    return {
      personId: outcome.personId,
      done,
      state: outcome.state,
      problem: outcome.problem
        ? problemMessage(outcome.problem, { age })
        : full
          ? { key: 'problems.fullDone', params: {} }
          : null,
    }
  })
  return { done: lines.filter((line) => line.done), notDone: lines.filter((line) => !line.done) }
}

/** "Why here" on the waitlist: the rules that lifted the person, or the time of application alone. */
export function positionReasonKeys(reasons: readonly string[]): string[] {
  return reasons.length === 0 ? ['row.byTime'] : reasons.map((reason) => `priority.${reason}`)
}
