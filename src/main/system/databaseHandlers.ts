import type { DataSource } from 'typeorm'
import type { ServerSettings } from '../../shared/contract/databaseServer'
import type { ServerCheck } from '../../shared/contract/database'
import { AppError } from '../../shared/errors'
import type { ContextHandlers, HandlerContext } from '../core/handler'
import { connectServer, ServerRefused, userTables, type ServerTarget } from '../database/postgresServer'
import { dataFiles } from '../backend'
import { serverConfig, writeDeskDatabase, type SecretBox } from './deskDatabaseConfig'
import { systemStatus } from './systemHandlers'
import { moveToServerHandler } from './moveToServerHandler'

export interface DatabaseHandlerOptions {
  /** The desk's data folder: its own file and its local database configuration. */
  dataDir: string
  /** Seals the server password for the local configuration. */
  secrets: SecretBox
}

type ServerInput = ServerSettings & { password: string }

/** Which database this desk uses: its own file or a shared server. */
export function createDatabaseHandlers({ dataDir, secrets }: DatabaseHandlerOptions): ContextHandlers<'database'> {
  return {
    'database/get-settings': async (_input, { database, authorizeCentre, now }) => {
      // Public before the first start (no staff yet: authorizeCentre lets it through); an administrator's afterwards.
      await authorizeCentre('settings.admin')
      const server = database.server
      if (!server) {
        return {
          engine: 'sqlite',
          file: database.location.file,
          server: null,
          serverVersion: null,
          backupCommand: null,
        }
      }
      const [{ version }]: { version: string }[] = await database.readManager.query(
        'SELECT current_setting(\'server_version\') AS "version"',
      )
      return { engine: 'postgres', file: null, server, serverVersion: version, backupCommand: dumpCommand(server, now) }
    },

    'database/test-server': async (input, ctx) => {
      await ctx.authorizeCentre('settings.admin')
      return checkServer(input, ctx)
    },

    'database/join-server': async (input, ctx) => {
      await ctx.authorizeCentre('settings.admin')
      await checkServer(input, ctx)
      const { password, ...server } = input
      // Opening the server migrates an empty one; when that fails the desk keeps its previous database.
      await ctx.database.switchTo({ engine: 'postgres', server: serverTarget(input) }).catch((error: unknown) => {
        throw refused(error)
      })
      writeDeskDatabase(dataDir, serverConfig(server, password, secrets))
      ctx.audit.summary = `Joined ${server.host}:${server.port}/${server.database}`
      return systemStatus(ctx.database)
    },

    'database/move-to-server': async (input, ctx) => {
      const { copiedRows } = await moveToServerHandler(input, ctx)
      // The copy is checked: from now on this desk works on the server, so the file receives no more writes.
      const { password, ...server } = input
      await ctx.database.switchTo({ engine: 'postgres', server: serverTarget(input) }).catch((error: unknown) => {
        throw refused(error)
      })
      writeDeskDatabase(dataDir, serverConfig(server, password, secrets))
      return { ...systemStatus(ctx.database), copiedRows }
    },

    'database/use-file': async (_input, { database, audit }) => {
      // Refused rather than reopened: a success signs every desk out.
      if (!database.server) throw AppError.conflict('already_file', 'This desk already uses its own file')
      await database.switchTo({ engine: 'sqlite', location: dataFiles(dataDir) })
      writeDeskDatabase(dataDir, { engine: 'sqlite' })
      audit.summary = 'Uses its own file again'
      return systemStatus(database)
    },
  }
}

function serverTarget(input: ServerInput): ServerTarget {
  return { ...input, allowSuperuser: process.env.FRONTDESK_ALLOW_SUPERUSER === '1', poolSize: undefined }
}

/** Connects, checks and always closes again: a test changes nothing anywhere. */
async function checkServer(input: ServerInput, _ctx: HandlerContext): Promise<ServerCheck> {
  let source: DataSource | null = null
  try {
    source = await connectServer({ ...serverTarget(input), poolSize: 1 })
    const [{ version }]: { version: string }[] = await source.query(
      'SELECT current_setting(\'server_version\') AS "version"',
    )
    const tables = await userTables(source)
    if (tables.length === 0) return { serverVersion: version, contents: 'empty' }
    if (!tables.includes('migrations')) {
      throw new ServerRefused('foreign_database', `Tables of another application: ${tables.slice(0, 5).join(', ')}`)
    }
    return { serverVersion: version, contents: 'frontdesk' }
  } catch (error) {
    throw refused(error)
  } finally {
    await source?.destroy().catch(() => undefined)
  }
}

/** A server's refusal as error data the desk translates; anything else stays an internal failure. */
function refused(error: unknown): unknown {
  if (error instanceof ServerRefused) {
    return new AppError('SERVER_REFUSED', error.message, undefined, { reason: error.problem })
  }
  return error
}

/** The command an administrator runs (or schedules) to back this database up, with today's date in the name. */
export function dumpCommand(server: ServerSettings, now: Date): string {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '')
  return [
    'pg_dump',
    `--host ${shellWord(server.host)}`,
    `--port ${server.port}`,
    `--username ${shellWord(server.user)}`,
    '--format=custom',
    `--file ${shellWord(`frontdesk-${server.database}-${day}.dump`)}`,
    shellWord(server.database),
  ].join(' ')
}

/** Quoted only when needed, so the usual command reads plainly and an odd name still copies safely. */
function shellWord(word: string): string {
  return /^[\w.@%+=:,/-]+$/.test(word) ? word : `'${word.replaceAll("'", `'"'"'`)}'`
}
