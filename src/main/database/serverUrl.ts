import type { TlsMode } from '../../shared/contract/databaseServer'
import type { ServerTarget } from './postgresServer'

const TLS_MODES: Record<string, TlsMode> = { disable: 'disable', require: 'require', 'verify-full': 'verify-full' }
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1'])

/**
 * A server as administrators write it, `postgres://user[:password]@host[:port]/database[?sslmode=…]`,
 * for the command-line tools. Without a password in the URL, FRONTDESK_DB_PASSWORD gives it;
 * without `sslmode`, a loopback server is reached in plain text and any other one verified.
 */
export function parseServerUrl(text: string, env: NodeJS.ProcessEnv = process.env): ServerTarget {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new Error(`Not a server URL: ${text} (expected postgres://user@host:5432/database)`)
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new Error(`Not a PostgreSQL URL: ${url.protocol} (expected postgres://user@host:5432/database)`)
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''))
  const user = decodeURIComponent(url.username)
  if (!url.hostname || !database || !user) {
    throw new Error('The URL must name the user, the host and the database: postgres://user@host:5432/database')
  }
  const sslmode = url.searchParams.get('sslmode')
  const tls = sslmode === null ? (LOOPBACK.has(url.hostname) ? 'disable' : 'verify-full') : TLS_MODES[sslmode]
  if (!tls) throw new Error(`sslmode must be disable, require or verify-full, not ${sslmode}`)
  const password = url.password ? decodeURIComponent(url.password) : (env.FRONTDESK_DB_PASSWORD ?? '')
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : 5432,
    database,
    user,
    password,
    tls,
  }
}

/** The server without its password, for messages. */
export function describeServer(target: ServerTarget): string {
  return `${target.user}@${target.host}:${target.port}/${target.database}`
}
