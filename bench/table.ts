import type { Timing } from './stats'

export interface Row {
  name: string
  timing: Timing
  raw: Timing | null
}

const COLUMNS = [
  ['scenario', 44],
  ['runs', 6],
  ['median ms', 11],
  ['p95 ms', 11],
  ['raw median ms', 15],
  ['ratio', 8],
] as const

const ms = (value: number): string => value.toFixed(3)

export function header(): string {
  const cells = COLUMNS.map(([title, width], i) => (i === 0 ? title.padEnd(width) : title.padStart(width)))
  return `${cells.join(' ')}\n${'-'.repeat(cells.join(' ').length)}`
}

export function formatRow(row: Row): string {
  const ratio = row.raw ? `${(row.timing.median / row.raw.median).toFixed(2)}x` : '-'
  const values = [
    row.name,
    String(row.timing.runs),
    ms(row.timing.median),
    ms(row.timing.p95),
    row.raw ? ms(row.raw.median) : '-',
    ratio,
  ]
  return values.map((value, i) => (i === 0 ? value.padEnd(COLUMNS[i][1]) : value.padStart(COLUMNS[i][1]))).join(' ')
}
