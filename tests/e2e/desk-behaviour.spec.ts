import { expect, test } from './support/frontdesk'
import { ADMINISTRATOR, shell, signedInAsAdministrator, signOut } from './support/pages'
import { centreId, childInput, familyLinkDialog, personInput, personPage, registerByCall } from './support/personPages'

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
  await shell.chooseLanguage(page, 'Čeština')
  await page.getByTestId('nav-settings').click()
  await expect(dialog).toContainText('Zahodit změny?')
  await frontdesk.screenshot('desk-discard-dialog-cs')
  await page.getByTestId('discard-keep').click()
  await shell.chooseLanguage(page, 'English')
  await page.locator('#person-lastName').click()
  await page.getByTestId('nav-settings').click()
  await expect(dialog).toBeVisible()
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

test('the cursor is where the next key goes: sign-in, the skip link, the lock shortcut, unlock, dialogs', async ({
  frontdesk,
}) => {
  const { page } = frontdesk
  await shell.chooseLanguage(page, 'English')
  await signedInAsAdministrator(page)
  await signOut(page)

  // Sign-in starts in the username; an empty field is marked where it is and gets the cursor.
  const username = page.locator('#sign-in-username')
  const password = page.locator('#sign-in-password')
  await expect(username).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(username).toHaveAttribute('aria-invalid', 'true')
  await expect(page.locator('#sign-in-username-help')).toHaveText('Please fill this in.')
  await expect(username).toBeFocused()
  await frontdesk.screenshot('desk-sign-in-marked-en')
  await shell.chooseLanguage(page, 'Čeština')
  await expect(page.locator('#sign-in-username-help')).toHaveText('Vyplňte prosím.')
  await frontdesk.screenshot('desk-sign-in-marked-cs')
  await shell.chooseLanguage(page, 'English')
  await username.focus()
  await page.keyboard.type(ADMINISTRATOR.username)
  await expect(username).not.toHaveAttribute('aria-invalid', 'true')
  await page.keyboard.press('Enter')
  await expect(password).toHaveAttribute('aria-invalid', 'true')
  await expect(password).toBeFocused()
  await page.keyboard.type(ADMINISTRATOR.password)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('user-menu')).toBeVisible()
  // Signed in, the register opens with the cursor in its search field.
  await expect(page.getByTestId('register-search')).toBeFocused()

  // The first Tab stop from the top of the page skips the navigation.
  await page.evaluate(() => {
    // Focus the page itself, as a fresh page has it: Tab then starts from the top.
    document.body.tabIndex = -1
    document.body.focus()
    document.body.removeAttribute('tabindex')
  })
  await page.keyboard.press('Tab')
  const skip = page.getByTestId('skip-link')
  await expect(skip).toBeFocused()
  await expect(skip).toBeInViewport()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('main-content')).toBeFocused()

  // The lock shortcut is shown next to Lock in the user menu.
  await page.getByTestId('user-menu').click()
  await expect(page.getByRole('menuitem', { name: /Lock the desk/ })).toContainText('Ctrl+Shift+L')
  await frontdesk.screenshot('desk-user-menu-en')
  await page.keyboard.press('Escape')
  await shell.chooseLanguage(page, 'Čeština')
  await page.getByTestId('user-menu').click()
  await expect(page.getByRole('menuitem', { name: /Zamknout/ })).toContainText('Ctrl+Shift+L')
  await frontdesk.screenshot('desk-user-menu-cs')
  await page.keyboard.press('Escape')
  await shell.chooseLanguage(page, 'English')

  // Locked from a half-typed field, unlocked back into it.
  await personPage.openNew(page)
  await expect(page.locator('#person-firstName')).toBeFocused()
  await page.keyboard.type('Ja')
  await page.keyboard.press('Control+Shift+L')
  await expect(page.getByTestId('lock-screen')).toBeVisible()
  await expect(page.locator('#unlock-password')).toBeFocused()
  await page.keyboard.type(ADMINISTRATOR.password)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('lock-screen')).toBeHidden()
  await expect(page.locator('#person-firstName')).toBeFocused()
  await page.keyboard.type('na')
  await expect(page.locator('#person-firstName')).toHaveValue('Jana')
  await page.getByTestId('person-cancel').click()
  await page.getByTestId('discard-confirm').click()

  // A dialog opens in its first field, keeps Tab inside, asks before dropping what was typed,
  // and gives the focus back to what opened it.
  const menuButton = page.getByTestId('user-menu')
  await menuButton.focus()
  await page.keyboard.press('Enter')
  await page.getByRole('menuitem', { name: /Change password/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Change password' })
  await expect(page.locator('#current-password')).toBeFocused()
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab')
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true)
  }
  await page.locator('#current-password').fill('something')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('discard-dialog')).toBeVisible()
  await page.getByTestId('discard-confirm').click()
  await expect(dialog).toBeHidden()
  await expect(menuButton).toBeFocused()
})

test('Enter picks the first hit of a person picker; the save bar never hides the field being typed in', async ({
  frontdesk,
}) => {
  const { page } = frontdesk
  await shell.chooseLanguage(page, 'English')
  await signedInAsAdministrator(page)
  const unitId = await centreId(page)
  const jana = await registerByCall(page, personInput(unitId))
  await registerByCall(page, childInput(unitId, { firstName: 'Eliška', birthDate: '2015-09-03' }))

  // The picker opens in its field, highlights the first hit as it comes, and Enter takes it.
  await personPage.open(page, jana.person.id)
  const opener = page.getByTestId('family-link-existing')
  await opener.focus()
  await page.keyboard.press('Enter')
  const dialog = familyLinkDialog.dialog(page)
  await expect(page.locator('#family-person')).toBeFocused()
  await page.keyboard.type('Eliška')
  await expect(page.getByRole('option').first()).toHaveAttribute('data-p-focused', 'true')
  await page.keyboard.press('Enter')
  await expect(page.locator('#family-person')).toHaveValue('Eliška Nováková')
  // Tab stays in the dialog; Esc with a person picked asks; Keep editing keeps the pick.
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab')
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true)
  }
  await page.getByTestId('family-link-dialog').getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  await expect(opener).toBeFocused()

  // A long form: every field the cursor moves to stays clear of the sticky save bar.
  await personPage.openNew(page)
  const name = page.locator('#person-firstName')
  await page.keyboard.type('J'.repeat(100))
  await expect(name).toHaveValue('J'.repeat(80))
  const bar = page.locator('.person-form-footer')
  let checked = 0
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab')
    const hidden = await page.evaluate(() => {
      const field = document.activeElement!
      const footer = document.querySelector('.person-form-footer')!
      // The save bar's own buttons: every field before them has been checked.
      if (footer.contains(field)) return null
      return field.getBoundingClientRect().bottom > footer.getBoundingClientRect().top
    })
    if (hidden === null) break
    expect(hidden, `field ${i + 1} under the save bar`).toBe(false)
    checked++
  }
  expect(checked).toBeGreaterThan(15)
  await expect(bar).toBeVisible()
})
