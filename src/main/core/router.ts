import { randomUUID } from 'node:crypto'
import { contract as fullContract, type CommandName, type InputOf, type OutputOf } from '../../shared/contract'
import type { AnySpec } from '../../shared/contract/define'
import { AppError, type ErrorData, type Result } from '../../shared/errors'
import { AuditEntrySchema } from '../audit/auditEntry'
import type { EntityManager } from 'typeorm'
import type { Database } from '../database/database'
import { ConnectionLost, isConnectionLoss } from '../database/connectionLoss'
import { WriteQueue, type TaskQueue } from '../database/writeQueue'
import type { AllHandlers, AuditNote, DeskHome, HandlerContext } from './handler'
import type { Logger } from './logger'
import { sessionFromGrants, type Caller, type SessionProvider, type StaffSession } from './session'
import { unitWithAncestors } from '../units/unitTree'
import type { Permission } from '../../shared/permissions'
import { fieldErrors } from './validation'
import { mergeUnique, type UnionToIntersection } from '../../shared/mergeUnique'

export interface RouterOptions {
  handlers: AllHandlers
  database: Database
  sessions: SessionProvider
  logger: Logger
  /** Tests swap this to prove why the queue exists; production always uses the default. */
  queue?: TaskQueue
  contract?: Record<string, AnySpec>
  clock?: () => Date
  /** The desk's data folder and secret box; only routers with a made-up test contract go without. */
  desk?: DeskHome
}

type AnyHandler = (input: unknown, ctx: HandlerContext) => Promise<unknown>

const ANONYMOUS: StaffSession = sessionFromGrants({ id: null, displayName: 'anonymous' }, [], false)

/**
 * The one way into the backend, whatever the transport: validates input, resolves the
 * session, checks the declared permission, runs writes one at a time in a transaction
 * with their audit row, and turns every failure into error data.
 */
export class Router {
  private readonly contract: Record<string, AnySpec>
  private readonly handlers: Record<string, AnyHandler>
  private readonly queue: TaskQueue
  private readonly clock: () => Date

  constructor(private readonly options: RouterOptions) {
    this.contract = options.contract ?? fullContract
    this.handlers = options.handlers as unknown as Record<string, AnyHandler>
    this.queue = options.queue ?? new WriteQueue()
    this.clock = options.clock ?? (() => new Date())
    for (const name of Object.keys(this.contract)) {
      if (typeof this.handlers[name] !== 'function') throw new Error(`No handler for command ${name}`)
    }
    for (const name of Object.keys(this.handlers)) {
      if (!Object.hasOwn(this.contract, name)) throw new Error(`Handler for unknown command ${name}`)
    }
  }

  /** Typed entry for code in the main process and tests. */
  call<N extends CommandName>(name: N, input: InputOf<N>, caller: Caller): Promise<Result<OutputOf<N>>> {
    return this.dispatch(name, input, caller) as Promise<Result<OutputOf<N>>>
  }

