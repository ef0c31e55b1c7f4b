import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CommandName, InputOf, OutputOf } from '../../src/shared/contract'
import { AppError, type Result } from '../../src/shared/errors'
import { startBackend, type Backend, type BackendOptions } from '../../src/main/backend'
import type { Logger } from '../../src/main/core/logger'
import { localToolOperator, type Caller } from '../../src/main/core/session'
import { createServerDatabase, testEngine, type ServerDatabase } from './testServer'

export const TEST_CALLER: Caller = { transport: 'direct', key: 'test' }

/** Records what the backend logs so tests can assert on it without noise. */
export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = []
  return {
    lines,
    info: (m) => lines.push(`info ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
    error: (m, e) => lines.push(`error ${m} ${e instanceof Error ? e.stack : ''}`),
  }
}

export function tempDir(prefix = 'frontdesk-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

export interface TestBackend extends Backend {
  dataDir: string
  logger: ReturnType<typeof recordingLogger>
  /** The PostgreSQL database of this backend on the PostgreSQL half; null on SQLite. */
  serverDatabase: ServerDatabase | null
  /** Calls through the real router and throws the error data, for the happy path. */
  call<N extends CommandName>(name: N, input: InputOf<N>): Promise<OutputOf<N>>
  result<N extends CommandName>(name: N, input: InputOf<N>): Promise<Result<OutputOf<N>>>
  dispose(): Promise<void>
}

export interface TestBackendOptions extends Partial<BackendOptions> {
  /** PostgreSQL half: start on a copy of this database (a centre set up once per file) instead of the template. */
  copyOfServerDatabase?: string
}

/** A real backend on a fresh SQLite file built by the real migrations. */
export async function startTestBackend(
  { copyOfServerDatabase, ...options }: TestBackendOptions = {},
  dataDir = tempDir(),
): Promise<TestBackend> {
  const logger = recordingLogger()
  // On the PostgreSQL half every backend gets a fresh copy of the migrated template database.
  const server =
    testEngine === 'postgres' && !options.database ? await createServerDatabase({ copyOf: copyOfServerDatabase }) : null
  const database = options.database ?? (server ? { engine: 'postgres' as const, server: server.desk } : undefined)
  // A trusted operator by default: most tests are about data, not about who may touch it.
  const backend = await startBackend({
    dataDir,
    logger,
    sessions: localToolOperator('Test operator'),
    ...options,
    database,
  }).catch(async (error: unknown) => {
    await server?.drop()
    throw error
  })
  const result = <N extends CommandName>(name: N, input: InputOf<N>) => backend.router.call(name, input, TEST_CALLER)
  return {
    ...backend,
    dataDir,
    logger,
    result,
    async call(name, input) {
      const outcome = await result(name, input)
      if (!outcome.ok) throw AppError.from(outcome.error)
      return outcome.data
    },
    serverDatabase: server,
    async dispose() {
      await backend.close()
      await server?.drop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
