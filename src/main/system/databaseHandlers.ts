import type { ContextHandlers } from '../core/handler'

/**
 * Which database this desk uses: its own file or a shared server.
 * (Being built: the handlers below are completed by the desk-configuration work.)
 */
export const databaseHandlers: ContextHandlers<'database'> = {
  'database/get-settings': async (_input, { database }) => {
    const server = database.server
    return {
      engine: database.engine.kind,
      file: server ? null : database.location.file,
      server,
      serverVersion: null,
      backupCommand: null,
    }
  },
  'database/test-server': async () => {
    throw new Error('not built yet')
  },
  'database/join-server': async () => {
    throw new Error('not built yet')
  },
  'database/move-to-server': async () => {
    throw new Error('not built yet')
  },
  'database/use-file': async () => {
    throw new Error('not built yet')
  },
}
