import type { Page } from '@playwright/test'

/** Page actions a reception worker does, so specs read as their steps. */
export const shell = {
  async open(page: Page, section: string): Promise<void> {
    await page.getByTestId(`nav-${section}`).click()
  },
  async chooseLanguage(page: Page, label: 'English' | 'Čeština'): Promise<void> {
    await page.getByTestId('language-switcher').click()
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
