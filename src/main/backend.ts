import { join } from 'node:path'
import { consoleLogger, type Logger } from './core/logger'
import { combineHandlers, Router } from './core/router'
import type { AllHandlers, DeskHome } from './core/handler'
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
import { databaseHandlers } from './system/databaseHandlers'
import { environmentSecrets, readDeskDatabase, targetOf, type SecretBox } from './system/deskDatabaseConfig'

export interface BackendOptions {
  dataDir: string
  /** By default what the desk's `database.json` says: its own file in dataDir, or the server it joined. */
  database?: DatabaseTarget
  /** Seals and opens the server password (Electron's safeStorage in the shell); by default the environment's. */
  secrets?: SecretBox
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
  /** Where this desk keeps its own configuration, and how it seals a password. */
  desk: DeskHome
  close(): Promise<void>
}

/** Everything the app needs behind the transport, runnable under plain Node (tests, bench, preview). */
export async function startBackend(options: BackendOptions): Promise<Backend> {
  const logger = options.logger ?? consoleLogger
  const desk: DeskHome = { dataDir: options.dataDir, secrets: options.secrets ?? environmentSecrets }
  const target = options.database ?? targetOf(desk.dataDir, readDeskDatabase(desk.dataDir), desk.secrets)
  const database = await Database.open(target, logger)
  const clock = options.clock
  const staffSessions = new StaffSessions(database, clock ? () => clock().getTime() : undefined)
  const router = new Router({
    handlers: allHandlers(staffSessions, options.throttle ?? new SignInThrottle()),
    database,
    logger,
    sessions: options.sessions ?? staffSessions,
    queue: options.queue,
    clock,
    desk,
  })
  return { router, database, staffSessions, desk, close: () => database.close() }
}

/** Every context's handlers; a command without one does not compile. */
export function allHandlers(staffSessions: StaffSessions, throttle: SignInThrottle): AllHandlers {
  return combineHandlers(
    systemHandlers,
    databaseHandlers,
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
