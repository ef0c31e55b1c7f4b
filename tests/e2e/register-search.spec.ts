import { readFileSync } from 'node:fs'
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

  // The register's own search filters the list itself: "novak" finds the Nováks without diacritics.
  await register.search(page, 'novak')
  await expect(register.count(page)).toContainText('3')
  await expect(register.rows(page)).toHaveCount(3)
  // A whole-word match first: Petr Novák before the Novákovás.
  await expect(register.rows(page).first()).toContainText('Novák Petr')
  await frontdesk.screenshot('register-search-en')
  // Esc clears and the whole list is back; Enter opens the best match.
  await page.getByTestId('register-search').press('Escape')
  await expect(page.getByTestId('register-search')).toHaveValue('')
  await expect(register.rows(page)).toHaveCount(6)
  await register.search(page, 'petr novak')
  await page.getByTestId('register-search').press('Enter')
  await expect(page).toHaveURL(new RegExp(`#/people/${petr}$`))

  // Back on the register: the cursor in the search field, the search kept; cleared, the list.
  await page.goBack()
  await expect(page.getByTestId('register-search')).toBeFocused()
  await expect(register.rows(page)).toHaveCount(1)
  await page.getByTestId('register-search').press('Escape')

  // The list kept its filters; the membership filter narrows it.
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
  await register.search(page, 'novak')
  await expect(register.rows(page)).toHaveCount(2)
  await frontdesk.screenshot('register-search-cs')
  await page.getByTestId('register-search').press('Escape')
  await palette.open(page)
  // A parent's name finds her child too, and says through whom.
  await palette.input(page).fill('jana novakova')
  await expect(page.getByTestId(`search-hit-${eliska}`)).toContainText('Dítě zákonného zástupce Jana Nováková')
  await palette.input(page).fill('2015')
  await expect(palette.hits(page)).toHaveCount(1)
  // Found by the birth year now, no longer by the phone number asked for before.
  await expect(palette.hits(page).first()).toContainText('Nováková Eliška')
  // Czech counts years in three forms; a child of 5 to 20 is "… let".
  await expect(palette.hits(page).first()).toContainText(`3. 9. 2015 · ${ageOn('2015-09-03')} let`)
  await frontdesk.screenshot('search-palette-cs')
  await palette.input(page).fill('xyzzy')
  await expect(page.getByTestId('search-palette-status')).toHaveText('Pro „xyzzy“ nikdo nenalezen.')
  await page.keyboard.press('Escape')
})

