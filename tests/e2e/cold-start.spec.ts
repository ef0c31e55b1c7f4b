import { readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { expect, test } from './support/frontdesk'
import { signedInAsAdministrator, signOut } from './support/pages'

/** What the sign-in screen may cost; today's first chunks weigh about 640 kB. */
const INITIAL_JS_BUDGET = 800 * 1024
const RENDERER = resolve(__dirname, '../../out/renderer')

/** The entry script and every chunk the built page preloads with it: all the JavaScript a cold start parses. */
function initialScripts(): string[] {
  const html = readFileSync(join(RENDERER, 'index.html'), 'utf8')
  const entry = [...html.matchAll(/<script type="module"[^>]*src="\.\/([^"]+)"/g)].map((match) => match[1])
  const preloaded = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\.\/([^"]+)"/g)].map((match) => match[1])
  return [...entry, ...preloaded]
}

test('the sign-in screen starts with a small first chunk; the sections load when they are opened', async ({
  frontdesk,
}) => {
  const scripts = initialScripts()
  expect(scripts.length).toBeGreaterThan(0)
  const bytes = scripts.reduce((sum, file) => sum + statSync(join(RENDERER, file)).size, 0)
  expect(bytes, `initial JavaScript: ${scripts.join(', ')}`).toBeLessThan(INITIAL_JS_BUDGET)

  const { page } = frontdesk
  await signedInAsAdministrator(page)
  await signOut(page)
  await page.reload()
  await expect(page.getByTestId('sign-in-form')).toBeVisible()
  const loaded = () =>
    page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name.split('/').pop() ?? ''))
  const sections = /^(PeopleRegisterView|PersonView|SettingsView|AuditView|AppShell)-/
  expect((await loaded()).filter((name) => sections.test(name))).toEqual([])
})
