import type { Page } from '@playwright/test'
import { expect, test } from './support/frontdesk'
import { shell, signedInAsAdministrator } from './support/pages'

/** Sort headers whose label and icon do not fit their column (the column cuts them off). */
async function clippedSortHeaders(page: Page): Promise<string[]> {
  return page.getByRole('columnheader').evaluateAll((headers) =>
    headers
      .filter((header) => {
        const button = header.querySelector('button')
        if (!button) return false
        const cell = header.getBoundingClientRect()
        const content = button.getBoundingClientRect()
        return header.scrollWidth > header.clientWidth || content.right > cell.right + 0.5
      })
      .map((header) => header.textContent?.trim() ?? ''),
  )
}

test('every sort header of the register shows its label and icon whole at 1366×768, in English and Czech', async ({
  frontdesk,
}) => {
  const { page } = frontdesk
  await page.setViewportSize({ width: 1366, height: 768 })
  await shell.chooseLanguage(page, 'English')
  await signedInAsAdministrator(page)
  await expect(page.getByRole('columnheader', { name: 'Age' })).toBeVisible()
  expect(await clippedSortHeaders(page)).toEqual([])
  await frontdesk.screenshot('register-headers-en')

  await shell.chooseLanguage(page, 'Čeština')
  await expect(page.getByRole('columnheader', { name: 'Věk' })).toBeVisible()
  expect(await clippedSortHeaders(page)).toEqual([])
  await frontdesk.screenshot('register-headers-cs')
})
