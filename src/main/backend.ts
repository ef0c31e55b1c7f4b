import { join } from 'node:path'
import { consoleLogger, type Logger } from './core/logger'
import { combineHandlers, Router } from './core/router'
import type { AllHandlers } from './core/handler'
import { provisionalOperator, type SessionProvider } from './core/session'
import { Database } from './database/database'
import type { TaskQueue } from './database/writeQueue'
import { settingsHandlers } from './settings/settingsHandlers'
import { systemHandlers } from './system/systemHandlers'

export const handlers: AllHandlers = combineHandlers(systemHandlers, settingsHandlers)

export interface BackendOptions {
  dataDir: string
  logger?: Logger
  sessions?: SessionProvider
  queue?: TaskQueue
}

export interface Backend {
  router: Router
  database: Database
  close(): Promise<void>
}

/** Everything the app needs behind the transport, runnable under plain Node (tests, bench, preview). */
export async function startBackend(options: BackendOptions): Promise<Backend> {
  const logger = options.logger ?? consoleLogger
  const database = await Database.open(dataFiles(options.dataDir), logger)
  const router = new Router({
    handlers,
    database,
    logger,
    sessions: options.sessions ?? provisionalOperator,
    queue: options.queue,
  })
  return { router, database, close: () => database.close() }
}

export function dataFiles(dataDir: string) {
  return { file: join(dataDir, 'frontdesk.sqlite'), backupDir: join(dataDir, 'backups') }
}
