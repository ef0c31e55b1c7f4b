import type { BenchContext } from './context'

/** One benchmark figure: the work as the app does it, and optionally the same work as raw SQL. */
export interface Scenario<State> {
  name: string
  /** Caps the runs of a slow figure (generating the whole data set). */
  maxRuns?: number
  setup?(bench: BenchContext): Promise<State>
  measure(bench: BenchContext, state: State): Promise<unknown>
  raw?(bench: BenchContext, state: State): Promise<unknown>
  /** Untimed, before every run of either side: puts back what the previous run of that side changed. */
  before?(bench: BenchContext, state: State, side: Side): Promise<void>
  /** Untimed, once after the last run (also after a failure): leaves the data set as it was. */
  after?(bench: BenchContext, state: State): Promise<void>
  /** Lines printed under the table, e.g. throughput from the median. */
  notes?(bench: BenchContext, state: State, medianMs: number): string[]
}

export type Side = 'app' | 'raw'

export interface PreparedScenario {
  measure(): Promise<unknown>
  raw: (() => Promise<unknown>) | null
  before(side: Side): Promise<void>
  after(): Promise<void>
  notes(medianMs: number): string[]
}

/** A scenario with its state hidden, so scenarios of different state types share one list. */
export interface RegisteredScenario {
  name: string
  maxRuns: number
  prepare(bench: BenchContext): Promise<PreparedScenario>
}

export function defineScenario<State = undefined>(scenario: Scenario<State>): RegisteredScenario {
  return {
    name: scenario.name,
    maxRuns: scenario.maxRuns ?? Number.POSITIVE_INFINITY,
    async prepare(bench) {
      // Without setup the state is undefined, which is what State defaults to.
      const state = (scenario.setup ? await scenario.setup(bench) : undefined) as State
      const raw = scenario.raw
      return {
        measure: () => scenario.measure(bench, state),
        raw: raw ? () => raw(bench, state) : null,
        before: async (side) => scenario.before?.(bench, state, side),
        after: async () => scenario.after?.(bench, state),
        notes: (medianMs) => scenario.notes?.(bench, state, medianMs) ?? [],
      }
    },
  }
}
