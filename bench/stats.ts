/** Nearest-rank percentile of an ascending list (p in 0..1). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]
}

export interface Timing {
  runs: number
  median: number
  p95: number
}

export function summarise(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b)
  return { runs: sorted.length, median: percentile(sorted, 0.5), p95: percentile(sorted, 0.95) }
}
