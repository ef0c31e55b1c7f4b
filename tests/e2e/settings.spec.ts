import { expect, test } from './support/frontdesk'
import { ADMINISTRATOR, settings, shell, signIn, signedInAsAdministrator } from './support/pages'

test('the administrator names the centre and picks English, and both survive a restart', async ({ frontdesk }) => {
  const { page } = frontdesk
  await signedInAsAdministrator(page)
  await expect(page.getByRole('heading', { name: 'Evidence osob' })).toBeVisible()
  await frontdesk.screenshot('shell-cs')

  await shell.open(page, 'settings')
  await settings.fill(page, {
    name: 'DDM Jablíčko',
    street: 'Školní 12',
    city: 'Česká Lípa',
    postalCode: '470 01',
    country: 'Česko',
    companyId: '12345678',
  })
  await settings.chooseCurrency(page, 'EUR')
  await settings.chooseDefaultLanguage(page, 'English')
  await page.getByTestId('logo-input').setInputFiles('resources/icon.png')
  await expect(page.getByTestId('logo-preview')).toBeVisible()
  await frontdesk.screenshot('settings-cs-filled')
  await settings.save(page)

  await expect(page.getByText('Settings saved')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Settings', exact: true })).toBeVisible()
  await expect(page.getByTestId('organisation-name')).toHaveText('DDM Jablíčko')
  await frontdesk.screenshot('settings-en')

  await frontdesk.restart()

  // A restart signs everyone out; the sign-in screen already speaks the saved language.
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  await signIn(page, ADMINISTRATOR.username, ADMINISTRATOR.password)
  await expect(page.getByTestId('organisation-name')).toHaveText('DDM Jablíčko')
  await shell.open(page, 'settings')
  await expect(page.getByRole('heading', { name: 'Settings', exact: true })).toBeVisible()
  await expect(page.getByTestId('org-name')).toHaveValue('DDM Jablíčko')
  await expect(page.getByTestId('org-currency')).toContainText('EUR')
  await expect(page.getByTestId('last-saved')).toContainText('Last saved')
  await expect(page.getByTestId('logo-preview')).toHaveAttribute('src', /^data:image\/png;base64,/)
  await expect(page.locator('.app-logo')).toBeVisible()
})

test('an empty name is refused next to the field and nothing is saved', async ({ frontdesk }) => {
  const { page } = frontdesk
  await signedInAsAdministrator(page)
  await shell.chooseLanguage(page, 'English')
  await shell.open(page, 'settings')
  const lastSaved = await page.getByTestId('last-saved').textContent()
  await settings.fill(page, { name: '   ', city: 'Brno', companyId: '12/34' })
  await settings.save(page)

  await expect(page.getByText('Some fields need your attention.')).toBeVisible()
  await expect(page.locator('#org-name-help')).toHaveText('Please fill this in.')
  await expect(page.locator('#org-companyId-help')).toHaveText('Only letters, digits, spaces and dashes.')
  await expect(page.getByTestId('last-saved')).toHaveText(lastSaved!)
  await frontdesk.screenshot('settings-en-field-errors')
})

test('the desk switches between Czech and English at once, on every screen', async ({ frontdesk }) => {
  const { page } = frontdesk
  await signedInAsAdministrator(page)
  await expect(page.getByTestId('nav-people')).toHaveText('Lidé')
  await shell.chooseLanguage(page, 'English')
  await shell.open(page, 'people')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('People')
  await shell.open(page, 'activities')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Activities')
  await expect(page.getByTestId('nav-activities').getByTestId('nav-coming-soon')).toHaveCount(0)
  for (const [section, label] of [
    ['cash-desk', 'Cash desk'],
    ['appointments', 'Appointments'],
    ['messages', 'Messages'],
  ]) {
    await shell.open(page, section)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(label)
    await expect(page.getByRole('heading', { name: 'Coming soon' })).toBeVisible()
    // Not built yet, and the menu says so.
    await expect(page.getByTestId(`nav-${section}`).getByTestId('nav-coming-soon')).toHaveText('Coming soon')
  }
  await frontdesk.screenshot('shell-en')
  await shell.chooseLanguage(page, 'Čeština')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zprávy')
  await expect(page.getByTestId('nav-cash-desk')).toHaveText(/^\s*Pokladna\s*Připravujeme\s*$/)
  await expect(page.getByTestId('nav-people').getByTestId('nav-coming-soon')).toHaveCount(0)
})
