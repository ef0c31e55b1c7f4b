import { homedir } from 'node:os'
import { join } from 'node:path'

/** The app's name, and so the name of its data folder on every platform. */
export const APP_NAME = 'Frontdesk'

/**
 * Where the data lives: `--data-dir=PATH` wins, then FRONTDESK_DATA_DIR, then the
 * platform's user-data folder handed in by the shell (portable installs, tests).
 */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, fallback: string): string {
  const flag = argv.find((arg) => arg.startsWith('--data-dir='))
  if (flag) return flag.slice('--data-dir='.length)
  return env.FRONTDESK_DATA_DIR || fallback
}

/**
 * The folder Electron's `app.getPath('userData')` gives for the app named Frontdesk, for
 * tools that run without Electron (demo, bench) but must find the same data.
 */
export function defaultUserDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), APP_NAME)
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME)
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_NAME)
}
