import type { Backend } from '../src/main/backend'
import type { Logger } from '../src/main/core/logger'
import type { Caller } from '../src/main/core/session'
import { generateDataset, type DemoDataset } from '../src/main/demo/dataset'
import type { CommandName, InputOf, OutputOf } from '../src/shared/contract'
import type { RawSql } from './rawSql'

export const BENCH_CALLER: Caller = { transport: 'direct', key: 'bench' }
export const BENCH_SEED = 20_251_121

export type BenchEngine = 'sqlite' | 'postgres'

/** What every scenario gets: the real backend, a second raw connection, and the data set. */
export interface BenchContext {
  engine: BenchEngine
  backend: Backend
  people: number
  /** Through the router like a desk's call; throws so a failing command can never look fast. */
  call<N extends CommandName>(name: N, input: InputOf<N>): Promise<OutputOf<N>>
  /** A separate connection to the same database (sqlite3 or pg), for the raw-SQL baselines. */
  raw: RawSql
  /** Generated once on first use and shared by scenarios (and by both engines of a run). */
  dataset(): DemoDataset
  /** After a bulk load: what the server would do by itself soon after (PostgreSQL's statistics). */
  settle(): Promise<void>
}

/** Keeps the table readable: start-up chatter (backups written) is dropped, problems still show. */
export const quietLogger: Logger = {
  info: () => undefined,
  warn: (message) => console.warn(message),
  // One line each: a failing scenario says so in the table, the reason is here.
  error: (message, error) => console.error(message, error instanceof Error ? error.message : error),
}

const datasets = new Map<number, DemoDataset>()

export function benchDataset(people: number): DemoDataset {
  let dataset = datasets.get(people)
  if (!dataset) datasets.set(people, (dataset = generateDataset({ people, seed: BENCH_SEED })))
  return dataset
}

export function createBenchContext(
  backend: Backend,
  raw: RawSql,
  people: number,
  settle: () => Promise<void> = async () => undefined,
): BenchContext {
  return {
    settle,
    engine: raw.engine,
    backend,
    people,
    raw,
    async call(name, input) {
      const result = await backend.router.call(name, input, BENCH_CALLER)
      if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`)
      return result.data
    },
    dataset: () => benchDataset(people),
  }
}
