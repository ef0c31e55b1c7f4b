import type { Page } from '@playwright/test'
import { dismissToasts, settingsTabs } from './support/adminPages'
import { expect, test } from './support/frontdesk'
import { callFromPage, settings, shell, signedInAsAdministrator } from './support/pages'
import { centreId, personForm, personInput, personPage, registerByCall } from './support/personPages'

const STALE_EN = 'Someone else changed this record after you opened the form.'
const STALE_CS = 'Záznam mezitím změnil někdo jiný.'

/** What another desk sends: a save over the version stored right now. */
async function elsewhere<T>(
  page: Page,
  read: [string, unknown],
  save: (current: T) => [string, unknown],
): Promise<void> {
  const current = (await callFromPage(page, ...read)) as unknown as { data: T }
  const [name, input] = save(current.data)
  expect(await callFromPage(page, name, input), name).toMatchObject({ ok: true })
}

test('a record changed at another desk while it was being edited: the save is refused and the typed notes stay', async ({
  frontdesk,
}) => {
  const { page } = frontdesk
  await page.setViewportSize({ width: 1366, height: 768 })
  await shell.chooseLanguage(page, 'English')
  await signedInAsAdministrator(page)
  const unitId = await centreId(page)
  const jana = await registerByCall(page, personInput(unitId))

  await personPage.open(page, jana.person.id)
  await personPage.edit(page)
  await personForm.fill(page, { notes: 'Picks up at 3 pm' })
  await elsewhere<{ person: { version: number } }>(page, ['people/get', { id: jana.person.id }], (file) => [
    'people/update',
    {
      id: jana.person.id,
      person: personInput(unitId, { notes: 'Grandma picks up' }),
      expectedVersion: file.person.version,
    },
  ])
  await personForm.save(page)
  // Said above the form, brought into view from the Save button at its foot.
  await expect(page.getByTestId('person-form-problem')).toContainText(STALE_EN)
  await expect(page.getByTestId('person-form-problem')).toBeInViewport({ ratio: 1 })
  await expect(page.locator('#person-notes')).toHaveValue('Picks up at 3 pm')
  await frontdesk.screenshot('person-stale-en')

  // Cancel shows what the other desk saved; an edit opened now saves, and saves again.
  await page.getByTestId('person-cancel').click()
  await expect(page.getByTestId('person-notes-view')).toHaveText('Grandma picks up')
  for (const notes of ['Grandma picks up at 3 pm', 'Grandma or mother pick up']) {
    await personPage.edit(page)
    await personForm.fill(page, { notes })
    await personForm.save(page)
    await expect(page.getByTestId('person-notes-view')).toHaveText(notes)
  }

  await shell.chooseLanguage(page, 'Čeština')
  await personPage.edit(page)
  await personForm.fill(page, { notes: 'Vyzvedává ve 3' })
  await elsewhere<{ person: { version: number } }>(page, ['people/get', { id: jana.person.id }], (file) => [
    'people/update',
    {
      id: jana.person.id,
      person: personInput(unitId, { notes: 'Vyzvedává babička' }),
      expectedVersion: file.person.version,
    },
  ])
  await personForm.save(page)
  await expect(page.getByTestId('person-form-problem')).toContainText(STALE_CS)
  await expect(page.getByTestId('person-form-problem')).toBeInViewport({ ratio: 1 })
  await dismissToasts(page)
  await expect(page.locator('#person-notes')).toHaveValue('Vyzvedává ve 3')
  await frontdesk.screenshot('person-stale-cs')
})

test('the settings save twice from one screen; a save over another desk’s change keeps what was typed', async ({
  frontdesk,
}) => {
  const { page } = frontdesk
  await shell.chooseLanguage(page, 'English')
  await signedInAsAdministrator(page)
  await shell.open(page, 'settings')

  for (const street of ['Školní 12', 'Školní 14']) {
    await settings.fill(page, { street })
    await settings.save(page)
    await expect(page.getByText('Settings saved')).toBeVisible()
    await dismissToasts(page)
  }
  await elsewhere<{ version: number; updatedAt: string }>(page, ['settings/get-organisation', {}], (stored) => {
    const { version, updatedAt: _updatedAt, ...organisation } = stored
    return ['settings/update-organisation', { ...organisation, city: 'Liberec', expectedVersion: version }]
  })
  await settings.fill(page, { city: 'Česká Lípa' })
  await settings.save(page)
  await expect(page.locator('.p-toast-message')).toContainText(STALE_EN)
  await expect(page.getByTestId('org-city')).toHaveValue('Česká Lípa')
  await dismissToasts(page)

  await settingsTabs.open(page, 'security')
  for (const minutes of ['15', '20']) {
    await page.getByTestId('security-auto-lock').fill(minutes)
    await page.getByTestId('security-save').click()
    await expect(page.getByText(`Automatic lock set to ${minutes} minutes`)).toBeVisible()
    await dismissToasts(page)
  }
  await elsewhere<{ version: number }>(page, ['settings/get-security', {}], (security) => [
    'settings/update-security',
    { autoLockMinutes: 30, expectedVersion: security.version },
  ])
  await page.getByTestId('security-auto-lock').fill('45')
  await page.getByTestId('security-save').click()
  await expect(page.locator('.p-toast-message')).toContainText(STALE_EN)
  await expect(page.getByTestId('security-auto-lock')).toHaveValue('45')
})
