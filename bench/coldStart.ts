/**
 * `npx tsx bench/coldStart.ts [--runs=N] [--against=OTHER/out]` after `npx electron-vite build`.
 * Times the built renderer's cold start in headless Chromium against the preview server:
 * navigation start → the sign-in form on screen, in a fresh browser context each run (no
 * cache, no session), and prints the median with the JavaScript the page loaded for it.
 * `--against` times another build (its `out` folder) too, run for run in turn with this one,
 * so a busy shared machine slows both alike and the two medians can be compared.
 */
import { chromium, type Browser } from '@playwright/test'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { CHROMIUM_ARGS, systemChromium } from '../tests/e2e/support/browsers'
import { coldStart, median } from '../tests/e2e/support/coldStart'

const ROOT = resolve(__dirname, '..')

async function startPreview(outDir: string, dataDir: string): Promise<{ url: string; stop: () => void }> {
  const server = spawn(process.execPath, [join(outDir, 'main/preview.js'), `--data-dir=${dataDir}`, '--port=0'], {
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

interface Build {
  label: string
  url: string
  timings: number[]
  cpuTimings: number[]
  scriptBytes: number
}

async function openBuild(browser: Browser, label: string, outDir: string, dataDir: string) {
  const preview = await startPreview(outDir, dataDir)
  // A centre that is set up, so a new desk opens on the sign-in screen rather than the first start.
  const setup = await browser.newPage()
  await setup.goto(preview.url)
  // Page code as strings: this script is compiled for Node, without the DOM's types.
  await setup.evaluate(`window.api.call('auth/set-up', {
    centreName: 'Cold start', displayName: 'Bench', username: 'bench', password: 'cold-start-bench-1', language: 'en'
  })`)
  await setup.close()
  return {
    build: { label, url: preview.url, timings: [], cpuTimings: [], scriptBytes: 0 } as Build,
    stop: preview.stop,
  }
}

async function main(): Promise<void> {
  const option = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3)
  const runs = Number(option('runs') ?? 9)
  const against = option('against')
  const dataDirs: string[] = []
  const stops: (() => void)[] = []
  const browser = await chromium.launch({ executablePath: systemChromium(), args: CHROMIUM_ARGS })
  try {
    const builds: Build[] = []
    for (const [label, outDir] of against
      ? [
          ['this build', join(ROOT, 'out')],
          ['against', resolve(against)],
        ]
      : [['this build', join(ROOT, 'out')]]) {
      const dataDir = mkdtempSync(join(tmpdir(), 'frontdesk-cold-start-'))
      dataDirs.push(dataDir)
      const { build, stop } = await openBuild(browser, label, outDir, dataDir)
      stops.push(stop)
      builds.push(build)
    }
    // The first run of each warms the server's file cache and is not counted.
    for (let run = 0; run <= runs; run++) {
      for (const build of builds) {
        const { ms, cpuMs, scriptBytes } = await coldStart(browser, build.url)
        build.scriptBytes = scriptBytes
        if (run > 0) build.timings.push(ms)
        if (run > 0) build.cpuTimings.push(cpuMs)
      }
    }
    for (const build of builds) {
      console.log(
        `Cold start to the sign-in form${against ? ` (${build.label})` : ''}: median ${median(build.timings).toFixed(0)} ms over ${runs} runs ` +
          `(min ${Math.min(...build.timings).toFixed(0)}, max ${Math.max(...build.timings).toFixed(0)}); ` +
          `main-thread CPU ${median(build.cpuTimings).toFixed(0)} ms; ` +
          `JavaScript loaded: ${(build.scriptBytes / 1024).toFixed(0)} kB`,
      )
    }
  } finally {
    await browser.close()
    stops.forEach((stop) => stop())
    dataDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }))
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
