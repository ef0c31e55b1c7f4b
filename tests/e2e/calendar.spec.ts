import type { Page } from '@playwright/test'
import { czechSchoolHolidays } from '../support/icalendar'
import { dismissToasts } from './support/adminPages'
import { expect, test } from './support/frontdesk'
import { shell, signedInAsAdministrator } from './support/pages'

const SHOTS = '/work/shots10'

async function openCalendar(page: Page): Promise<void> {
  // The activities list (built separately) links here; the route itself is what this spec is about.
  await page.evaluate(() => (window.location.hash = '#/activities/calendar'))
  await expect(page.getByTestId('calendar-view')).toBeVisible()
}

async function typeDate(page: Page, testId: string, value: string): Promise<void> {
  await page.getByTestId(testId).fill(value)
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/calendar-${name}.png`, animations: 'disabled' })
}

/** The screen, then its lower half (the list of closures and the import) scrolled into view. */
async function screenshots(page: Page, language: string): Promise<void> {
  // The confirmations would cover the language switcher and the screen.
  await dismissToasts(page)
  await page.getByTestId('calendar-back').scrollIntoViewIfNeeded()
  await screenshot(page, language)
  await page.getByTestId('ical-import').scrollIntoViewIfNeeded()
  await screenshot(page, `${language}-closures`)
}

test('a reception worker sets up a school year, adds autumn holidays and imports the school holidays', async ({
  frontdesk,
}) => {
  const { page } = frontdesk
  // "Next school year" and the year shown follow today: this spec's today is fixed.
  await page.clock.setFixedTime(new Date('2026-11-29T10:00:00'))
  await page.setViewportSize({ width: 1366, height: 768 })
  await signedInAsAdministrator(page)
  await shell.chooseLanguage(page, 'English')
  await openCalendar(page)
  await expect(page.getByRole('heading', { name: 'Calendar', level: 1 })).toBeVisible()
  await expect(page.getByText('No school year yet. Create the first one.')).toBeVisible()

  // The next school year in one click, with its two halves from the usual dates.
  await page.getByTestId('school-year-new').click()
  await expect(page.getByTestId('school-year-detail')).toContainText('1st half: 01/09/2026 – 31/01/2027')

  // The second half's dates, edited from the keyboard: each mistake is said at its field.
  await page.getByTestId('school-year-detail').getByRole('button', { name: 'Edit term 2nd half' }).click()
  const dialog = page.getByTestId('term-dialog')
  await expect(page.getByTestId('term-name')).toHaveValue('2nd half')
  await expect(page.getByTestId('term-name')).toBeFocused()
  await typeDate(page, 'term-ends', '31. 7. 2027')
  await page.keyboard.press('Enter')
  await expect(page.locator('#term-ends-help')).toHaveText('This lies outside the school year.')
  await typeDate(page, 'term-ends', '30. 6. 2027')
  await typeDate(page, 'term-starts', '31. 1. 2027')
  await page.keyboard.press('Enter')
  await expect(page.locator('#term-starts-help')).toHaveText('Overlaps the term 1st half.')
  await screenshot(page, 'en-term-dialog')
  await typeDate(page, 'term-starts', '8. 2. 2027')
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('school-year-detail')).toContainText('2026/2027')
  await expect(page.getByTestId('school-year-detail')).toContainText('2nd half: 08/02/2027 – 30/06/2027')
  await expect(page.getByTestId('month-2026-09')).toBeVisible()
  await expect(page.getByTestId('month-2027-06')).toBeVisible()
  // Public holidays are there from the start: 28 October in Czechia.
  await expect(page.getByTestId('day-2026-10-28')).toHaveAttribute('data-kind', 'public_holiday')

  // The autumn holidays, entered by hand.
  await page.getByTestId('closure-add').click()
  await expect(page.getByTestId('closure-name')).toBeFocused()
  await page.getByTestId('closure-name').fill('Autumn holidays')
  await typeDate(page, 'closure-starts', '29. 10. 2026')
  await typeDate(page, 'closure-ends', '30. 10. 2026')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('closure-dialog')).toBeHidden()
  await expect(page.getByTestId('closure-list').locator('tr', { hasText: 'Autumn holidays' })).toContainText(
    '29/10/2026 – 30/10/2026',
  )
  await expect(page.getByTestId('day-2026-10-27')).toHaveCount(0)

  // A day the centre itself is closed, of the other kind.
  await page.getByTestId('closure-add').click()
  await expect(page.getByTestId('closure-name')).toBeFocused()
  await page.getByTestId('closure-name').fill('Staff training day')
  await page.getByTestId('closure-kind').click()
  await page.getByRole('option', { name: 'Closure day' }).click()
  await typeDate(page, 'closure-starts', '13. 11. 2026')
  await typeDate(page, 'closure-ends', '13. 11. 2026')
  await page.getByTestId('closure-save').click()
  await expect(page.getByTestId('closure-dialog')).toBeHidden()
  await expect(page.getByTestId('day-2026-11-13')).toHaveAttribute('data-kind', 'closure')
  await expect(page.getByTestId('day-2026-10-29')).toHaveAttribute('data-kind', 'school_holiday')
  await expect(page.getByTestId('day-2026-10-30')).toHaveAttribute('data-kind', 'school_holiday')

  // A file that is not iCalendar: refused, nothing imported.
  await page.getByTestId('ical-file').setInputFiles({
    name: 'prazdniny.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('název;od;do\nPodzimní prázdniny;29.10.2026;30.10.2026'),
  })
  await expect(page.getByTestId('ical-outcome')).toContainText('cannot be read as an iCalendar')
  await expect(page.getByTestId('closure-list').locator('tbody tr')).toHaveCount(2)

  // The region's school holidays from an .ics file; the same file again changes nothing.
  const ics = { name: 'prazdniny-2026-2027.ics', mimeType: 'text/calendar', buffer: Buffer.from(czechSchoolHolidays()) }
  await page.getByTestId('ical-file').setInputFiles(ics)
  await expect(page.getByTestId('ical-outcome')).toHaveText('Imported: 6 new, 0 changed, 0 unchanged, 0 skipped.')
  await page.getByTestId('ical-file').setInputFiles(ics)
  await expect(page.getByTestId('ical-outcome')).toHaveText('Imported: 0 new, 0 changed, 6 unchanged, 0 skipped.')
  // The summer holidays start after this school year: listed under the next one.
  await expect(page.getByTestId('closure-list').locator('tbody tr')).toHaveCount(7)
  await expect(page.getByTestId('day-2026-12-23')).toHaveAttribute('data-kind', 'school_holiday')
  await expect(page.getByTestId('day-2026-12-24')).toHaveAttribute('data-kind', 'public_holiday')
  await expect(page.getByTestId('day-2027-01-29')).toHaveAttribute('data-kind', 'school_holiday')
  await expect(page.getByTestId('day-2027-04-01')).toHaveAttribute('data-kind', 'school_holiday')
  await expect(page.getByTestId('day-2026-12-24')).toHaveAttribute('title', /Christmas Eve \(Public holiday\)/)
  await screenshots(page, 'en')

  await shell.chooseLanguage(page, 'Čeština')
  await expect(page.getByRole('heading', { name: 'Kalendář', level: 1 })).toBeVisible()
  await expect(page.getByTestId('day-2026-12-24')).toHaveAttribute('title', /Štědrý den \(Státní svátek\)/)
  await expect(page.getByTestId('ical-outcome')).toHaveText(
    'Importováno: 0 nových, 0 změněných, 6 beze změny, 0 vynecháno.',
  )
  await screenshots(page, 'cs')

  // Back to the activities, whose list links here.
  await page.getByTestId('calendar-back').click()
  await expect(page).toHaveURL(/#\/activities$/)
})
