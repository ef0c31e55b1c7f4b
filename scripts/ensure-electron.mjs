// Runs before `npm start` and `npm run dev`. package.json denies electron's own install
// script, so `npm install` succeeds on machines that cannot download Electron; the binary
// is fetched here instead, the first time someone actually wants the desktop app.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const NO_BINARY =
  'No Electron binary could be downloaded on this machine. Run `npm run preview` to use Frontdesk in a browser instead.'

const require = createRequire(import.meta.url)

let electronDir
try {
  electronDir = dirname(require.resolve('electron/package.json'))
} catch {
  console.error('The electron package is missing. Run `npm install` first.')
  process.exit(1)
}

/**
 * The lookup electron's own index.js makes, without its side effect: requiring
 * `electron` starts a download when the binary is missing, with a less helpful error.
 */
function electronBinary() {
  const pathFile = join(electronDir, 'path.txt')
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : undefined
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    return join(process.env.ELECTRON_OVERRIDE_DIST_PATH, executable || 'electron')
  }
  return executable ? join(electronDir, 'dist', executable) : undefined
}

function installed() {
  const binary = electronBinary()
  return binary !== undefined && existsSync(binary)
}

if (!installed()) {
  console.log('Downloading the Electron binary (first start only)...')
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit' })
  if (result.status !== 0 || !installed()) {
    console.error(`\n${NO_BINARY}`)
    process.exit(1)
  }
}
