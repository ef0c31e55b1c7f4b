/**
 * `npx tsx bench/coldStartProfile.ts` after `npx electron-vite build`: where one cold start's time goes.
 * One fresh context, a CPU profile (self time per script and per function) and the resource timings,
 * up to the sign-in form on screen. Use with bench/coldStart.ts, which gives the median.
 */
import { chromium } from '@playwright/test'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { CHROMIUM_ARGS, systemChromium } from '../tests/e2e/support/browsers'
import { RECORD_SIGN_IN_VISIBLE } from '../tests/e2e/support/coldStart'

const ROOT = resolve(__dirname, '..')

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
  hitCount?: number
  children?: number[]
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'frontdesk-cold-profile-'))
  const server = spawn(process.execPath, [join(ROOT, 'out/main/preview.js'), `--data-dir=${dataDir}`, '--port=0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const url = await new Promise<string>((done) => {
    let output = ''
    server.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /FRONTDESK_PREVIEW_URL=(\S+)/.exec(output)
      if (match) done(match[1])
    })
  })
  const browser = await chromium.launch({ executablePath: systemChromium(), args: CHROMIUM_ARGS })
  try {
    const setup = await browser.newPage()
    await setup.goto(url)
    await setup.evaluate(`window.api.call('auth/set-up', {
      centreName: 'Cold start', displayName: 'Bench', username: 'bench', password: 'cold-start-bench-1', language: 'en'
    })`)
    await setup.close()
    for (let warm = 0; warm < 2; warm++) {
      const context = await browser.newContext()
      const page = await context.newPage()
      await page.goto(url)
      await page.getByTestId('sign-in-form').waitFor()
      await context.close()
    }
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } })
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
    await cdp.send('Profiler.start')
    await page.addInitScript(RECORD_SIGN_IN_VISIBLE)
    await page.goto(url)
    await page.waitForFunction(() => 'signInVisibleAt' in globalThis)
    const { profile } = (await cdp.send('Profiler.stop')) as {
      profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }
    }
    // For Chromium's DevTools (Performance → Load profile).
    writeFileSync(join(tmpdir(), 'cold-start.cpuprofile'), JSON.stringify(profile))
    const visibleAt = Number(await page.evaluate('window.signInVisibleAt'))
    const resources = (await page.evaluate(`performance.getEntriesByType('resource').map((entry) =>
      [entry.name.split('/').pop(), Math.round(entry.startTime), Math.round(entry.responseEnd), entry.decodedBodySize])`)) as [
      string,
      number,
      number,
      number,
    ][]
    const nav = await page.evaluate(`JSON.stringify(performance.getEntriesByType('navigation')[0])`)
    const marks = await page.evaluate(
      `JSON.stringify(performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]))`,
    )

    // Self time per node, from the samples.
    const self = new Map<number, number>()
    profile.samples.forEach((id, index) => self.set(id, (self.get(id) ?? 0) + profile.timeDeltas[index] / 1000))
    const byScript = new Map<string, number>()
    const byFunction = new Map<string, number>()
    for (const node of profile.nodes) {
      const ms = self.get(node.id) ?? 0
      const script = node.callFrame.url.split('/').pop() || `(${node.callFrame.functionName})`
      byScript.set(script, (byScript.get(script) ?? 0) + ms)
      const fn = `${node.callFrame.functionName || '(anon)'} ${script}:${node.callFrame.lineNumber}:${node.callFrame.columnNumber}`
      byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms)
    }
    const top = (map: Map<string, number>, count: number) =>
      [...map]
        .sort((a, b) => b[1] - a[1])
        .slice(0, count)
        .map(([name, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${name}`)
    console.log(`sign-in form visible at ${visibleAt.toFixed(0)} ms`)
    console.log('navigation', nav)
    console.log('marks', marks)
    console.log('resources (start, end, bytes):')
    for (const r of resources)
      console.log(`  ${String(r[1]).padStart(5)} ${String(r[2]).padStart(5)} ${String(r[3]).padStart(8)}  ${r[0]}`)
    console.log('self time by script:\n' + top(byScript, 15).join('\n'))
    console.log('self time by function:\n' + top(byFunction, 40).join('\n'))
    await context.close()
  } finally {
    await browser.close()
    server.kill('SIGTERM')
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
