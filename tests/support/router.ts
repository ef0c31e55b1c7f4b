import type { AnySpec } from '../../src/shared/contract/define'
import type { Result } from '../../src/shared/errors'
import type { AllHandlers, HandlerContext } from '../../src/main/core/handler'
import type { Logger } from '../../src/main/core/logger'
import { Router } from '../../src/main/core/router'
import { localToolOperator, type SessionProvider } from '../../src/main/core/session'
import type { Database } from '../../src/main/database/database'
import type { TaskQueue } from '../../src/main/database/writeQueue'
import { recordingLogger, TEST_CALLER } from './backend'

/** Handlers for a contract made up in a test: typed loosely, because the real contract does not know them. */
export type TestHandlers<C extends Record<string, AnySpec>> = {
  [N in keyof C]: (input: never, ctx: HandlerContext) => Promise<unknown>
}

export interface TestRouter {
  router: Router
  logger: ReturnType<typeof recordingLogger>
  /** Calls a command of the test contract through the real router. */
  send(name: string, input: unknown): Promise<Result<unknown>>
}

/**
 * The real Router over a real database, but with a contract and handlers made up by the
 * test, so failures that no real handler should ever produce can be provoked on purpose.
 */
export function testRouter<C extends Record<string, AnySpec>>(
  database: Database,
  contract: C,
  handlers: TestHandlers<C>,
  options: { queue?: TaskQueue; sessions?: SessionProvider; logger?: Logger } = {},
): TestRouter {
  const logger = recordingLogger()
  const router = new Router({
    contract,
    handlers: handlers as unknown as AllHandlers,
    database,
    sessions: options.sessions ?? localToolOperator('Test operator'),
    logger: options.logger ?? logger,
    queue: options.queue,
  })
  return { router, logger, send: (name, input) => router.dispatch(name, input, TEST_CALLER) }
}
