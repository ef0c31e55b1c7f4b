import { expect, type Page } from '@playwright/test'

export const ADMINISTRATOR = { name: 'Alena Správcová', username: 'alena', password: 'kočka-leze-dírou-7' }

/** The first start of a fresh data file: the centre and its administrator, who is then signed in. */
export async function signedInAsAdministrator(page: Page, centre = 'DDM Jablíčko'): Promise<void> {
  await page.getByTestId('setup-centre').fill(centre)
  await page.getByTestId('setup-name').fill(ADMINISTRATOR.name)
  await page.getByTestId('setup-username').fill(ADMINISTRATOR.username)
  await page.locator('#setup-password').fill(ADMINISTRATOR.password)
  await page.locator('#setup-password-again').fill(ADMINISTRATOR.password)
  await page.getByTestId('setup-submit').click()
  await expect(page.getByTestId('user-menu')).toContainText(ADMINISTRATOR.name)
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId('sign-in-username').fill(username)
  await page.locator('#sign-in-password').fill(password)
  await page.getByTestId('sign-in-submit').click()
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click()
  await page.getByRole('menuitem', { name: /Sign out|Odhlásit/ }).click()
}

/** Page actions a reception worker does, so specs read as their steps. */
export const shell = {
  async open(page: Page, section: string): Promise<void> {
    await page.getByTestId(`nav-${section}`).click()
    // Sections load their code when first opened: wait until this one is on screen before the next click.
    await expect(page).toHaveURL(new RegExp(`#/${section}([?/]|$)`))
  },
  async chooseLanguage(page: Page, label: 'English' | 'Čeština'): Promise<void> {
    // The lock screen brings its own switcher, in front of the (inert) one in the header.
    await page.getByTestId('language-switcher').last().click()
    await page.getByRole('option', { name: label }).click()
  },
}

export const settings = {
  async fill(
    page: Page,
    values: Partial<Record<'name' | 'street' | 'city' | 'postalCode' | 'country' | 'companyId', string>>,
  ) {
    for (const [field, value] of Object.entries(values)) await page.getByTestId(`org-${field}`).fill(value ?? '')
  },
  async chooseDefaultLanguage(page: Page, label: 'English' | 'Čeština'): Promise<void> {
    await page.getByTestId('org-language').click()
    await page.getByRole('option', { name: label }).click()
  },
  async chooseCurrency(page: Page, code: string): Promise<void> {
    await page.getByTestId('org-currency').click()
    await page.getByRole('option', { name: new RegExp(`\\(${code}\\)`) }).click()
  },
  async save(page: Page): Promise<void> {
    await page.getByTestId('org-save').click()
  },
}

export const RECEPTIONIST = { name: 'Radka Recepční', username: 'radka', password: 'pondělí-ráno-42' }

/** Calls main through the page's own channel, as a tampered renderer could: main must still decide. */
export async function callFromPage(
  page: Page,
  name: string,
  input: unknown,
): Promise<{ ok: boolean; error?: { code: string } }> {
  return page.evaluate(([n, i]) => window.api.call(n as string, i), [name, input] as const) as Promise<{
    ok: boolean
    error?: { code: string }
  }>
}

/** The administrator adds a reception worker with the Reception role over the whole centre. */
export async function addReceptionist(page: Page): Promise<void> {
  const data = async <T>(name: string, input: unknown): Promise<T> => {
    const result = (await callFromPage(page, name, input)) as { ok: boolean; data?: T }
    expect(result.ok, name).toBe(true)
    return result.data as T
  }
  const [centre] = await data<{ id: number }[]>('units/list', {})
  const roles = await data<{ id: number; name: string }[]>('roles/list', {})
  const reception = roles.find((role) => role.name === 'Recepce' || role.name === 'Reception')!
  const user = await data<{ id: number }>('staff/create', {
    displayName: RECEPTIONIST.name,
    username: RECEPTIONIST.username,
    password: RECEPTIONIST.password,
  })
  await data('staff/grant-role', { userId: user.id, roleId: reception.id, unitId: centre.id, includeSubUnits: true })
}
