import { expect, test } from './support/frontdesk'
import { shell, signedInAsAdministrator } from './support/pages'
import { personPage } from './support/personPages'

/** Typed work is never lost, and the cursor is where the next key goes. */

test.beforeEach(async ({ frontdesk }) => {
  await frontdesk.page.setViewportSize({ width: 1366, height: 768 })
})

test('a half-filled person form survives a wrong click on a menu item, Esc and a reload', async ({ frontdesk }) => {
  const { page } = frontdesk
  await shell.chooseLanguage(page, 'English')
  await signedInAsAdministrator(page)
  await personPage.openNew(page)

  // The cursor is in the first name already.
  await expect(page.locator('#person-firstName')).toBeFocused()
  await page.keyboard.type('Jana')
  await page.locator('#person-lastName').fill('Nováková')

  // A wrong click: the question comes, Keep editing is the default, Enter keeps the work.
  await page.getByTestId('nav-settings').click()
  const dialog = page.getByTestId('discard-dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText('Discard changes?')
  await expect(page.getByTestId('discard-keep')).toBeFocused()
  await frontdesk.screenshot('desk-discard-dialog-en')
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(page).toHaveURL(/#\/people\/new$/)
  await expect(page.locator('#person-firstName')).toHaveValue('Jana')
  await expect(page.locator('#person-lastName')).toHaveValue('Nováková')
  // Back in the field it was in.
  await expect(page.locator('#person-lastName')).toBeFocused()

  // Esc in the form asks the same; Esc on the question keeps editing.
  await page.keyboard.press('Escape')
  await expect(dialog).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(page.locator('#person-lastName')).toHaveValue('Nováková')

  // Closing or reloading the window: the page tells the browser (or Electron) to ask first.
  const unloadAsks = () =>
    page.evaluate(() => {
      const event = new Event('beforeunload', { cancelable: true })
      window.dispatchEvent(event)
      return event.defaultPrevented
    })
  expect(await unloadAsks()).toBe(true)

  // Discard leaves.
  await page.getByTestId('nav-settings').click()
  await page.getByTestId('discard-confirm').click()
  await expect(page.getByTestId('organisation-form')).toBeVisible()

  // Typing and deleting back is no change: nothing to ask.
  await personPage.openNew(page)
  await page.locator('#person-firstName').fill('Jana')
  await page.locator('#person-firstName').fill('')
  await page.getByTestId('nav-settings').click()
  await expect(page.getByTestId('organisation-form')).toBeVisible()
  await expect(dialog).toBeHidden()
  expect(await unloadAsks()).toBe(false)
})
