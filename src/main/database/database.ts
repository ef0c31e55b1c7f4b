import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { DataSource, type EntityManager } from 'typeorm'
import type { DatabaseMode } from '../../shared/contract/system'
import type { ServerSettings } from '../../shared/contract/databaseServer'
import type { Logger } from '../core/logger'
import { AppError } from '../../shared/errors'
import { createBackup, listBackups, removeUnfinished, restoreBackup } from './backups'
import { CONNECTION_PRAGMAS, sqliteOptions } from './dataSourceOptions'
import { engineNamed, engineOf, type Engine } from './engines'
import { checkHealth } from './health'
import { connectServer, migrateServer, ServerRefused, type ServerTarget } from './postgresServer'

export interface DatabaseLocation {
  file: string
  backupDir: string
}

/** Where a desk keeps its data: its own file (the default), or a server shared by several desks. */
export type DatabaseTarget =
  { engine: 'sqlite'; location: DatabaseLocation } | { engine: 'postgres'; server: ServerTarget }

const DAY_MS = 24 * 60 * 60 * 1000
/** How often a desk that lost its server asks whether it is back, so the banner clears by itself. */
const RECONNECT_PROBE_MS = 3000

/** How often a desk asks again for a server that could not be used at start: doubling up to the most. */
export interface ServerRetry {
  firstMs: number
  mostMs: number
}

export interface OpenOptions {
  /**
   * A server that cannot be used at start (not reachable, refusing): open anyway with no
   * connection (`lost`, commands answer DATABASE_UNAVAILABLE) and keep trying; never fall back
   * to the local file, which would make a second copy of the truth. Without it, open throws.
   */
  waitForServer?: ServerRetry
}

/**
 * The database and how it was opened. A healthy file is opened for writing after a backup
 * and the pending migrations; a damaged one read-only, so nothing makes it worse. A server
 * is checked (version, role, whose tables) and migrated under an advisory lock.
 */
export class Database {
  private connectionLost = false
  private probeTimer: NodeJS.Timeout | null = null
  private pinging: Promise<boolean> | null = null
  /** Why the server could not be used at start, until a retry connects and migrates. */
  private waiting: {
    refusal: ServerRefused
    timer?: NodeJS.Timeout
    attempt?: Promise<void>
    stopped: boolean
  } | null = null

  /** Through `Database.open`; the constructor only holds what it opened. */
  constructor(
    private currentTarget: DatabaseTarget,
    private writer: DataSource | null,
    private reader: DataSource | null,
    private currentMode: DatabaseMode,
    private currentProblem: string | null,
    private readonly logger: Logger,
  ) {}

  static async open(
    target: DatabaseTarget | DatabaseLocation,
    logger: Logger,
    options: OpenOptions = {},
  ): Promise<Database> {
    const resolved: DatabaseTarget = 'engine' in target ? target : { engine: 'sqlite', location: target }
    if (resolved.engine === 'postgres') {
      try {
        const source = await openServer(resolved.server)
        // One pool for reads and writes: MVCC gives every read the last committed state.
        return new Database(resolved, source, source, 'ok', null, logger)
      } catch (error) {
        if (!options.waitForServer || !(error instanceof ServerRefused)) throw error
        const database = new Database(resolved, null, null, 'ok', null, logger)
        database.waitForServer(resolved.server, error, options.waitForServer)
        return database
      }
    }
    return openFile(resolved.location, logger)
  }

  /** Where this database is now (it changes when the desk joins a server or goes back to its file). */
  get target(): DatabaseTarget {
    return this.currentTarget
  }

  /**
   * Moves this desk to another database in place: the new one is opened (checked, migrated)
   * first and only then the old one closed, so a refused server leaves the desk as it was.
   */
  async switchTo(target: DatabaseTarget): Promise<void> {
    const next = await Database.open(target, this.logger)
    const old = [this.reader, this.writer]
    this.currentTarget = next.currentTarget
    this.writer = next.writer
    this.reader = next.reader
    this.currentMode = next.currentMode
    this.currentProblem = next.currentProblem
    this.connectionLost = false
    for (const source of new Set(old)) if (source?.isInitialized) await source.destroy().catch(() => undefined)
  }

