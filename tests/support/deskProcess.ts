import { fork, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import type { CommandName, InputOf, OutputOf } from '../../src/shared/contract'
import type { SessionInfo } from '../../src/shared/contract/auth'
import { AppError, type Result } from '../../src/shared/errors'
import type { Caller } from '../../src/main/core/session'
import type { ServerTarget } from '../../src/main/database/postgresServer'
import { DESK_TARGET_ENV, type DeskReply, type DeskRequest } from './deskProcessProtocol'
import type { Desk } from './desks'

type Request = DeskRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never

/**
 * A second desk as the real thing: a backend in a child process of its own on the same
 * PostgreSQL database, with its own pool, router, desk sessions, sign-in throttle and clock.
 * Commands travel as IPC messages (`{ id, name, input, caller }` → Result), as from a window.
 */
export interface DeskProcess {
  pid: number
  /** A desk (window) of this process: its own caller key, so its own sign-in. */
  desk(key: string): Desk
  /** Binds a desk of this process to a staff member as a sign-in does, without a password hash. */
  signInAs(key: string, userId: number): Promise<Desk>
  /** Moves this process's clock (auto-lock, throttle memory); the test process's stays. */
  advanceClock(ms: number): Promise<void>
  /** Every wait the process's sign-in throttle asked for. */
  throttleWaits(): Promise<number[]>
  /** What the process's backend logged. */
  log(): Promise<string[]>
  /** Closes the backend's pool and lets the process end. */
  close(): Promise<void>
  /** Ends the process at once, as a desk that crashes or is switched off. */
  kill(): Promise<void>
}

const CHILD = join(import.meta.dirname, 'deskProcessChild.ts')

export async function startDeskProcess(target: ServerTarget): Promise<DeskProcess> {
  const child: ChildProcess = fork(CHILD, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, [DESK_TARGET_ENV]: JSON.stringify(target) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const pending = new Map<number, (result: Result<unknown>) => void>()
  let nextId = 1
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  void exited.then(() => {
    for (const settle of pending.values()) {
      settle({ ok: false, error: { code: 'TRANSPORT', message: 'The desk process ended' } })
    }
    pending.clear()
  })

  await new Promise<void>((resolve, reject) => {
    const onStart = (message: DeskReply) => {
      if ('ready' in message) resolve()
      else if ('failed' in message) reject(new Error(`The desk process did not start: ${message.failed}`))
    }
    child.on('message', onStart)
    child.once('exit', (code) => reject(new Error(`The desk process exited with ${code} before it was ready`)))
    void exited.then(() => child.off('message', onStart))
  })
  child.on('message', (message: DeskReply) => {
    if (!('id' in message)) return
    pending.get(message.id)?.(message.result)
    pending.delete(message.id)
  })

  const send = (request: Request): Promise<Result<unknown>> => {
    if (child.exitCode !== null || child.signalCode !== null || !child.connected) {
      return Promise.resolve({ ok: false, error: { code: 'TRANSPORT', message: 'The desk process has ended' } })
    }
    const id = nextId++
    return new Promise((resolve) => {
      pending.set(id, resolve)
      child.send({ ...request, id })
    })
  }
  const orThrow = async <T>(outcome: Promise<Result<unknown>>): Promise<T> => {
    const result = await outcome
    if (!result.ok) throw AppError.from(result.error)
    return result.data as T
  }

  const desk = (key: string): Desk => {
    const caller: Caller = { transport: 'direct', key }
    const dispatch = (name: string, input: unknown) => send({ name, input, caller })
    const result = <N extends CommandName>(name: N, input: InputOf<N>) =>
      dispatch(name, input) as Promise<Result<OutputOf<N>>>
    return {
      caller,
      dispatch,
      result,
      call: (name, input) => orThrow(result(name, input)),
    }
  }

  return {
    pid: child.pid as number,
    desk,
    async signInAs(key, userId) {
      const at = desk(key)
      await orThrow<SessionInfo>(send({ control: 'sign-in-as', caller: at.caller, userId }))
      return at
    },
    advanceClock: (ms) => orThrow(send({ control: 'advance-clock', ms })),
    throttleWaits: () => orThrow(send({ control: 'throttle-waits' })),
    log: () => orThrow(send({ control: 'log' })),
    async close() {
      if (child.connected) await orThrow(send({ control: 'close' }))
      await exited
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      await exited
    },
  }
}
