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

/** The built renderer in a browser, against the real backend behind the preview server. */
class BrowserFrontdesk implements FrontdeskApp {
  page!: Page
  private server: ChildProcess | null = null

  constructor(
    private readonly browser: Browser,
    readonly dataDir: string,
  ) {}

  async start(): Promise<void> {
    const server = spawn(
      process.execPath,
      [join(ROOT, 'out/main/preview.js'), `--data-dir=${this.dataDir}`, '--port=0'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    this.server = server
    const url = await new Promise<string>((resolveUrl, reject) => {
      let output = ''
      const timer = setTimeout(() => reject(new Error(`Preview server did not start:\n${output}`)), 20_000)
      const collect = (chunk: Buffer) => {
        output += chunk.toString()
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
    this.page ??= await this.browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' })
    await this.page.goto(url)
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