test('the search fills the register: every match ranked with the count, sorting, a new person from a failed search, recent people in Ctrl+K', async ({
  frontdesk,
}) => {
  // Forty people registered through main first, then a long desk story: more than the default minute.
  test.setTimeout(180_000)
  const { page } = frontdesk
  await page.setViewportSize({ width: 1366, height: 768 })
  await shell.chooseLanguage(page, 'English')
  await signedInAsAdministrator(page)
  const firstNames = [
    'Adam',
    'Bára',
    'Cyril',
    'Dana',
    'Emil',
    'Filip',
    'Gita',
    'Hynek',
    'Iva',
    'Jiří',
    'Karel',
    'Lenka',
  ]
  const novaks: number[] = []
  for (const [index, firstName] of [...firstNames, ...firstNames, ...firstNames].entries()) {
    const lastName = index % 2 ? 'Nováková' : 'Novák'
    novaks.push(
      await createPerson(page, { firstName, lastName, birthDate: `20${10 + (index % 10)}-03-0${1 + (index % 9)}` }),
    )
  }
  const jan = await createPerson(page, { firstName: 'Jan', lastName: 'Svoboda', birthDate: '1990-01-01' })
  const jankowska = await createPerson(page, { firstName: 'Marie', lastName: 'Jankowská', birthDate: '2001-01-01' })
  const oldest = await createPerson(page, { firstName: 'Oldřich', lastName: 'Zeman', birthDate: '1950-06-06' })
  const ema = await createPerson(page, { firstName: 'Ema', lastName: 'Nováková', birthDate: '2019-02-02' })
  await createPerson(page, {
    firstName: 'Jana',
    lastName: 'Nováková',
    birthDate: null,
    phone: '606 555 444',
    guardianOf: ema,
  })

  await shell.open(page, 'audit')
  await shell.open(page, 'people')
  await expect(register.count(page)).toContainText('41')
  await expect(page.getByTestId('register-search')).toBeFocused()

  // Every Novák in the list itself, with the count; not a drop-down of twenty.
  await page.keyboard.type('novak')
  await expect(register.count(page)).toContainText('38')
  await expect(register.rows(page).first()).toContainText('Novák')
  // Ema has no phone of her own: her mother's, marked as the guardian's.
  await expect(page.getByTestId(`register-phone-${ema}`)).toContainText("606 555 444 Guardian's phone")
  const list = page.getByTestId('register-table')
  await list.locator('.p-virtualscroller').evaluate((element) => (element.scrollTop = element.scrollHeight))
  await expect(register.rows(page).last()).toContainText('Nováková')

  // "Jan" as a whole first name before a surname merely starting with it.
  await page.getByTestId('register-search').fill('jan')
  // Jan Svoboda, then Marie Jankowská (a surname starting with it), then Jana Nováková (a first name).
  await expect(register.count(page)).toContainText('3')
  await expect(register.rows(page).nth(0)).toHaveAttribute('data-testid', `register-row-${jan}`)
  await expect(register.rows(page).nth(1)).toHaveAttribute('data-testid', `register-row-${jankowska}`)
  // The best match is highlighted; arrows move, Enter opens.
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`#/people/${jankowska}$`))
  await page.goBack()
  await expect(page.getByTestId('register-search')).toBeFocused()

  // Nobody found: register what was typed, the name filled in.
  await page.getByTestId('register-search').fill('zdenka qwertova')
  await expect(page.getByTestId('register-empty')).toHaveText('Nobody matches “zdenka qwertova”.')
  await frontdesk.screenshot('register-nothing-found-en')
  await page.keyboard.press('Tab')
  await expect(page.getByTestId('register-typed')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#\/people\/new\?name=zdenka/)
  await expect(page.locator('#person-firstName')).toHaveValue('zdenka')
  await expect(page.locator('#person-lastName')).toHaveValue('qwertova')

  // Cleared, the whole list is back; the Born header sorts, keyboard first, and says so.
  await shell.open(page, 'people')
  await page.getByTestId('register-search').fill('')
  await expect(register.count(page)).toContainText('41')
  const born = register.header(page, 'birthDate')
  await born.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('columnheader', { name: 'Born' })).toHaveAttribute('aria-sort', 'ascending')
  await expect(register.rows(page).first()).toHaveAttribute('data-testid', `register-row-${oldest}`)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('columnheader', { name: 'Born' })).toHaveAttribute('aria-sort', 'descending')
  await expect(register.rows(page).first()).not.toHaveAttribute('data-testid', `register-row-${oldest}`)
  await register.header(page, 'name').click()
  await expect(register.rows(page).first()).toHaveAttribute('data-testid', `register-row-${jankowska}`)
  await frontdesk.screenshot('register-sorted-en')

  // The grid's structure passes axe (contrast is the theme's, checked on every screen elsewhere).
  // Evaluated rather than added as a script tag: the app's CSP rightly refuses inline scripts.
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'))
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }>
        }
      }
    ).axe
    const result = await axe.run(
      { include: [['[data-testid=register-table]'], ['.register-search']] },
      {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        rules: { 'color-contrast': { enabled: false } },
      },
    )
    return result.violations.map(
      (violation) =>
        `${violation.id} (${violation.nodes.map((node) => JSON.stringify((node as { target: unknown }).target)).join(' ')})`,
    )
  })
  expect(violations).toEqual([])

  // Ctrl+K opened empty: the people opened recently at this desk, newest first.
  await palette.open(page)
  await expect(page.getByTestId('search-palette-recent')).toHaveText('Opened recently')
  await expect(palette.hits(page).first()).toHaveAttribute('data-testid', `search-hit-${jankowska}`)
  await frontdesk.screenshot('search-palette-recent-en')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`#/people/${jankowska}$`))

  // The same in Czech.
  await shell.open(page, 'people')
  await shell.chooseLanguage(page, 'Čeština')
  await page.getByTestId('register-search').fill('zdenka qwertova')
  await expect(page.getByTestId('register-typed')).toHaveText('Zaevidovat „zdenka qwertova“ jako novou osobu')
  await page.getByTestId('register-search').fill('nováková ema')
  await expect(page.getByTestId(`register-phone-${ema}`)).toContainText('606 555 444 Telefon zákonného zástupce')
  await frontdesk.screenshot('register-nothing-found-cs')
  await page.getByTestId('register-search').fill('')
  await expect(page.getByRole('columnheader', { name: 'Příjmení a jméno' })).toHaveAttribute('aria-sort', 'ascending')
  await frontdesk.screenshot('register-sorted-cs')
  await palette.open(page)
  await expect(page.getByTestId('search-palette-recent')).toHaveText('Naposledy otevřené')
  await frontdesk.screenshot('search-palette-recent-cs')
  expect(novaks).toHaveLength(36)
})
