import { join, resolve } from 'node:path'
import { resolveDataDir } from '../dataDir'

export interface PreviewOptions {
  dataDir: string
  /** 0: any free port. */
  port: number
}

export const PREVIEW_USAGE = 'npm run preview -- [--data-dir=PATH] [--port=N]'

/**
 * The preview's settings from its command line. Its data goes to a throw-away folder in the
 * project (`.tmp/preview-data`) unless `--data-dir` or FRONTDESK_DATA_DIR says otherwise: a
 * browser try-out must never open, migrate or back up the real app's data file by accident.
 */
export function previewOptions(argv: readonly string[], env: NodeJS.ProcessEnv, projectDir: string): PreviewOptions {
  const flags = argv.filter((arg) => arg.startsWith('--'))
  const unknown = flags.find((flag) => !/^--(data-dir|port)=/.test(flag))
  if (unknown) throw new Error(`Unknown flag ${unknown}. Usage: ${PREVIEW_USAGE}`)
  const dataDir = resolve(resolveDataDir(argv, env, join(projectDir, '.tmp', 'preview-data')))
  const portFlag = flags.find((flag) => flag.startsWith('--port='))?.slice('--port='.length)
  const port = portFlag === undefined ? 0 : Number(portFlag)
  if (!/^\d+$/.test(portFlag ?? '0') || port > 65535) {
    throw new Error(`--port must be a number from 0 to 65535, not ${portFlag}. Usage: ${PREVIEW_USAGE}`)
  }
  return { dataDir, port }
}