  /** Untyped entry for transports: the name and input come from outside and are checked here. */
  async dispatch(name: unknown, input: unknown, caller: Caller): Promise<Result<unknown>> {
    if (typeof name !== 'string' || !Object.hasOwn(this.contract, name)) {
      return failure('UNKNOWN_COMMAND', `Unknown command: ${String(name).slice(0, 100)}`)
    }
    const spec = this.contract[name]
    const database = this.options.database
    // While the server is away, ask it first: the status line learns it is back, and a write
    // fails at once instead of after a connection timeout.
    if (database.lost && !(await database.ping()) && spec.kind === 'write') {
      return { ok: false, error: this.describeFailure(name, new DatabaseUnavailable()) }
    }
    let session: StaffSession | null
    try {
      // Sessions reload grants from the database after staff changes: that read can find the server gone.
      session = await this.options.sessions.resolve(caller)
    } catch (error) {
      // A public command (the status line the outage banner polls) needs nobody: it still answers.
      if (spec.access !== 'public') return { ok: false, error: this.describeFailure(name, error) }
      this.describeFailure(name, error)
      session = null
    }
    const access =
      spec.access === 'recovery' ? (this.options.database.mode === 'ok' ? 'settings.admin' : 'public') : spec.access
    if (access !== 'public') {
      if (!session) return failure('UNAUTHENTICATED', 'Sign in first')
      if (session.locked && !spec.whileLocked) return failure('SESSION_LOCKED', 'The desk is locked')
      if (access !== 'signed-in' && !session.can(access)) {
        return failure('FORBIDDEN', `Not allowed: ${access}`)
      }
    }
    const parsed = spec.input.safeParse(input)
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'VALIDATION_FAILED', message: 'Invalid input', fields: fieldErrors(parsed.error.issues, input) },
      }
    }
    if (spec.kind === 'write' && this.options.database.mode !== 'ok') {
      return failure('READ_ONLY', 'The database is open read-only')
    }
    try {
      const data = await this.execute(name, spec, parsed.data, session ?? ANONYMOUS, caller)
      if (spec.kind === 'write' || spec.kind === 'maintenance') {
        this.options.sessions.committed?.(name)
        // A commit is the surest sign that the server answers.
        database.markConnection(true)
      }
      return { ok: true, data }
    } catch (error) {
      return { ok: false, error: this.describeFailure(name, error) }
    }
  }

  private execute(
    name: string,
    spec: AnySpec,
    input: unknown,
    session: StaffSession,
    caller: Caller,
  ): Promise<unknown> {
    const handler = this.handlers[name]
    const database = this.options.database
    const afterCommit: (() => Promise<unknown>)[] = []
    const context = (em: () => HandlerContext['em']): HandlerContext => {
      const authorize = async (permission: Permission, unitId: number) => {
        const chain = await unitWithAncestors(em(), unitId)
        if (chain.length === 0) throw new AppError('NOT_FOUND', `No unit ${unitId}`)
        if (!session.canInUnit(permission, chain)) {
          throw new AppError('FORBIDDEN', `Not allowed: ${permission} in unit ${unitId}`)
        }
      }
      const authorizeCentre = async (permission: Permission) => {
        const [root]: { id: number }[] = await em().query(
          'SELECT id FROM unit WHERE parent_id IS NULL ORDER BY id LIMIT 1',
        )
        // Before the first start no desk can hold a session (there is no staff yet): only local tools get here.
        if (root) await authorize(permission, root.id)
      }
      const ctx = {
        session,
        caller,
        authorize,
        authorizeCentre,
        audit: {},
        database,
        logger: this.options.logger,
        now: this.clock(),
        afterCommit: (task: () => Promise<unknown>) => {
          afterCommit.push(task)
        },
      } as HandlerContext
      Object.defineProperty(ctx, 'em', { get: em, enumerable: true })
      Object.defineProperty(ctx, 'desk', { get: () => this.desk, enumerable: true })
      return ctx
    }
    switch (spec.kind) {
      case 'read':
      case 'session':
        return handler(
          input,
          context(() => database.readManager),
        )
      case 'write': {
        const transaction = async () => {
          afterCommit.length = 0
          return inTransaction(database, async (em) => {
            const ctx = context(() => em)
            const output = await handler(input, ctx)
            await em.insert(AuditEntrySchema, auditRow(name, session, ctx.audit, ctx.now))
            return output
          })
        }
        const commit = async () => {
          const output = await retryConflicts(database, transaction)
          for (const task of afterCommit) {
            await task().catch((error: unknown) => this.options.logger.error(`After ${name} committed`, error))
          }
          return output
        }
        // SQLite: one shared connection, so one write at a time. PostgreSQL: parallel transactions from the pool.
        return database.engine.kind === 'sqlite' ? this.queue.run(commit) : commit()
      }
      case 'maintenance':
        // Backups and restores replace or read the whole file: no transaction, but still exclusive.
        return this.queue.run(async () => {
          const ctx = context(() => database.manager)
          const output = await handler(input, ctx)
          if (database.mode === 'ok') {
            await database.dataSource.transaction((em) =>
              em.insert(AuditEntrySchema, auditRow(name, session, ctx.audit, ctx.now)),
            )
          }
          return output
        })
    }
  }

  private get desk(): DeskHome {
    if (!this.options.desk) throw new Error('This router serves no desk')
    return this.options.desk
  }

  private describeFailure(name: string, error: unknown): ErrorData {
    if (error instanceof AppError) return error.toData()
    // Only a server can go away (a file cannot), and only its driver's failures are read as that.
    const database = this.options.database
    if (error instanceof DatabaseUnavailable || (database.target.engine === 'postgres' && isConnectionLoss(error))) {
      database.markConnection(false)
      this.options.logger.warn(`Command ${name}: the database server did not answer (${describe(error)})`)
      return { code: 'DATABASE_UNAVAILABLE', message: 'The database server does not answer; nothing was saved' }
    }
    // Never send a stack or SQL across: log it under a reference the user can quote.
    const ref = randomUUID().slice(0, 8)
    this.options.logger.error(`Command ${name} failed [ref ${ref}]`, error)
    return { code: 'INTERNAL', message: `Something went wrong (reference ${ref})`, ref }
  }
}

/** What TypeORM says when a transaction's connection was released under it. */
const RELEASED = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError'])

/**
 * On PostgreSQL every write is SERIALIZABLE: a handler's checks across rows (a cycle of
 * guardians, the last seat) hold as if writes ran one at a time, as they do on SQLite.
 */
async function inTransaction<T>(database: Database, work: (em: EntityManager) => Promise<T>): Promise<T> {
  const source = database.dataSource
  if (database.engine.kind !== 'postgres') return source.transaction(work)
  const runner = source.createQueryRunner()
  try {
    return await runner.manager.transaction('SERIALIZABLE', work)
  } catch (error) {
    // When the socket fails TypeORM releases the transaction's connection at once: the next
    // statement then only says "already released", which is the lost connection all the same.
    if (runner.isReleased && RELEASED.has((error as Error | null)?.name ?? '')) throw new ConnectionLost(error)
    throw error
  } finally {
    await runner.release()
  }
}

const MAX_ATTEMPTS = 8

/**
 * Runs a transaction again when the server gave it up for a concurrent one (serialization
 * failure, deadlock): bounded, after a growing random pause so two desks do not collide again.
 */
async function retryConflicts<T>(database: Database, transaction: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction()
    } catch (error) {
      // Never a lost connection: the server may have committed before the answer was lost.
      if (attempt >= MAX_ATTEMPTS || isConnectionLoss(error) || !database.engine.isRetryable(error)) throw error
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * 2 ** attempt))
    }
  }
}

function auditRow(command: string, session: StaffSession, note: AuditNote, now: Date) {
  return {
    at: now.toISOString(),
    staffUserId: note.actor?.userId ?? session.userId,
    staffName: note.actor?.displayName ?? session.displayName,
    command,
    target: note.target ?? null,
    summary: note.summary ?? command,
  }
}

/** The server was already known to be away and did not answer a ping either. */
class DatabaseUnavailable extends Error {
  constructor() {
    super('The database server does not answer')
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function failure(code: ErrorData['code'], message: string): Result<never> {
  return { ok: false, error: { code, message } }
}

/** Joins the handler maps of all contexts, refusing a command handled twice. */
export function combineHandlers<T extends object[]>(...maps: T): UnionToIntersection<T[number]> {
  return mergeUnique('handler for command', ...maps)
}
