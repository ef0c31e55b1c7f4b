import { dataFiles, type Backend } from '../src/main/backend'
import type { Logger } from '../src/main/core/logger'
import type { Caller } from '../src/main/core/session'
import { CONNECTION_PRAGMAS } from '../src/main/database/dataSourceOptions'
import { RawConnection } from '../src/main/database/rawConnection'
import { generateDataset, type DemoDataset } from '../src/main/demo/dataset'
import type { CommandName, InputOf, OutputOf } from '../src/shared/contract'

export const BENCH_CALLER: Caller = { transport: 'direct', key: 'bench' }
export const BENCH_SEED = 20_251_121

/** What every scenario gets: the real backend, a second raw connection, and the data set. */
export interface BenchContext {
  backend: Backend
  file: string
  people: number
  /** Through the router like a desk's call; throws so a failing command can never look fast. */
  call<N extends CommandName>(name: N, input: InputOf<N>): Promise<OutputOf<N>>
  /** A separate sqlite3 connection on the same file, for the raw-SQL baselines. */
  raw: RawConnection
  /** Generated once on first use and shared by scenarios. */
  dataset(): DemoDataset
}

/** Keeps the table readable: start-up chatter (backups written) is dropped, problems still show. */
export const quietLogger: Logger = {
  info: () => undefined,
  warn: (message) => console.warn(message),
  error: (message, error) => console.error(message, error),
}

export async function createBenchContext(backend: Backend, dataDir: string, people: number): Promise<BenchContext> {
  const file = dataFiles(dataDir).file
  const raw = await RawConnection.open(file, 'read-write')
  // The same durability settings as the app's connection, so the baseline is not flattered.
  for (const pragma of CONNECTION_PRAGMAS) await raw.run(pragma)
  let dataset: DemoDataset | undefined
  return {
    backend,
    file,
    people,
    raw,
    async call(name, input) {
      const result = await backend.router.call(name, input, BENCH_CALLER)
      if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`)
      return result.data
    },
    dataset: () => (dataset ??= generateDataset({ people, seed: BENCH_SEED })),
  }
}
