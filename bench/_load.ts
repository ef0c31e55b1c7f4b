import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { dataFiles, startBackend } from '../src/main/backend'
import { localToolOperator } from '../src/main/core/session'
import { centreActivities, loadNote } from './activities/centre'
import { createBenchContext, quietLogger } from './context'
import { postgresRaw, sqliteRaw } from './rawSql'
import { startBenchServer } from './server'
import { register } from './scenarios/peopleRegister'
async function main() {
  const engine = process.argv[2]
  const dataDir = mkdtempSync(join(tmpdir(), 'frontdesk-bench-x-'))
  const server = engine === 'postgres' ? await startBenchServer() : null
  const backend = await startBackend({ dataDir, logger: quietLogger, sessions: localToolOperator('Benchmark'),
    ...(server ? { database: { engine: 'postgres' as const, server: server.desk } } : {}) })
  const raw = server ? await postgresRaw(server.desk) : await sqliteRaw(dataFiles(dataDir).file)
  const bench = createBenchContext(backend, raw, 100_000, server ? () => server.analyze() : undefined)
  let t = performance.now()
  await register(bench)
  console.log('register', ((performance.now() - t) / 1000).toFixed(1))
  const c = await centreActivities(bench)
  console.log(loadNote(c).join('\n'))
  await raw.close(); await backend.close(); await server?.stop()
  process.exit(0)
}
main()
