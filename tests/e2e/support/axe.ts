import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

/** The rules the product promises: WCAG 2.1, levels A and AA. */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/** Waits until nothing on the page is still fading or sliding: half-faded text fails contrast for no reason. */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined)))
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
  })
}

/**
 * Checks the whole page as it stands with axe-core and records every violation under the screen's
 * name. Soft, so one run lists every screen's problems; the test still fails on any of them.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await settled(page)
  // Legacy mode runs in the page itself: the fixture's page owns its context, where axe cannot open a helper page.
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).setLegacyMode(true).analyze()
  const found = violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}\n` +
      violation.nodes.map((node) => `    ${node.target.join(' ')} — ${node.failureSummary ?? ''}`).join('\n'),
  )
  expect.soft(found, `axe on "${screen}"`).toEqual([])
}
