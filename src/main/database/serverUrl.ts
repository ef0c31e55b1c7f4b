import type { ServerSettings, TlsMode } from '../../shared/contract/databaseServer'
import type { ServerTarget } from './postgresServer'
import { PASSWORD_VARIABLE } from '../system/deskDatabaseConfig'

export const SERVER_URL_FORM = 'postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE?sslmode=disable|require|verify-full'
/** Where tools take the server from when no URL is given on the command line. */
export const DATABASE_URL_VARIABLE = 'FRONTDESK_DATABASE_URL'

const TLS_MODES: readonly TlsMode[] = ['disable', 'require', 'verify-full']
const DEFAULT_PORT = 5432

/** A server URL that cannot be used, saying what is wrong and what a good one looks like. */
export class ServerUrlError extends Error {
  constructor(problem: string) {
    super(`${problem}. Expected ${SERVER_URL_FORM}`)
    this.name = 'ServerUrlError'
  }
}

/**
 * A server URL as the preview and the administrators' tools take it → how to connect.
 * The password comes from the URL or FRONTDESK_DB_PASSWORD (better: a URL on a command line
 * is visible to other users of the computer). TLS is `verify-full` unless `sslmode` says
 * otherwise: a desk's data crosses the network only checked, unless told.
 */
export function parseServerUrl(text: string, env: NodeJS.ProcessEnv = process.env): ServerTarget {
  let url: URL
  try {
    url = new URL(text.trim())
  } catch {
    throw new ServerUrlError(`Not a URL: ${redact(text)}`)
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ServerUrlError(`Not a PostgreSQL URL (${url.protocol.replace(/:$/, '')})`)
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1')
  if (!host) throw new ServerUrlError('No host')
  const port = url.port ? Number(url.port) : DEFAULT_PORT
  const database = decoded(url.pathname.replace(/^\//, ''))
  if (!database || database.includes('/')) throw new ServerUrlError('No database name (the part after the last /)')
  const user = decoded(url.username)
  if (!user) throw new ServerUrlError('No user (the part before @)')
  const password = url.password ? decoded(url.password) : (env[PASSWORD_VARIABLE] ?? '')
  if (!password) throw new ServerUrlError(`No password: put it in ${PASSWORD_VARIABLE}`)
  const tls = tlsMode(url.searchParams)
  return { host, port, database, user, password, tls, allowSuperuser: env.FRONTDESK_ALLOW_SUPERUSER === '1' }
}

function tlsMode(parameters: URLSearchParams): TlsMode {
  for (const name of parameters.keys()) {
    if (name !== 'sslmode') throw new ServerUrlError(`Unknown parameter ${name} (only sslmode is understood)`)
  }
  const mode = parameters.get('sslmode') ?? 'verify-full'
  if (!TLS_MODES.includes(mode as TlsMode)) {
    throw new ServerUrlError(`sslmode must be one of ${TLS_MODES.join(', ')}, not ${mode}`)
  }
  return mode as TlsMode
}

function decoded(part: string): string {
  try {
    return decodeURIComponent(part)
  } catch {
    throw new ServerUrlError('A broken %-escape in the user, password or database name')
  }
}

/** The URL of a server without its password: for logs, messages and the `pg_dump` command. */
export function serverUrl(server: ServerSettings): string {
  const host = server.host.includes(':') ? `[${server.host}]` : server.host
  const user = encodeURIComponent(server.user)
  return `postgres://${user}@${host}:${server.port}/${encodeURIComponent(server.database)}?sslmode=${server.tls}`
}

/** The text with any password between `user:` and `@` blanked out, so an error never repeats it. */
function redact(text: string): string {
  return text.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@')
}

/** The server without its password, for messages. */
export function describeServer(target: ServerTarget): string {
  return `${target.user}@${target.host}:${target.port}/${target.database}`
}
