import type { Row } from './table'

/** The bounds for PostgreSQL, by scenario name prefix: p95 in milliseconds. */
export const TARGETS: readonly { prefix: string; p95: number }[] = [
  { prefix: 'people/search:', p95: 20 },
  { prefix: 'people/get:', p95: 30 },
  { prefix: 'settings/update-organisation', p95: 15 },
]

export function targetOf(name: string): number | null {
  return TARGETS.find((target) => name.startsWith(target.prefix))?.p95 ?? null
}

const COLUMNS = [
  ['scenario', 44],
  ['SQLite median', 14],
  ['SQLite p95', 11],
  ['PG median', 10],
  ['PG p95', 9],
  ['PG/SQLite', 10],
  ['PG target p95', 14],
] as const

const cells = (values: readonly string[]): string =>
  values.map((value, i) => (i === 0 ? value.padEnd(COLUMNS[i][1]) : value.padStart(COLUMNS[i][1]))).join(' ')

export function comparisonHeader(): string {
  const line = cells(COLUMNS.map(([title]) => title))
  return `${line}\n${'-'.repeat(line.length)}`
}

/** One scenario on both engines: the ratio of the medians, and the bound where it has one. */
export function comparisonRow(name: string, sqlite: Row | undefined, postgres: Row | undefined): string {
  const ms = (value: number | undefined) => (value === undefined ? '-' : value.toFixed(2))
  const ratio = sqlite && postgres ? `${(postgres.timing.median / sqlite.timing.median).toFixed(2)}x` : '-'
  const target = targetOf(name)
  const verdict =
    target === null
      ? ''
      : !postgres
        ? `< ${target}: -`
        : `< ${target}: ${postgres.timing.p95 < target ? 'met' : 'MISSED'}`
  return cells([
    name,
    ms(sqlite?.timing.median),
    ms(sqlite?.timing.p95),
    ms(postgres?.timing.median),
    ms(postgres?.timing.p95),
    ratio,
    verdict,
  ])
}
