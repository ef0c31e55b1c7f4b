import { homedir } from 'node:os'
import { join } from 'node:path'

const APP_FOLDER = 'Frontdesk'

/**
 * The folder Electron's `app.getPath('userData')` gives for the app named Frontdesk, for
 * tools that run without Electron (demo, bench) but must find the same data.
 */
export function defaultUserDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), APP_FOLDER)
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER)
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_FOLDER)
}
