import type { Browser } from '@playwright/test'

/**
 * Records in `window.signInVisibleAt` the moment, after navigation start, that the sign-in form is
 * first laid out on screen, checked every frame. A string, not a function: tsx (the bench) would
 * wrap a function in helpers the page lacks.
 */
export const RECORD_SIGN_IN_VISIBLE = `
  const poll = () => {
    const form = document.querySelector('[data-testid="sign-in-form"]')
    if (form && form.getBoundingClientRect().height > 0) window.signInVisibleAt = performance.now()
    else requestAnimationFrame(poll)
  }
  requestAnimationFrame(poll)
`

export interface ColdStart {
  /** Navigation start → the sign-in form on screen (wall clock). */
  ms: number
  /**
   * CPU time the page's main thread spent until then: the work the start costs, which other
   * processes on a busy machine stretch far less than the wall clock.
   */
  cpuMs: number
  /** JavaScript the page loaded. */
  scriptBytes: number
}

/** One cold start in a fresh context (no cache, no session). */
export async function coldStart(browser: Browser, url: string): Promise<ColdStart> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } })
  try {
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' })
    await page.addInitScript(RECORD_SIGN_IN_VISIBLE)
    await page.goto(url)
    await page.waitForFunction(() => 'signInVisibleAt' in globalThis, null, { timeout: 30_000 })
    const { metrics } = await cdp.send('Performance.getMetrics')
    const cpuMs = 1000 * (metrics.find((metric) => metric.name === 'ThreadTime')?.value ?? NaN)
    const ms = Number(await page.evaluate('window.signInVisibleAt'))
    const scriptBytes = Number(
      await page.evaluate(`performance.getEntriesByType('resource')
        .filter((entry) => entry.name.endsWith('.js'))
        .reduce((sum, entry) => sum + entry.decodedBodySize, 0)`),
    )
    return { ms, cpuMs, scriptBytes }
  } finally {
    await context.close()
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
