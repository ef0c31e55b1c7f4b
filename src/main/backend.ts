import { randomUUID } from 'node:crypto'
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
import { activitiesHandlers } from './activities/activitiesHandlers'
import { enrolmentsHandlers } from './enrolments/enrolmentsHandlers'
import { calendarHandlers } from './calendar/calendarHandlers'
import { rolesHandlers } from './staff/rolesHandlers'
import { staffHandlers } from './staff/staffHandlers'
import { unitsHandlers } from './units/unitsHandlers'
import { Database, type DatabaseTarget, type ServerRetry } from './database/database'
import { WriteQueue, type TaskQueue } from './database/writeQueue'
import { OFFER_EXPIRY_SESSIONS, startOfferExpiry } from './enrolments/offerExpiry'
import { settingsHandlers } from './settings/settingsHandlers'
import { systemHandlers } from './system/systemHandlers'
import { createDatabaseHandlers, type DatabaseHandlerOptions } from './system/databaseHandlers'
import {
  environmentSecrets,
  PASSWORD_VARIABLE,
  readDeskDatabase,
  targetOf,
  type SecretBox,
} from './system/deskDatabaseConfig'

export interface BackendOptions {
  dataDir: string
  /** By default what the desk's `database.json` says: its own file in dataDir, or the server it joined. */
  database?: DatabaseTarget
  /** Seals and opens the server password (Electron's safeStorage in the shell); by default the environment's. */
  secrets?: SecretBox
  logger?: Logger
  /** How often to ask again for a server that cannot be used at start; tests pass short pauses. */
  serverRetry?: ServerRetry
  /** Who the router thinks is calling; by default the staff signed in at each desk. Tools pass their own. */
  sessions?: SessionProvider
  queue?: TaskQueue
  /** Sign-in back-off; tests pass one that does not really sleep. */
  throttle?: SignInThrottle
  /** The time for audit rows and desk idle checks; tests pass a clock they can move. */
  clock?: () => Date
  /** How often lapsed seat offers are looked for (a minute); tests pass a short pause. */
  offerExpiryEveryMs?: number
}

export interface Backend {
  router: Router
  database: Database
  staffSessions: StaffSessions
  /** Where this desk keeps its own configuration, and how it seals a password. */
  desk: DeskHome
  close(): Promise<void>
}

const SERVER_RETRY: ServerRetry = { firstMs: 1000, mostMs: 30_000 }

/**
 * What the desk's `database.json` names. A password sealed on another computer (or for another
 * user) cannot be opened here: the desk then waits on the server as refusing the password, so
 * it can be joined again, instead of not starting at all.
 */
function configuredTarget(desk: DeskHome, logger: Logger): DatabaseTarget {
  const config = readDeskDatabase(desk.dataDir)
  try {
    return targetOf(desk.dataDir, config, desk.secrets)
  } catch (error) {
    if (config.engine !== 'postgres') throw error
    logger.error('The sealed server password cannot be opened on this computer', error)
    // A password nobody knows (never an empty one: the driver would look for one elsewhere).
    const unknown = { [PASSWORD_VARIABLE]: randomUUID() }
    return targetOf(desk.dataDir, { ...config, sealedPassword: null }, desk.secrets, unknown)
  }
}

/** Everything the app needs behind the transport, runnable under plain Node (tests, bench, preview). */
export async function startBackend(options: BackendOptions): Promise<Backend> {
  const logger = options.logger ?? consoleLogger
  const desk: DeskHome = { dataDir: options.dataDir, secrets: options.secrets ?? environmentSecrets }
  const target = options.database ?? configuredTarget(desk, logger)
  // A server that does not answer yet leaves the desk running and saying so, never on its local file instead.
  const database = await Database.open(target, logger, { waitForServer: options.serverRetry ?? SERVER_RETRY })
  const clock = options.clock
  const staffSessions = new StaffSessions(database, clock ? () => clock().getTime() : undefined)
  // One write queue for the desks' router and the backend's own (seat offers that expire).
  const queue = options.queue ?? new WriteQueue()
  const handlers = allHandlers(staffSessions, options.throttle ?? new SignInThrottle(), desk)
  const routerOf = (sessions: SessionProvider) =>
    new Router({ handlers, database, logger, sessions, queue, clock, desk })
  const router = routerOf(options.sessions ?? staffSessions)
  const expiry = startOfferExpiry(
    routerOf(OFFER_EXPIRY_SESSIONS),
    database,
    clock ?? (() => new Date()),
    logger,
    options.offerExpiryEveryMs,
  )
  // Offers that ran out while the app was closed lapse before the first desk looks.
  await expiry.runOnce()
  const close = async () => {
    await expiry.stop()
    await database.close()
  }
  return { router, database, staffSessions, desk, close }
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
    activitiesHandlers,
    enrolmentsHandlers,
    calendarHandlers,
  )
}

export function dataFiles(dataDir: string) {
  return { file: join(dataDir, 'frontdesk.sqlite'), backupDir: join(dataDir, 'backups') }
}
