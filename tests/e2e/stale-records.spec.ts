import type { Page } from '@playwright/test'
import { dismissToasts, settingsTabs, units } from './support/adminPages'
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
  // The typed notes are work too: the desk asks before dropping them.
  await page.getByTestId('person-cancel').click()
  await page.getByTestId('discard-confirm').click()
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

test('a unit renamed at another desk meanwhile: the dialog keeps the typed name, and opened again it starts from the new one', async ({
  frontdesk,
}) => {
  const { page } = frontdesk
  await page.setViewportSize({ width: 1366, height: 768 })
  await shell.chooseLanguage(page, 'English')
  await signedInAsAdministrator(page)
  await shell.open(page, 'settings')
  await settingsTabs.open(page, 'units')
  await units.addSubUnit(page, 'DDM Jablíčko', 'Sport')
  await dismissToasts(page)

  await units.row(page, 'Sport').getByTestId('unit-rename').click()
  const dialog = page.getByTestId('unit-name-dialog')
  await page.getByTestId('unit-name').fill('Sport and games')
  type Unit = { id: number; name: string; version: number }
  await elsewhere<Unit[]>(page, ['units/list', {}], (list) => {
    const sport = list.find((unit) => unit.name === 'Sport')!
    return ['units/rename', { id: sport.id, name: 'Sports', expectedVersion: sport.version }]
  })
  await page.getByTestId('unit-name-save').click()
  await expect(page.getByTestId('unit-name-problem')).toContainText(STALE_EN)
  await expect(page.getByTestId('unit-name')).toHaveValue('Sport and games')
  await frontdesk.screenshot('unit-stale-en')

  // Behind the dialog the tree already shows the other desk's name; a rename from it goes through.
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await page.getByTestId('discard-confirm').click()
  await expect(units.row(page, 'Sports')).toBeVisible()
  await units.row(page, 'Sports').getByTestId('unit-rename').click()
  await expect(page.getByTestId('unit-name')).toHaveValue('Sports')
  await page.getByTestId('unit-name').fill('Sport and games')
  await page.getByTestId('unit-name-save').click()
  await expect(dialog).toBeHidden()
  await expect(units.row(page, 'Sport and games')).toBeVisible()
})
