import { expect, test } from './support/frontdesk'
import { ADMINISTRATOR, callFromPage, shell, signedInAsAdministrator } from './support/pages'
import { createPerson, palette, register } from './support/peoplePages'

/** Full years on this computer's today, as main computes them. */
function ageOn(birthDate: string, today = new Date()): number {
  const [year, month, day] = birthDate.split('-').map(Number)
  const before = today.getMonth() + 1 < month || (today.getMonth() + 1 === month && today.getDate() < day)
  return today.getFullYear() - year - (before ? 1 : 0)
}

test('reception finds people in the register and from any screen with Ctrl+K, in English and Czech', async ({
  frontdesk,
}) => {
  const { page } = frontdesk
  await shell.chooseLanguage(page, 'English')
  await signedInAsAdministrator(page)
  await expect(page.getByRole('heading', { name: 'People' })).toBeVisible()
  await expect(page.getByTestId('register-empty')).toHaveText('Nobody is registered yet.')

  const eliska = await createPerson(page, {
    firstName: 'Eliška',
    lastName: 'Nováková',
    birthDate: '2015-09-03',
    member: true,
    phone: '777 123 456',
  })
  const jana = await createPerson(page, {
    firstName: 'Jana',
    lastName: 'Nováková',
    birthDate: '1986-04-12',
    email: 'jana.novakova@example.cz',
    guardianOf: eliska,
  })
  const petr = await createPerson(page, { firstName: 'Petr', lastName: 'Novák', birthDate: '2012-05-20' })
  const adam = await createPerson(page, {
    firstName: 'Adam',
    lastName: 'Dvořák',
    birthDate: '2016-01-15',
    member: true,
  })
  const anna = await createPerson(page, { firstName: 'Anna', lastName: 'Chalupová', birthDate: '2014-11-30' })
  const tomas = await createPerson(page, { firstName: 'Tomáš', lastName: 'Horák', birthDate: '2013-02-02' })

  // Back on the register, it reads the list again: everyone, by surname in English order.
  await shell.open(page, 'audit')
  await shell.open(page, 'people')
  await expect(register.count(page)).toContainText('6')
  await expect(register.rows(page)).toHaveCount(6)
  await expect(register.rows(page).first()).toContainText('Chalupová Anna')
  await expect(register.row(page, eliska)).toContainText('03/09/2015')
  await expect(register.row(page, eliska)).toContainText('Member')
  await expect(register.row(page, eliska)).toContainText('777 123 456')
  await expect(register.row(page, petr)).toContainText('—')
  await expect(page.getByTestId('register-new')).toHaveText('New person')
  await frontdesk.screenshot('register-en')

  // The register's own search: "novak" finds the Nováks without diacritics.
  await register.search(page, 'novak')
  await expect(register.hits(page).filter({ hasText: 'Nováková Eliška' })).toHaveCount(1)
  await expect(register.hits(page).filter({ hasText: 'Novák Petr' })).toHaveCount(1)
  // A parent's name finds her child too, and says through whom.
  await register.search(page, 'jana novakova')
  await expect(page.getByTestId(`search-hit-${eliska}`)).toContainText('Child of Jana Nováková')
  await frontdesk.screenshot('register-search-en')
  // Esc clears; Enter opens the first hit.
  await page.getByTestId('register-search').press('Escape')
  await expect(page.getByTestId('register-search')).toHaveValue('')
  await register.search(page, 'petr novak')
  await expect(register.hits(page).first()).toContainText('Novák Petr')
  await page.getByTestId('register-search').press('Enter')
  await expect(page).toHaveURL(new RegExp(`#/people/${petr}$`))

  // Back on the list, which kept its filters; the membership filter narrows it.
  await page.goBack()
  await expect(register.rows(page)).toHaveCount(6)
  await register.chooseMembership(page, 'Members')
  await expect(register.rows(page)).toHaveCount(2)
  await expect(register.count(page)).toContainText('2')
  await expect(register.row(page, adam)).toBeVisible()
  await expect(register.row(page, eliska)).toBeVisible()
  await register.chooseMembership(page, 'Non-members')
  await expect(register.rows(page)).toHaveCount(4)
  await expect(register.row(page, jana)).toBeVisible()
  await register.chooseMembership(page, 'Everyone')
  await expect(register.rows(page)).toHaveCount(6)

  // Age from–to, typed digit by digit; one click clears every filter.
  const births = ['2015-09-03', '1986-04-12', '2012-05-20', '2016-01-15', '2014-11-30', '2013-02-02']
  await page.locator('#register-min-age').pressSequentially('10')
  await page.locator('#register-max-age').pressSequentially('12')
  const aged = births.filter((birth) => ageOn(birth) >= 10 && ageOn(birth) <= 12)
  await expect(register.rows(page)).toHaveCount(aged.length)
  await expect(register.row(page, jana)).toHaveCount(0)
  await page.getByTestId('register-clear').click()
  await expect(register.rows(page)).toHaveCount(6)
  await expect(page.locator('#register-min-age')).toHaveValue('')

  // The keyboard way through the list: ArrowDown from the empty search field, then Enter.
  await page.getByTestId('register-search').focus()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByTestId('register-table')).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`#/people/${adam}$`))

  // The palette, from another screen: type, arrow down to the second hit, Enter opens it.
  await shell.open(page, 'settings')
  await palette.open(page)
  await palette.input(page).fill('novak')
  await expect(palette.hits(page)).toHaveCount(3)
  await expect(palette.hits(page).first()).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('ArrowDown')
  const second = palette.hits(page).nth(1)
  await expect(second).toHaveAttribute('aria-selected', 'true')
  await expect(palette.input(page)).toHaveAttribute('aria-activedescendant', (await second.getAttribute('id')) ?? '')
  const secondId = await palette.idOf(second)
  await frontdesk.screenshot('search-palette-en')
  await page.keyboard.press('Enter')
  await expect(palette.root(page)).toBeHidden()
  await expect(page).toHaveURL(new RegExp(`#/people/${secondId}$`))

  // The header's button opens it too; a phone number finds the person and shows the number; Esc closes.
  await page.getByTestId('search-open').click()
  await expect(palette.input(page)).toBeFocused()
  await palette.input(page).fill('777 123')
  await expect(palette.hits(page)).toHaveCount(1)
  await expect(palette.hits(page).first()).toContainText('777 123 456')
  await page.keyboard.press('Escape')
  await expect(palette.root(page)).toBeHidden()

  // The desk locks under an open palette (main locked it; the next search finds out): the palette
  // goes, the lock screen comes, and while locked the shortcut opens nothing.
  await palette.open(page)
  expect(await callFromPage(page, 'auth/lock', {})).toMatchObject({ ok: true })
  await palette.input(page).fill('nov')
  await expect(page.getByTestId('lock-screen')).toBeVisible()
  await expect(palette.root(page)).toHaveCount(0)
  await page.keyboard.press('Control+KeyK')
  await page.keyboard.press('Meta+KeyK')
  await expect(palette.root(page)).toHaveCount(0)
  await page.locator('#unlock-password').fill(ADMINISTRATOR.password)
  await page.getByTestId('unlock-submit').click()
  await expect(page.getByTestId('lock-screen')).toHaveCount(0)
  await palette.open(page)
  await expect(palette.hits(page).first()).toContainText('Nov')
  await page.keyboard.press('Escape')

  // Archived people leave the list unless asked for, and then say so.
  expect(await callFromPage(page, 'people/set-archived', { id: petr, archived: true })).toMatchObject({ ok: true })
  await shell.open(page, 'people')
  await expect(register.rows(page)).toHaveCount(5)
  await expect(register.row(page, petr)).toHaveCount(0)
  await page.locator('#register-archived').check()
  await expect(register.rows(page)).toHaveCount(6)
  await expect(register.row(page, petr)).toContainText('Archived')
  await page.locator('#register-archived').uncheck()
  await expect(register.rows(page)).toHaveCount(5)

  // Czech: its own words, its alphabet (Ch after H), its dates.
  await shell.chooseLanguage(page, 'Čeština')
  await expect(page.getByRole('heading', { name: 'Evidence osob' })).toBeVisible()
  await expect(page.getByTestId('register-new')).toHaveText('Nová osoba')
  await expect(register.rows(page).first()).toContainText('Dvořák Adam')
  await expect(register.rows(page).nth(1)).toContainText('Horák Tomáš')
  await expect(register.rows(page).nth(2)).toContainText('Chalupová Anna')
  await expect(register.row(page, eliska)).toContainText('3. 9. 2015')
  await expect(register.row(page, anna)).toBeVisible()
  await expect(register.row(page, tomas)).toBeVisible()
  await frontdesk.screenshot('register-cs')
  await register.search(page, 'jana novakova')
  await expect(page.getByTestId(`search-hit-${eliska}`)).toContainText('Dítě zákonného zástupce Jana Nováková')
  await frontdesk.screenshot('register-search-cs')
  await page.getByTestId('register-search').press('Escape')
  await palette.open(page)
  await palette.input(page).fill('2015')
  await expect(palette.hits(page)).toHaveCount(1)
  // Found by the birth year now, no longer by the phone number asked for before.
  await expect(palette.hits(page).first()).not.toContainText('777 123 456')
  // Czech counts years in three forms; a child of 5 to 20 is "… let".
  await expect(palette.hits(page).first()).toContainText(`3. 9. 2015 · ${ageOn('2015-09-03')} let`)
  await frontdesk.screenshot('search-palette-cs')
  await palette.input(page).fill('xyzzy')
  await expect(page.getByTestId('search-palette-status')).toHaveText('Pro „xyzzy“ nikdo nenalezen.')
  await page.keyboard.press('Escape')
})
