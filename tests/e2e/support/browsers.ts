import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
]

/** A system Chromium (CHROMIUM_PATH first); undefined means Playwright's own browser, if installed. */
export function systemChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, ...CHROMIUM_CANDIDATES].filter((path): path is string => !!path)
  return candidates.find((path) => existsSync(path))
}

/** Flags that keep Chromium from trying the network on a closed machine. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/**
 * The Electron executable if its binary was downloaded. Read from the package's files:
 * `require('electron')` would try to download it, which a closed machine cannot.
 */
export function electronBinary(): string | undefined {
  try {
    const packageDir = dirname(createRequire(__filename).resolve('electron/package.json'))
    const executable = join(packageDir, 'dist', readFileSync(join(packageDir, 'path.txt'), 'utf8').trim())
    return existsSync(executable) ? executable : undefined
  } catch {
    return undefined
  }
}
