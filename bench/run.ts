/**
 * `npm run bench [-- --people=N --runs=N --only=TEXT --data-dir=PATH]`
 * Times each scenario through the real router on a real SQLite file and, where it has one,
 * the same work as raw SQL on a second connection; prints median, p95 and their ratio.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startBackend } from '../src/main/backend'
import { localToolOperator } from '../src/main/core/session'
import { parseBenchArgs, UsageError } from './args'
import { createBenchContext, quietLogger, type BenchContext } from './context'
import type { RegisteredScenario } from './scenario'
import { scenarios } from './scenarios'
import { summarise } from './stats'
import { formatRow, header, type Row } from './table'

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await fn()
  return performance.now() - start
}

async function runScenario(bench: BenchContext, scenario: RegisteredScenario, runs: number): Promise<[Row, string[]]> {
  const prepared = await scenario.prepare(bench)
  const count = Math.min(runs, scenario.maxRuns)
  // Warm-up lets V8 compile and SQLite fill its page cache before anything is counted.
  for (let i = 0; i < Math.min(5, Math.ceil(count / 10)); i++) {
    await prepared.measure()
    await prepared.raw?.()
  }
  const samples: number[] = []
  const rawSamples: number[] = []
  // Interleaved, so a slow patch of the machine hurts both columns alike.
  for (let i = 0; i < count; i++) {
    samples.push(await time(prepared.measure))
    if (prepared.raw) rawSamples.push(await time(prepared.raw))
  }
  const timing = summarise(samples)
  const row = { name: scenario.name, timing, raw: prepared.raw ? summarise(rawSamples) : null }
  return [row, prepared.notes(timing.median)]
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2))
  const selected = scenarios.filter((s) => !args.only || s.name.toLowerCase().includes(args.only.toLowerCase()))
  if (selected.length === 0) throw new UsageError(`No scenario matches --only=${args.only}`)
  const dataDir = args.dataDir ? resolve(args.dataDir) : mkdtempSync(join(tmpdir(), 'frontdesk-bench-'))
  mkdirSync(dataDir, { recursive: true })
  const backend = await startBackend({ dataDir, logger: quietLogger, sessions: localToolOperator('Benchmark') })
  const bench = await createBenchContext(backend, dataDir, args.people)
  const started = performance.now()
  try {
    console.log(
      `Frontdesk bench: ${args.people.toLocaleString('en-US')} people, up to ${args.runs} runs, data in ${dataDir}\n`,
    )
    console.log(header())
    const notes: string[] = []
    for (const scenario of selected) {
      const [row, scenarioNotes] = await runScenario(bench, scenario, args.runs)
      console.log(formatRow(row))
      notes.push(...scenarioNotes)
    }
    console.log(
      `\n${notes.join('\n')}${notes.length ? '\n' : ''}ratio = median / raw median; total ${((performance.now() - started) / 1000).toFixed(1)} s`,
    )
  } finally {
    await bench.raw.close()
    await backend.close()
    if (!args.dataDir) rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof UsageError ? error.message : error)
  process.exitCode = 1
})
