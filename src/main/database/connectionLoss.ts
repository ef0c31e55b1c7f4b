/** Node's socket failures: the server is down, restarting, or the network between is gone. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
])

/** PostgreSQL's: shut down by an administrator, crash, starting up (57P0x); connection exceptions (08xxx). */
const SERVER_STATE = /^(57P0[1-3]|08...)$/

/** What pg says when the socket closes under it, or when a client that lost it is used again. */
const LOST_MESSAGES =
  /Connection terminated|connection error and is not queryable|Client was closed and is not queryable|timeout expired|terminating connection/i

/**
 * A failure that says nothing about the command and everything about the connection: the
 * database server could not be reached, so nothing was written (a transaction is all or nothing).
 */
export function isConnectionLoss(error: unknown): boolean {
  if (error instanceof ConnectionLost) return true
  for (let cause = error, depth = 0; cause && typeof cause === 'object' && depth < 4; depth++) {
    const { code, message, driverError } = cause as { code?: unknown; message?: unknown; driverError?: unknown }
    if (typeof code === 'string' && (SOCKET_CODES.has(code) || SERVER_STATE.test(code))) return true
    if (typeof message === 'string' && LOST_MESSAGES.test(message)) return true
    // TypeORM wraps the driver's error; some drivers keep the socket's error as `cause`.
    cause = driverError ?? (cause as { cause?: unknown }).cause
  }
  return false
}

/** The connection went away under a transaction; `cause` is what TypeORM said about it. */
export class ConnectionLost extends Error {
  constructor(cause: unknown) {
    super('The connection to the database server was lost', { cause })
    this.name = 'ConnectionLost'
  }
}
