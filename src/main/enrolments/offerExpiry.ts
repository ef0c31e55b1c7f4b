import type { Logger } from '../core/logger'
import type { Router } from '../core/router'
import { sessionFromGrants, type Caller, type SessionProvider } from '../core/session'
import type { Database } from '../database/database'

/** Offers are looked at this often while the backend runs. */
export const OFFER_EXPIRY_EVERY_MS = 60_000

/**
 * The backend itself as the caller of `enrolments/expire-offers`: no staff member, no grant
 * (the command needs only a session), named in the audit trail for what it is.
 */
export const OFFER_EXPIRY_SESSIONS: SessionProvider = {
  resolve: () => sessionFromGrants({ id: null, displayName: 'Offer expiry (automatic)' }, [], false),
}
const SYSTEM_CALLER: Caller = { transport: 'direct', key: 'offer-expiry' }

export interface OfferExpiry {
  /** One look now: lapses what has expired (the router's clock) and passes the seats on. */
  runOnce(): Promise<void>
  /** Stops the timer and waits for a look under way. */
  stop(): Promise<void>
}

/**
 * Runs `enrolments/expire-offers` at start (offers that ran out while the app was closed) and
 * then every minute. A command is sent only when an offer has expired, so an idle desk writes
 * no audit rows; a database that is away or read-only is simply skipped until the next look.
 */
export function startOfferExpiry(
  router: Router,
  database: Database,
  clock: () => Date,
  logger: Logger,
  everyMs = OFFER_EXPIRY_EVERY_MS,
): OfferExpiry {
  let failing = false
  const runOnce = async () => {
    if (database.mode !== 'ok' || database.lost) return
    try {
      const due: unknown[] = await database.readManager.query(
        "SELECT id FROM enrolment WHERE state = 'offered' AND offer_expires_at <= ? LIMIT 1",
        [clock().toISOString()],
      )
      if (due.length === 0) return
      const result = await router.call('enrolments/expire-offers', {}, SYSTEM_CALLER)
      if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
      failing = false
    } catch (error) {
      // Once per streak of failures: the next look tries again anyway.
      if (!failing)
        logger.warn(`Expiring seat offers failed: ${error instanceof Error ? error.message : String(error)}`)
      failing = true
    }
  }
  let running: Promise<void> | null = null
  const timer = setInterval(() => {
    running ??= runOnce().finally(() => (running = null))
  }, everyMs)
  timer.unref()
  return {
    runOnce,
    async stop() {
      clearInterval(timer)
      await running
    },
  }
}