  get engine(): Engine {
    return this.writer || this.reader ? engineOf(this.anySource) : engineNamed(this.target.engine)
  }

  /** The file of a SQLite desk; a server desk has none (its server's own backups apply). */
  get location(): DatabaseLocation {
    if (this.target.engine !== 'sqlite') throw new Error('A server database has no file')
    return this.target.location
  }

  /** Where the data lives, without secrets: for the status line and the Database panel. */
  get server(): ServerSettings | null {
    if (this.target.engine !== 'postgres') return null
    const { host, port, database, user, tls } = this.target.server
    return { host, port, database, user, tls }
  }

  get mode(): DatabaseMode {
    return this.currentMode
  }

  get problem(): string | null {
    return this.currentProblem
  }

  /** True from a failed query for want of a connection until one succeeds again. */
  get lost(): boolean {
    return this.connectionLost
  }

  markConnection(ok: boolean): void {
    // Only a change is logged: ok while not lost, or failing while lost, is no news.
    if (ok === !this.connectionLost) return
    this.connectionLost = !ok
    if (ok) {
      this.stopProbing()
      this.logger.info('The database server answers again')
    } else {
      this.logger.warn('The connection to the database server was lost')
      this.probeTimer = setInterval(() => void this.ping(), RECONNECT_PROBE_MS)
      // Probing must never be what keeps a process (a tool, a test) from exiting.
      this.probeTimer.unref()
    }
  }

  /** Asks the server whether it answers (PostgreSQL); a file is always there. Concurrent asks share one query. */
  ping(): Promise<boolean> {
    const source = this.writer
    if (this.target.engine !== 'postgres') return Promise.resolve(true)
    // No connection: still waiting for a server that could not be used at start (it does not
    // answer yet), or closed (nothing left to ask about, so stop probing).
    if (!source) {
      this.stopProbing()
      return Promise.resolve(false)
    }
    this.pinging ??= source
      .query('SELECT 1')
      .then(
        () => true,
        () => false,
      )
      .then((ok) => {
        this.pinging = null
        // A ping answered after close says nothing about a database that is gone.
        if (this.writer === source) this.markConnection(ok)
        return ok
      })
    return this.pinging
  }

  private stopProbing(): void {
    if (this.probeTimer) clearInterval(this.probeTimer)
    this.probeTimer = null
  }

  /** The writing connection (SQLite: the one shared connection, used only through the write queue; PostgreSQL: the pool). */
  get dataSource(): DataSource {
    this.refuseWhileWaiting()
    if (!this.writer) throw new Error('The database is not open for writing')
    return this.writer
  }

  get manager(): EntityManager {
    return this.dataSource.manager
  }

  /**
   * Reads. On SQLite a separate read-only connection: on the writer's shared connection a
   * read would see the rows of a transaction still open (and perhaps about to roll back).
   */
  get readManager(): EntityManager {
    this.refuseWhileWaiting()
    if (!this.reader) throw new Error('The database could not be opened')
    return this.reader.manager
  }

  private get anySource(): DataSource {
    const source = this.writer ?? this.reader
    if (!source) throw new Error('The database is closed')
    return source
  }

  /** Replaces the data file with a backup and opens it as at start-up. */
  async restore(name: string): Promise<void> {
    const location = this.location
    await this.close()
    try {
      await restoreBackup(location.file, location.backupDir, name)
      this.logger.warn(`Database restored from backup ${name}`)
    } finally {
      // Reopen whatever file is in place now, even when the restore was refused (a damaged backup):
      // otherwise the app stays without a database until restarted.
      const reopened = await openFile(location, this.logger)
      this.writer = reopened.writer
      this.reader = reopened.reader
      this.currentMode = reopened.currentMode
      this.currentProblem = reopened.currentProblem
    }
  }

  async close(): Promise<void> {
    this.stopProbing()
    await this.stopWaiting()
    for (const source of new Set([this.reader, this.writer])) if (source?.isInitialized) await source.destroy()
    this.reader = null
    this.writer = null
  }

