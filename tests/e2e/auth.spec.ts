import { expect, test } from './support/frontdesk'
import {
  addReceptionist,
  ADMINISTRATOR,
  callFromPage,
  RECEPTIONIST,
  settings,
  shell,
  signIn,
  signedInAsAdministrator,
  signOut,
} from './support/pages'

test('the first start creates the administrator; a wrong password and an unknown name get the same answer', async ({
  frontdesk,
}) => {
  const { page } = frontdesk
  await expect(page.getByRole('heading', { name: 'Vítejte ve Frontdesku' })).toBeVisible()
  await frontdesk.screenshot('first-run-cs')
  await shell.chooseLanguage(page, 'English')
  await expect(page.getByRole('heading', { name: 'Welcome to Frontdesk' })).toBeVisible()
  await page.getByTestId('setup-submit').click()
  await expect(page.locator('#setup-centre-help')).toHaveText('Please fill this in.')
  await frontdesk.screenshot('first-run-en-errors')

  await signedInAsAdministrator(page)
  await signOut(page)
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()

  await signIn(page, ADMINISTRATOR.username, 'not the password')
  await expect(page.getByTestId('sign-in-problem')).toHaveText('Wrong username or password.')
  await signIn(page, 'nobody-here', 'not the password')
  await expect(page.getByTestId('sign-in-problem')).toHaveText('Wrong username or password.')
  await frontdesk.screenshot('sign-in-en-refused')
  await shell.chooseLanguage(page, 'Čeština')
  await frontdesk.screenshot('sign-in-cs')

  await signIn(page, ADMINISTRATOR.username.toUpperCase(), ADMINISTRATOR.password)
  await expect(page.getByTestId('user-menu')).toContainText(ADMINISTRATOR.name)
})

test('a reception worker sees no Settings, cannot open them, and main refuses the commands behind them', async ({
  frontdesk,
}) => {
  const { page } = frontdesk
  await signedInAsAdministrator(page)
  await addReceptionist(page)
  await signOut(page)
  await signIn(page, RECEPTIONIST.username, RECEPTIONIST.password)
  await expect(page.getByTestId('user-menu')).toContainText(RECEPTIONIST.name)

  await expect(page.getByTestId('nav-people')).toBeVisible()
  await expect(page.getByTestId('nav-settings')).toHaveCount(0)
  await expect(page.getByTestId('nav-audit')).toHaveCount(0)
  await page.evaluate(() => (location.hash = '#/settings'))
  await expect(page).toHaveURL(/#\/people$/)
  await frontdesk.screenshot('reception-shell-cs')

  // Hiding is comfort; main decides. The same calls a tampered page could make are refused.
  const organisation = {
    name: 'Hijacked',
    street: '',
    city: '',
    postalCode: '',
    country: '',
    companyId: '',
    logo: null,
    currency: 'CZK',
    language: 'cs',
    expectedVersion: 1,
  }
  expect(await callFromPage(page, 'settings/update-organisation', organisation)).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  })
  expect(
    await callFromPage(page, 'staff/create', { displayName: 'X', username: 'xx', password: '12345678' }),
  ).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  })
  expect(await callFromPage(page, 'audit/search', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
})

test('an idle desk locks itself, and unlocking returns to the same half-filled form', async ({ frontdesk }) => {
  const { page } = frontdesk
  await page.clock.install()
  await signedInAsAdministrator(page)
  await shell.chooseLanguage(page, 'English')
  await shell.open(page, 'settings')
  await settings.fill(page, { name: 'Half-typed name of the cent' })
  // A key pressed is activity: the countdown starts again from the full ten minutes.
  await page.getByTestId('org-name').press('End')
  await expect(page.getByTestId('auto-lock-countdown')).toContainText('Locks in 10:00')

  await page.clock.fastForward('09:30')
  await expect(page.getByTestId('auto-lock-countdown')).toContainText('Locks in 0:30')
  await frontdesk.screenshot('countdown-en')
  await page.clock.fastForward('00:31')
  await expect(page.getByTestId('lock-screen')).toBeVisible()
  await expect(page.getByText(`${ADMINISTRATOR.name} is signed in.`)).toBeVisible()
  await frontdesk.screenshot('lock-en')

  // While locked, main refuses everything but unlocking.
  expect(await callFromPage(page, 'settings/get-security', {})).toMatchObject({
    ok: false,
    error: { code: 'SESSION_LOCKED' },
  })
  await page.locator('#unlock-password').fill('wrong password')
  await page.getByTestId('unlock-submit').click()
  await expect(page.getByTestId('unlock-problem')).toHaveText('Wrong username or password.')
  await shell.chooseLanguage(page, 'Čeština')
  await frontdesk.screenshot('lock-cs')
  await page.locator('#unlock-password').fill(ADMINISTRATOR.password)
  await page.getByTestId('unlock-submit').click()

  await expect(page.getByTestId('lock-screen')).toHaveCount(0)
  await expect(page.getByTestId('org-name')).toHaveValue('Half-typed name of the cent')
  await expect(page.getByTestId('unsaved')).toBeVisible()
})

test('another staff member can take over a locked desk; the first one is warned their unsaved input goes', async ({
  frontdesk,
}) => {
  const { page } = frontdesk
  await signedInAsAdministrator(page)
  await addReceptionist(page)
  await shell.chooseLanguage(page, 'English')
  await shell.open(page, 'settings')
  await settings.fill(page, { name: 'Unsaved by Alena' })
  await page.getByTestId('user-menu').click()
  await page.getByRole('menuitem', { name: 'Lock the desk' }).click()

  await page.getByTestId('other-user').click()
  await expect(page.getByText(`Whatever ${ADMINISTRATOR.name} has not saved will be lost.`)).toBeVisible()
  await frontdesk.screenshot('lock-other-user-en')
  await signIn(page, RECEPTIONIST.username, RECEPTIONIST.password)

  await expect(page.getByTestId('lock-screen')).toHaveCount(0)
  await expect(page.getByTestId('user-menu')).toContainText(RECEPTIONIST.name)
  await expect(page).toHaveURL(/#\/people$/)
  await expect(page.getByTestId('org-name')).toHaveCount(0)
})
