import { join } from 'node:path'
import { consoleLogger, type Logger } from './core/logger'
import { combineHandlers, Router } from './core/router'
import type { AllHandlers } from './core/handler'
import type { SessionProvider } from './core/session'
import { auditHandlers } from './audit/auditHandlers'
import { createAuthHandlers } from './auth/authHandlers'
import { SignInThrottle } from './auth/signInThrottle'
import { StaffSessions } from './auth/staffSessions'
import { peopleHandlers } from './people/peopleHandlers'
import { rolesHandlers } from './staff/rolesHandlers'
import { staffHandlers } from './staff/staffHandlers'
import { unitsHandlers } from './units/unitsHandlers'
import { Database, type DatabaseTarget } from './database/database'
import type { TaskQueue } from './database/writeQueue'
import { settingsHandlers } from './settings/settingsHandlers'
import { systemHandlers } from './system/systemHandlers'
import { createDatabaseHandlers, type DatabaseHandlerOptions } from './system/databaseHandlers'
import { environmentSecrets } from './system/deskDatabaseConfig'

export interface BackendOptions {
  dataDir: string
  /** The desk's own file in dataDir by default; a shared server when the desk joined one. */
  database?: DatabaseTarget
  logger?: Logger
  /** Who the router thinks is calling; by default the staff signed in at each desk. Tools pass their own. */
  sessions?: SessionProvider
  queue?: TaskQueue
  /** Sign-in back-off; tests pass one that does not really sleep. */
  throttle?: SignInThrottle
  /** The time for audit rows and desk idle checks; tests pass a clock they can move. */
  clock?: () => Date
}

export interface Backend {
  router: Router
  database: Database
  staffSessions: StaffSessions
  close(): Promise<void>
}

/** Everything the app needs behind the transport, runnable under plain Node (tests, bench, preview). */
export async function startBackend(options: BackendOptions): Promise<Backend> {
  const logger = options.logger ?? consoleLogger
  const database = await Database.open(
    options.database ?? { engine: 'sqlite', location: dataFiles(options.dataDir) },
    logger,
  )
  const clock = options.clock
  const staffSessions = new StaffSessions(database, clock ? () => clock().getTime() : undefined)
  const router = new Router({
    handlers: allHandlers(staffSessions, options.throttle ?? new SignInThrottle(), {
      dataDir: options.dataDir,
      secrets: environmentSecrets,
    }),
    database,
    logger,
    sessions: options.sessions ?? staffSessions,
    queue: options.queue,
    clock,
  })
  return { router, database, staffSessions, close: () => database.close() }
}

/** Every context's handlers; a command without one does not compile. */
export function allHandlers(
  staffSessions: StaffSessions,
  throttle: SignInThrottle,
  desk: DatabaseHandlerOptions = { dataDir: '', secrets: environmentSecrets },
): AllHandlers {
  return combineHandlers(
    systemHandlers,
    createDatabaseHandlers(desk),
    createAuthHandlers(staffSessions, throttle),
    settingsHandlers,
    unitsHandlers,
    staffHandlers,
    rolesHandlers,
    auditHandlers,
    peopleHandlers,
  )
}

export function dataFiles(dataDir: string) {
  return { file: join(dataDir, 'frontdesk.sqlite'), backupDir: join(dataDir, 'backups') }
}