  /** Tries the server again and again (doubling the pause) until it can be connected and migrated. */
  private waitForServer(server: ServerTarget, refusal: ServerRefused, retry: ServerRetry): void {
    const waiting = { refusal, stopped: false } as NonNullable<Database['waiting']>
    this.waiting = waiting
    this.connectionLost = true // never connected: no "was lost" in the log, the warning below says why
    this.logger.warn(`The database server cannot be used (${refusal.problem}): ${refusal.message}. Trying again.`)
    let pause = retry.firstMs
    const schedule = () => {
      waiting.timer = setTimeout(() => (waiting.attempt = attempt()), pause)
      pause = Math.min(pause * 2, retry.mostMs)
    }
    const attempt = async () => {
      try {
        const source = await openServer(server)
        if (waiting.stopped) return void (await source.destroy())
        this.writer = source
        this.reader = source
        this.waiting = null
        this.markConnection(true)
      } catch (error) {
        if (waiting.stopped) return
        const again = error instanceof ServerRefused ? error : null
        if (!again) this.logger.error('Opening the database server failed', error)
        else if (again.problem !== waiting.refusal.problem) {
          this.logger.warn(`The database server cannot be used (${again.problem}): ${again.message}. Trying again.`)
        }
        if (again) waiting.refusal = again
        schedule()
      }
    }
    schedule()
  }

  private refuseWhileWaiting(): void {
    if (!this.waiting) return
    throw new AppError('DATABASE_UNAVAILABLE', 'The database server cannot be used yet', undefined, {
      reason: this.waiting.refusal.problem,
    })
  }

  private async stopWaiting(): Promise<void> {
    const waiting = this.waiting
    if (!waiting) return
    waiting.stopped = true
    clearTimeout(waiting.timer)
    await waiting.attempt
  }
}

/** Connects to a server, checks it can be this centre's and runs the pending migrations under the lock. */
async function openServer(server: ServerTarget): Promise<DataSource> {
  const source = await connectServer(server)
  try {
    await migrateServer(source)
    return source
  } catch (error) {
    await source.destroy()
    throw error
  }
}

async function openFile(location: DatabaseLocation, logger: Logger): Promise<Database> {
  const target: DatabaseTarget = { engine: 'sqlite', location }
  mkdirSync(dirname(location.file), { recursive: true })
  for (const leftover of removeUnfinished(location.file, location.backupDir)) {
    logger.warn(`Removed what an interrupted backup or restore left behind: ${leftover}`)
  }
  const health = await checkHealth(location.file)
  if (health.state === 'damaged') {
    logger.error(`Database file is damaged, opening read-only: ${health.problem}`)
    const reader = await openReadOnly(location.file, logger)
    return new Database(target, null, reader, 'read-only', health.problem, logger)
  }
  const source = new DataSource(sqliteOptions(location.file, { readOnly: false }))
  await source.initialize()
  for (const pragma of CONNECTION_PRAGMAS) await source.query(pragma)
  const pending = await source.showMigrations()
  if (health.state === 'ok' && (pending || isBackupDue(location.backupDir))) {
    const backup = await createBackup(location.file, location.backupDir, pending ? 'pre-migration' : 'daily')
    logger.info(`Backup written: ${backup.name}`)
  }
  await source.runMigrations({ transaction: 'each' })
  const reader = await openReadOnly(location.file, logger)
  return new Database(target, source, reader, 'ok', null, logger)
}

async function openReadOnly(file: string, logger: Logger): Promise<DataSource | null> {
  const source = new DataSource(sqliteOptions(file, { readOnly: true }))
  try {
    await source.initialize()
    await source.query('PRAGMA busy_timeout = 5000')
    return source
  } catch (error) {
    logger.error('The damaged database file cannot be read at all', error)
    return null
  }
}

function isBackupDue(backupDir: string): boolean {
  const newest = listBackups(backupDir)[0]
  return !newest || Date.now() - Date.parse(newest.createdAt) > DAY_MS
}
