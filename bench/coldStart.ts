/**
 * `npx tsx bench/coldStart.ts [--runs=N]` after `npx electron-vite build`.
 * Times the built renderer's cold start in headless Chromium against the preview server:
 * navigation start → the sign-in form on screen, in a fresh browser context each run (no
 * cache, no session), and prints the median with the JavaScript the page loaded for it.
 */
import { chromium } from '@playwright/test'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { CHROMIUM_ARGS, systemChromium } from '../tests/e2e/support/browsers'

const ROOT = resolve(__dirname, '..')

/**
 * The moment, after navigation start, that the sign-in form is first laid out on screen,
 * checked every frame. A string, not a function: tsx would wrap a function in helpers the page lacks.
 */
const RECORD_SIGN_IN_VISIBLE = `
  const poll = () => {
    const form = document.querySelector('[data-testid="sign-in-form"]')
    if (form && form.getBoundingClientRect().height > 0) window.signInVisibleAt = performance.now()
    else requestAnimationFrame(poll)
  }
  requestAnimationFrame(poll)
`

async function startPreview(dataDir: string): Promise<{ url: string; stop: () => void }> {
  const server = spawn(process.execPath, [join(ROOT, 'out/main/preview.js'), `--data-dir=${dataDir}`, '--port=0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const url = await new Promise<string>((done, fail) => {
    let output = ''
    const collect = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /FRONTDESK_PREVIEW_URL=(\S+)/.exec(output)
      if (match) done(match[1])
    }
    server.stdout.on('data', collect)
    server.stderr.on('data', collect)
    server.on('exit', (code) => fail(new Error(`Preview server exited with ${code}:\n${output}`)))
  })
  return { url, stop: () => server.kill('SIGTERM') }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

async function main(): Promise<void> {
  const runs = Number(process.argv.find((arg) => arg.startsWith('--runs='))?.slice('--runs='.length) ?? 9)
  const dataDir = mkdtempSync(join(tmpdir(), 'frontdesk-cold-start-'))
  const preview = await startPreview(dataDir)
  const browser = await chromium.launch({ executablePath: systemChromium(), args: CHROMIUM_ARGS })
  try {
    // A centre that is set up, so a new desk opens on the sign-in screen rather than the first start.
    const setup = await browser.newPage()
    await setup.goto(preview.url)
    // Page code as strings: this script is compiled for Node, without the DOM's types.
    await setup.evaluate(`window.api.call('auth/set-up', {
      centreName: 'Cold start', displayName: 'Bench', username: 'bench', password: 'cold-start-bench-1', language: 'en'
    })`)
    await setup.close()

    const timings: number[] = []
    let scriptBytes = 0
    // The first run warms the server's file cache and is not counted.
    for (let run = 0; run <= runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } })
      const page = await context.newPage()
      await page.addInitScript(RECORD_SIGN_IN_VISIBLE)
      await page.goto(preview.url)
      await page.waitForFunction(() => 'signInVisibleAt' in globalThis, null, { timeout: 30_000 })
      const visibleAt = Number(await page.evaluate('window.signInVisibleAt'))
      scriptBytes = Number(
        await page.evaluate(`performance.getEntriesByType('resource')
          .filter((entry) => entry.name.endsWith('.js'))
          .reduce((sum, entry) => sum + entry.decodedBodySize, 0)`),
      )
      if (run > 0) timings.push(visibleAt)
      await context.close()
    }
    console.log(
      `Cold start to the sign-in form: median ${median(timings).toFixed(0)} ms over ${runs} runs ` +
        `(min ${Math.min(...timings).toFixed(0)}, max ${Math.max(...timings).toFixed(0)}); ` +
        `JavaScript loaded: ${(scriptBytes / 1024).toFixed(0)} kB`,
    )
  } finally {
    await browser.close()
    preview.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
