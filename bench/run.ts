/**
 * `npm run bench [-- --engine=sqlite|postgres --people=N --runs=N --only=TEXT --data-dir=PATH]`
 * Times each scenario through the real router, on a SQLite file and on a throw-away PostgreSQL
 * cluster (both by default), and where it has one the same work as raw SQL on a second
 * connection; prints median, p95, their ratio, and PostgreSQL beside SQLite.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { dataFiles, startBackend, type Backend } from '../src/main/backend'
import { localToolOperator } from '../src/main/core/session'
import { parseBenchArgs, UsageError, type BenchArgs } from './args'
import { comparisonHeader, comparisonRow } from './compare'
import { createBenchContext, quietLogger, type BenchContext, type BenchEngine } from './context'
import { postgresRaw, sqliteRaw, type RawSql } from './rawSql'
import type { RegisteredScenario } from './scenario'
import { scenarios } from './scenarios'
import { startBenchServer } from './server'
import { summarise } from './stats'
import { formatRow, header, type Row } from './table'

const ENGINE_NAMES: Record<BenchEngine, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' }

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await fn()
  return performance.now() - start
}

async function runScenario(bench: BenchContext, scenario: RegisteredScenario, runs: number): Promise<[Row, string[]]> {
  const prepared = await scenario.prepare(bench)
  try {
    const count = Math.min(runs, scenario.maxRuns)
    const app = async () => {
      await prepared.before('app')
      return time(prepared.measure)
    }
    const raw = prepared.raw
    const twin = raw
      ? async () => {
          await prepared.before('raw')
          return time(raw)
        }
      : null
    // Warm-up lets V8 compile and the database fill its page cache before anything is counted.
    for (let i = 0; i < Math.min(5, Math.ceil(count / 10)); i++) {
      await app()
      await twin?.()
    }
    const samples: number[] = []
    const rawSamples: number[] = []
    // Interleaved, so a slow patch of the machine hurts both columns alike.
    for (let i = 0; i < count; i++) {
      samples.push(await app())
      if (twin) rawSamples.push(await twin())
    }
    const timing = summarise(samples)
    const row = { name: scenario.name, timing, raw: twin ? summarise(rawSamples) : null }
    return [row, prepared.notes(timing.median)]
  } finally {
    await prepared.after()
  }
}

interface Opened {
  backend: Backend
  raw: RawSql
  where: string
  settle?(): Promise<void>
  close(): Promise<void>
}

/** The SQLite desk: its file in a throw-away data folder, or in --data-dir (reused and kept). */
async function openSqlite(args: BenchArgs): Promise<Opened> {
  const dataDir = args.dataDir ? resolve(args.dataDir) : mkdtempSync(join(tmpdir(), 'frontdesk-bench-'))
  mkdirSync(dataDir, { recursive: true })
  const backend = await startBackend({ dataDir, logger: quietLogger, sessions: localToolOperator('Benchmark') })
  const raw = await sqliteRaw(dataFiles(dataDir).file)
  return {
    backend,
    raw,
    where: dataDir,
    async close() {
      await raw.close()
      await backend.close()
      if (!args.dataDir) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** A desk on a throw-away cluster, connected as the desk role; everything removed afterwards. */
async function openPostgres(): Promise<Opened> {
  const server = await startBenchServer()
  const dataDir = mkdtempSync(join(tmpdir(), 'frontdesk-bench-pg-'))
  try {
    const backend = await startBackend({
      dataDir,
      database: { engine: 'postgres', server: server.desk },
      logger: quietLogger,
      sessions: localToolOperator('Benchmark'),
    })
    const raw = await postgresRaw(server.desk).catch(async (error: unknown) => {
      await backend.close()
      throw error
    })
    return {
      backend,
      raw,
      where: `a throw-away cluster on port ${server.desk.port}`,
      settle: () => server.analyze(),
      async close() {
        await raw.close()
        // A connection that a failed command left checked out would keep the pool from ending:
        // the cluster's shutdown closes it anyway.
        await Promise.race([backend.close(), new Promise((resolve) => setTimeout(resolve, 5000).unref())])
        await server.stop()
        rmSync(dataDir, { recursive: true, force: true })
      },
    }
  } catch (error) {
    await server.stop()
    rmSync(dataDir, { recursive: true, force: true })
    throw error
  }
}

/** Every selected scenario on one engine; a failing scenario is printed and the rest still run. */
async function runEngine(
  engine: BenchEngine,
  opened: Opened,
  args: BenchArgs,
  selected: readonly RegisteredScenario[],
): Promise<{ rows: Map<string, Row>; failures: number }> {
  const bench = createBenchContext(opened.backend, opened.raw, args.people, opened.settle)
  const started = performance.now()
  console.log(`\n${ENGINE_NAMES[engine]}: data in ${opened.where}\n`)
  console.log(header())
  const rows = new Map<string, Row>()
  const notes: string[] = []
  let failures = 0
  for (const scenario of selected) {
    try {
      const [row, scenarioNotes] = await runScenario(bench, scenario, args.runs)
      console.log(formatRow(row))
      rows.set(row.name, row)
      notes.push(...scenarioNotes)
    } catch (error) {
      failures++
      console.log(`${scenario.name.padEnd(44)} FAILED: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  console.log(`\n${notes.join('\n')}${notes.length ? '\n' : ''}ratio = median / raw median; ${seconds} s`)
  return { rows, failures }
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2))
  // --only=a,b: scenarios whose name contains any of them.
  const wanted = args.only?.toLowerCase().split(',') ?? []
  const selected = scenarios.filter((s) => !args.only || wanted.some((part) => s.name.toLowerCase().includes(part)))
  if (selected.length === 0) throw new UsageError(`No scenario matches --only=${args.only}`)
  console.log(
    `Frontdesk bench: ${args.people.toLocaleString('en-US')} people, up to ${args.runs} runs, ` +
      args.engines.map((engine) => ENGINE_NAMES[engine]).join(' and '),
  )
  const results = new Map<BenchEngine, Map<string, Row>>()
  const opened: Opened[] = []
  try {
    for (const engine of args.engines) {
      let desk: Opened
      try {
        desk = engine === 'sqlite' ? await openSqlite(args) : await openPostgres()
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error)
        // Asked for PostgreSQL alone: nothing to run. Both by default: SQLite's figures still stand.
        if (args.engines.length === 1) throw new UsageError(`No PostgreSQL could be started: ${why}`)
        console.log(`\nPostgreSQL skipped: no PostgreSQL could be started here (${why}). SQLite ran alone.`)
        continue
      }
      opened.push(desk)
      const { rows, failures } = await runEngine(engine, desk, args, selected)
      results.set(engine, rows)
      if (failures > 0) process.exitCode = 1
    }
    const sqlite = results.get('sqlite')
    const postgres = results.get('postgres')
    if (sqlite && postgres) {
      console.log(
        `\nPostgreSQL beside SQLite (PG/SQLite = ratio of the medians; p95 bounds of issues 9 (PostgreSQL) and 10 (both engines))\n`,
      )
      console.log(comparisonHeader())
      for (const scenario of selected) {
        console.log(comparisonRow(scenario.name, sqlite.get(scenario.name), postgres.get(scenario.name)))
      }
    }
  } finally {
    // Closed after the tables are printed: a slow shutdown never costs the figures.
    for (const desk of opened) {
      await Promise.race([desk.close(), new Promise((resolve) => setTimeout(resolve, 20_000).unref())])
    }
  }
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof UsageError ? error.message : error)
    process.exitCode = 1
  })
  // Connections the server's shutdown cut off can keep the event loop alive: the run is over.
  .finally(() => setTimeout(() => process.exit(), 1000).unref())
