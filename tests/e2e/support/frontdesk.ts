import { _electron, test as base, type Browser, type ElectronApplication, type Page } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { CHROMIUM_ARGS, electronBinary, systemChromium } from './browsers'

const ROOT = resolve(__dirname, '../../..')
export const SCREENSHOT_DIR = join(ROOT, 'screenshots')

/** A running Frontdesk on its own data folder, restartable on the same file. */
export interface FrontdeskApp {
  page: Page
  dataDir: string
  /** Stops the backend (or the whole app) and starts it again on the same data file. */
  restart(): Promise<void>
  stop(): Promise<void>
  start(): Promise<void>
  screenshot(name: string): Promise<void>
}

/** Where a preview backend keeps its data when not in its data folder's own file. */
export interface PreviewDatabase {
  /** A PostgreSQL server URL without the password (`postgres://user@host:port/db?sslmode=disable`). */
  serverUrl: string
  /** Handed over in FRONTDESK_DB_PASSWORD, as an administrator would, not on the command line. */
  password: string
}

/** A preview backend process (`out/main/preview.js`) on a data folder, or on a server. */
export class PreviewBackend {
  /** What the process printed (the tail), to attach when a spec fails. */
  log = ''
  private server: ChildProcess | null = null

  constructor(
    readonly dataDir: string,
    private readonly database?: PreviewDatabase,
  ) {}

  /** Starts the process and answers the address with its access token once it serves. */
  async start(): Promise<string> {
    const onServer = this.database ? ['--server', this.database.serverUrl] : []
    const server = spawn(
      process.execPath,
      [join(ROOT, 'out/main/preview.js'), `--data-dir=${this.dataDir}`, '--port=0', ...onServer],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: this.database ? { ...process.env, FRONTDESK_DB_PASSWORD: this.database.password } : process.env,
      },
    )
    this.server = server
    return new Promise<string>((resolveUrl, reject) => {
      let output = ''
      const timer = setTimeout(() => reject(new Error(`Preview server did not start:\n${output}`)), 20_000)
      const collect = (chunk: Buffer) => {
        output += chunk.toString()
        this.log = (this.log + chunk.toString()).slice(-20_000)
        const match = /FRONTDESK_PREVIEW_URL=(\S+)/.exec(output)
        if (match) {
          clearTimeout(timer)
          resolveUrl(match[1])
        }
      }
      server.stdout!.on('data', collect)
      server.stderr!.on('data', collect)
      server.on('exit', (code) => reject(new Error(`Preview server exited with ${code}:\n${output}`)))
    })
  }

  async stop(): Promise<void> {
    const server = this.server
    if (!server || server.exitCode !== null) return
    await new Promise<void>((done) => {
      server.once('exit', () => done())
      server.kill('SIGTERM')
    })
    this.server = null
  }
}

/** The built renderer in a browser, against the real backend behind the preview server. */
export class BrowserFrontdesk implements FrontdeskApp {
  page!: Page
  private readonly backend: PreviewBackend

  constructor(
    private readonly browser: Browser,
    readonly dataDir: string,
    database?: PreviewDatabase,
  ) {
    this.backend = new PreviewBackend(dataDir, database)
  }

  /** What the backend process printed (the tail). */
  get log(): string {
    return this.backend.log
  }

  async start(): Promise<void> {
    const url = await this.backend.start()
    this.page ??= await this.browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' })
    await this.page.goto(url)
  }

  stop(): Promise<void> {
    return this.backend.stop()
  }

  async restart(): Promise<void> {
    await this.stop()
    await this.start()
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), animations: 'disabled' })
  }
}

/** The real Electron window, where a binary exists. */
class ElectronFrontdesk implements FrontdeskApp {
  page!: Page
  private app: ElectronApplication | null = null

  constructor(readonly dataDir: string) {}

  async start(): Promise<void> {
    this.app = await _electron.launch({ args: [join(ROOT, 'out/main/index.js'), `--data-dir=${this.dataDir}`] })
    this.page = await this.app.firstWindow()
  }

  async stop(): Promise<void> {
    await this.app?.close()
    this.app = null
  }

  async restart(): Promise<void> {
    await this.stop()
    await this.start()
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: join(SCREENSHOT_DIR, `electron-${name}.png`), animations: 'disabled' })
  }
}

export const test = base.extend<{ frontdesk: FrontdeskApp; freshDataDir: string }>({
  freshDataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'frontdesk-e2e-'))
    await use(dir)
    rmSync(dir, { recursive: true, force: true })
  },

  frontdesk: async ({ playwright, freshDataDir }, use, testInfo) => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    const isElectron = testInfo.project.name === 'electron'
    if (isElectron && !electronBinary()) {
      testInfo.skip(true, 'No Electron binary on this machine; this spec ran in Chromium instead')
    }
    // The browser is launched here, not through the `browser` fixture, so the Electron project never starts one.
    const browser = isElectron
      ? null
      : await playwright.chromium.launch({ executablePath: systemChromium(), args: CHROMIUM_ARGS })
    const app = browser ? new BrowserFrontdesk(browser, freshDataDir) : new ElectronFrontdesk(freshDataDir)
    await app.start()
    await use(app)
    await app.stop()
    await browser?.close()
  },
})

export { expect } from '@playwright/test'
