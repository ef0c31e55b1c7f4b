import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { DataSource, type EntityManager } from 'typeorm'
import type { DatabaseMode } from '../../shared/contract/system'
import type { Logger } from '../core/logger'
import { createBackup, listBackups, removeUnfinished, restoreBackup } from './backups'
import { CONNECTION_PRAGMAS, sqliteOptions } from './dataSourceOptions'
import { checkHealth } from './health'

export interface DatabaseLocation {
  file: string
  backupDir: string
}

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * The data file and how it was opened. A healthy file is opened for writing after a
 * backup and the pending migrations; a damaged one read-only, so nothing makes it worse.
 */
export class Database {
  private constructor(
    readonly location: DatabaseLocation,
    private writer: DataSource | null,
    private reader: DataSource | null,
    private currentMode: DatabaseMode,
    private currentProblem: string | null,
    private readonly logger: Logger,
  ) {}

  static async open(location: DatabaseLocation, logger: Logger): Promise<Database> {
    mkdirSync(dirname(location.file), { recursive: true })
    for (const leftover of removeUnfinished(location.file, location.backupDir)) {
      logger.warn(`Removed what an interrupted backup or restore left behind: ${leftover}`)
    }
    const health = await checkHealth(location.file)
    if (health.state === 'damaged') {
      logger.error(`Database file is damaged, opening read-only: ${health.problem}`)
      return new Database(
        location,
        null,
        await openReadOnly(location.file, logger),
        'read-only',
        health.problem,
        logger,
      )
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
    return new Database(location, source, reader, 'ok', null, logger)
  }

  get mode(): DatabaseMode {
    return this.currentMode
  }

  get problem(): string | null {
    return this.currentProblem
  }

  /** The one writing connection: used only through the write queue. */
  get dataSource(): DataSource {
    if (!this.writer) throw new Error('The database file is not open for writing')
    return this.writer
  }

  get manager(): EntityManager {
    return this.dataSource.manager
  }

  /**
   * A separate read-only connection for reads: on the writer's shared connection a read
   * would see the rows of a transaction still open (and perhaps about to roll back). WAL
   * gives this one the last committed state, without waiting for writes.
   */
  get readManager(): EntityManager {
    if (!this.reader) throw new Error('The database file could not be opened')
    return this.reader.manager
  }

  /** Replaces the data file with a backup and opens it as at start-up. */
  async restore(name: string): Promise<void> {
    await this.close()
    try {
      await restoreBackup(this.location.file, this.location.backupDir, name)
      this.logger.warn(`Database restored from backup ${name}`)
    } finally {
      // Reopen whatever file is in place now, even when the restore was refused (a damaged backup):
      // otherwise the app stays without a database until restarted.
      const reopened = await Database.open(this.location, this.logger)
      this.writer = reopened.writer
      this.reader = reopened.reader
      this.currentMode = reopened.currentMode
      this.currentProblem = reopened.currentProblem
    }
  }

  async close(): Promise<void> {
    for (const source of [this.reader, this.writer]) if (source?.isInitialized) await source.destroy()
    this.reader = null
    this.writer = null
  }
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
