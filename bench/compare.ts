import type { Row } from './table'

/**
 * The issues' bounds, by scenario name prefix: p95 in milliseconds. Issue 9 bounded PostgreSQL
 * (SQLite was already far below); issue 10's bounds hold on both engines.
 */
export const TARGETS: readonly { prefix: string; p95: number; engines: 'postgres' | 'both' }[] = [
  { prefix: 'people/search:', p95: 20, engines: 'postgres' },
  { prefix: 'people/get:', p95: 30, engines: 'postgres' },
  { prefix: 'settings/update-organisation', p95: 15, engines: 'postgres' },
  { prefix: 'activities/list:', p95: 50, engines: 'both' },
  { prefix: 'enrolments/queue:', p95: 100, engines: 'both' },
  { prefix: 'enrolments/decide:', p95: 1_000, engines: 'both' },
  { prefix: 'activities/create: 300 clubs', p95: 2_000, engines: 'both' },
  { prefix: 'activities/plan-school-year:', p95: 2_000, engines: 'both' },
]

export function targetOf(name: string): (typeof TARGETS)[number] | null {
  return TARGETS.find((target) => name.startsWith(target.prefix)) ?? null
}

/** `met`, or which engine missed it; `-` when an engine it bounds did not run. */
function verdict(target: (typeof TARGETS)[number], sqlite: Row | undefined, postgres: Row | undefined): string {
  const bounded =
    target.engines === 'both' ? [['SQLite', sqlite] as const, ['PG', postgres] as const] : [['PG', postgres] as const]
  if (bounded.some(([, row]) => !row)) return `< ${target.p95}: -`
  const missed = bounded.filter(([, row]) => row!.timing.p95 >= target.p95).map(([name]) => name)
  return `< ${target.p95}: ${missed.length === 0 ? 'met' : `MISSED ${missed.join('+')}`}`
}

const COLUMNS = [
  ['scenario', 44],
  ['SQLite median', 14],
  ['SQLite p95', 11],
  ['PG median', 10],
  ['PG p95', 9],
  ['PG/SQLite', 10],
  ['target p95', 22],
] as const

const cells = (values: readonly string[]): string =>
  values.map((value, i) => (i === 0 ? value.padEnd(COLUMNS[i][1]) : value.padStart(COLUMNS[i][1]))).join(' ')

export function comparisonHeader(): string {
  const line = cells(COLUMNS.map(([title]) => title))
  return `${line}\n${'-'.repeat(line.length)}`
}

/** One scenario on both engines: the ratio of the medians, and the issue's bound where it has one. */
export function comparisonRow(name: string, sqlite: Row | undefined, postgres: Row | undefined): string {
  const ms = (value: number | undefined) => (value === undefined ? '-' : value.toFixed(2))
  const ratio = sqlite && postgres ? `${(postgres.timing.median / sqlite.timing.median).toFixed(2)}x` : '-'
  const target = targetOf(name)
  const bound = target === null ? '' : verdict(target, sqlite, postgres)
  return cells([
    name,
    ms(sqlite?.timing.median),
    ms(sqlite?.timing.p95),
    ms(postgres?.timing.median),
    ms(postgres?.timing.p95),
    ratio,
    bound,
  ])
}
