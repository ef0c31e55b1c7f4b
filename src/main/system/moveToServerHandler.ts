import { AppError } from '../../shared/errors'
import type { Handler } from '../core/handler'
import { moveToServer, MoveRefused } from '../database/moveToServer'
import { ServerRefused } from '../database/postgresServer'
import { systemStatus } from './systemHandlers'

/**
 * Copies this desk's file into an empty server database and checks the copy; the desk is
 * switched to the server afterwards by `database/move-to-server` (databaseHandlers).
 */
export const moveToServerHandler: Handler<'database/move-to-server'> = async (input, ctx) => {
  const { database, session, audit, now } = ctx
  await ctx.authorizeCentre('settings.admin')
  if (database.engine.kind !== 'sqlite') {
    throw AppError.conflict('already_on_server', 'This desk already works on a server')
  }
  if (database.mode !== 'ok') throw new AppError('READ_ONLY', 'A damaged file is not moved to a server')
  const server = `${input.host}:${input.port}/${input.database}`
  try {
    const { copiedRows } = await moveToServer(database.location.file, input, {
      staffUserId: session.userId,
      staffName: session.displayName,
      at: now.toISOString(),
    })
    const total = Object.values(copiedRows).reduce((sum, rows) => sum + rows, 0)
    audit.summary = `Copied to the server ${server}, ${total} rows`
    return { ...systemStatus(database), copiedRows }
  } catch (error) {
    if (error instanceof ServerRefused) {
      throw new AppError('SERVER_REFUSED', error.message, undefined, { reason: error.problem })
    }
    // Nothing was written on the server; the reason names the step (copy_failed, copy_mismatch…).
    if (error instanceof MoveRefused) throw AppError.conflict(`move_${error.problem}`, error.message)
    throw error
  }
}
