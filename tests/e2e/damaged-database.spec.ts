import { openSync, writeSync, closeSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from './support/frontdesk'
import { ADMINISTRATOR, settings, shell, signIn, signedInAsAdministrator } from './support/pages'

test('a damaged data file opens read-only and a backup brings the centre back', async ({ frontdesk }) => {
  const { page } = frontdesk
  await signedInAsAdministrator(page)
  await shell.chooseLanguage(page, 'English')
  await shell.open(page, 'settings')
  await settings.fill(page, { name: 'DDM Před poškozením' })
  await settings.save(page)
  await expect(page.getByText('Settings saved')).toBeVisible()
  // The next start finds no recent backup and takes the daily one.
  await frontdesk.restart()
  await frontdesk.stop()

  const file = openSync(join(frontdesk.dataDir, 'frontdesk.sqlite'), 'r+')
  writeSync(file, Buffer.from('this is not a database file'), 0, 16, 0)
  closeSync(file)
  await frontdesk.start()
  // A file this damaged cannot even tell its language; the desk picks it (a new preview port is a new origin).
  await expect(page.getByTestId('database-problem')).toContainText('Datový soubor je poškozený')
  await frontdesk.screenshot('damaged-database-cs')
  await shell.chooseLanguage(page, 'English')
  await expect(page.getByTestId('database-problem')).toContainText('The data file is damaged')
  await frontdesk.screenshot('damaged-database-en')
  await page.getByRole('button', { name: 'Restore a backup…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Restore a backup' })
  await expect(dialog.getByTestId('backup-table')).toContainText('daily')
  await frontdesk.screenshot('restore-dialog-en')
  await dialog.getByRole('button', { name: 'Restore this one' }).first().click()

  await expect(page.getByText('The backup was restored')).toBeVisible()
  await expect(page.getByTestId('database-problem')).toHaveCount(0)
  // The restored file knows its staff again: the administrator signs in as before.
  await signIn(page, ADMINISTRATOR.username, ADMINISTRATOR.password)
  await expect(page.getByTestId('organisation-name')).toHaveText('DDM Před poškozením')
})
