/**
 * The second desk's backend, in a process of its own (started by `deskProcess.ts` under tsx):
 * its own pool, router, desk sessions, sign-in throttle and clock, on the server it is given.
 * Runs as CommonJS under tsx, so no top-level await and no vitest imports here.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startBackend, type Backend } from '../../src/main/backend'
import { SignInThrottle } from '../../src/main/auth/signInThrottle'
import type { Logger } from '../../src/main/core/logger'
import type { ServerTarget } from '../../src/main/database/postgresServer'
import type { Result } from '../../src/shared/errors'
import { DESK_TARGET_ENV, type DeskReply, type DeskRequest } from './deskProcessProtocol'

function reply(message: DeskReply): void {
  process.send?.(message)
}

async function main(): Promise<void> {
  const target = JSON.parse(process.env[DESK_TARGET_ENV] ?? 'null') as ServerTarget | null
  if (!target) throw new Error(`${DESK_TARGET_ENV} is not set`)
  const lines: string[] = []
  const logger: Logger = {
    info: (m) => lines.push(`info ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
    error: (m, e) => lines.push(`error ${m} ${e instanceof Error ? e.stack : ''}`),
  }
  // A clock the test moves (auto-lock) and a throttle that counts without sleeping, as in the test process.
  let offset = 0
  const clock = () => new Date(Date.now() + offset)
  const waits: number[] = []
  const throttle = new SignInThrottle(
    async (ms) => {
      waits.push(ms)
    },
    () => clock().getTime(),
  )
  const dataDir = mkdtempSync(join(tmpdir(), 'frontdesk-desk-'))
  const backend: Backend = await startBackend({
    dataDir,
    database: { engine: 'postgres', server: target },
    logger,
    throttle,
    clock,
  })

  const answer = async (request: DeskRequest): Promise<Result<unknown>> => {
    if ('name' in request) return backend.router.dispatch(request.name, request.input, request.caller)
    switch (request.control) {
      case 'sign-in-as':
        return { ok: true, data: await backend.staffSessions.signIn(request.caller, request.userId) }
      case 'advance-clock':
        offset += request.ms
        return { ok: true, data: null }
      case 'throttle-waits':
        return { ok: true, data: [...waits] }
      case 'log':
        return { ok: true, data: [...lines] }
      case 'close':
        await backend.close()
        rmSync(dataDir, { recursive: true, force: true })
        setImmediate(() => process.disconnect?.())
        return { ok: true, data: null }
    }
  }
  process.on('message', (request: DeskRequest) => {
    answer(request).then(
      (result) => reply({ id: request.id, result }),
      (error: unknown) =>
        reply({ id: request.id, result: { ok: false, error: { code: 'TRANSPORT', message: String(error) } } }),
    )
  })
  process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }))
  // The test process is gone (or closed us): never outlive it with an open pool.
  process.once('disconnect', () => void backend.close().finally(() => process.exit(0)))
  reply({ ready: true })
}

main().catch((error: unknown) => {
  reply({ failed: error instanceof Error ? (error.stack ?? error.message) : String(error) })
  process.exitCode = 1
  process.disconnect?.()
})
