import { join, resolve } from 'node:path'
import { resolveDataDir } from '../dataDir'
import type { ServerTarget } from '../database/postgresServer'
import { DATABASE_URL_VARIABLE, parseServerUrl } from '../database/serverUrl'

export interface PreviewOptions {
  dataDir: string
  /** 0: any free port. */
  port: number
  /** A shared PostgreSQL server instead of what the data folder's configuration names. */
  server: ServerTarget | null
}

export const PREVIEW_USAGE =
  'npm run preview -- [--data-dir=PATH] [--port=N] [--server postgres://USER@HOST:PORT/DATABASE]'

const FLAGS = ['data-dir', 'port', 'server'] as const
type Flag = (typeof FLAGS)[number]

/**
 * The preview's settings from its command line. Its data goes to a throw-away folder in the
 * project (`.tmp/preview-data`) unless `--data-dir` or FRONTDESK_DATA_DIR says otherwise: a
 * browser try-out must never open, migrate or back up the real app's data file by accident.
 * `--server URL` (or FRONTDESK_DATABASE_URL) runs it on a PostgreSQL server; the password
 * comes from the URL or FRONTDESK_DB_PASSWORD.
 */
export function previewOptions(argv: readonly string[], env: NodeJS.ProcessEnv, projectDir: string): PreviewOptions {
  const flags = readFlags(argv)
  const dataDir = resolve(resolveDataDir(argv, env, join(projectDir, '.tmp', 'preview-data')))
  const portFlag = flags.get('port')
  const port = portFlag === undefined ? 0 : Number(portFlag)
  if (!/^\d+$/.test(portFlag ?? '0') || port > 65535) {
    throw new Error(`--port must be a number from 0 to 65535, not ${portFlag}. Usage: ${PREVIEW_USAGE}`)
  }
  const url = flags.get('server') ?? env[DATABASE_URL_VARIABLE]
  return { dataDir, port, server: url ? parseServerUrl(url, env) : null }
}

/** `--name=value`, or `--server value` as a URL is usually typed. */
function readFlags(argv: readonly string[]): Map<Flag, string> {
  const flags = new Map<Flag, string>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (!arg.startsWith('--')) throw new Error(`Unexpected ${arg}. Usage: ${PREVIEW_USAGE}`)
    const match = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg)
    const name = FLAGS.find((flag) => flag === match?.[1])
    if (!match || !name || (match[2] === undefined && name !== 'server')) {
      throw new Error(`Unknown flag ${arg}. Usage: ${PREVIEW_USAGE}`)
    }
    const value = match[2] ?? argv[++i]
    if (value === undefined) throw new Error(`--server needs a URL. Usage: ${PREVIEW_USAGE}`)
    flags.set(name, value)
  }
  return flags
}
