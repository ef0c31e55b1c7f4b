export interface BenchArgs {
  /** Size of the generated data set. */
  people: number
  runs: number
  /** Only scenarios whose name contains this (case-insensitive). */
  only: string | null
  /** Reuse this data folder (and keep it) instead of a throw-away one; SQLite only. */
  dataDir: string | null
  /** Both engines in one run by default. */
  engines: ('sqlite' | 'postgres')[]
}

/** A mistyped flag: shown as one line, without a stack. */
export class UsageError extends Error {}

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const value = (flag: string): string | undefined =>
    argv.find((arg) => arg.startsWith(`--${flag}=`))?.slice(flag.length + 3)
  const count = (flag: string, fallback: number): number => {
    const raw = value(flag)
    if (raw === undefined) return fallback
    const parsed = Number(raw.replaceAll('_', ''))
    if (!Number.isInteger(parsed) || parsed < 1)
      throw new UsageError(`--${flag} needs a whole number above 0, got ${raw}`)
    return parsed
  }
  const engine = value('engine') ?? 'both'
  if (!['both', 'sqlite', 'postgres'].includes(engine))
    throw new UsageError(`--engine is sqlite, postgres or both, got ${engine}`)
  return {
    engines: engine === 'both' ? ['sqlite', 'postgres'] : [engine as 'sqlite' | 'postgres'],
    people: count('people', 100_000),
    runs: count('runs', 200),
    only: value('only') ?? null,
    dataDir: value('data-dir') ?? null,
  }
}
