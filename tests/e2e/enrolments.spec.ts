import type { Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import type { Activity, ActivityInput } from '../../src/shared/contract/activities'
import type { PersonFile } from '../../src/shared/contract/people'
import { sampleActivity } from '../support/activities'
import { dismissToasts } from './support/adminPages'
import { expect, test } from './support/frontdesk'
import { callFromPage, shell, signedInAsAdministrator } from './support/pages'
import { centreId, childInput, personInput, personPage, registerByCall } from './support/personPages'

const SHOTS = '/work/shots10'

async function data<T>(page: Page, name: string, input: unknown): Promise<T> {
  const result = (await callFromPage(page, name, input)) as { ok: boolean; data?: T; error?: unknown }
  expect(result.ok, `${name}: ${JSON.stringify(result.error)}`).toBe(true)
  return result.data as T
}

/** A published club the desk can enrol into at once (registration open, no age limits). */
async function publishedClub(page: Page, unitId: number, change: Partial<ActivityInput>): Promise<Activity> {
  const draft = await data<Activity>(page, 'activities/create', {
    activity: sampleActivity(unitId, change),
    clashOverride: null,
  })
  return data<Activity>(page, 'activities/publish', { id: draft.id, expectedVersion: draft.version })
}

/** A mother and her children, linked; the children's records in the order given. */
async function family(page: Page, unitId: number, children: [string, string][]): Promise<PersonFile[]> {
  const mother = await registerByCall(page, personInput(unitId))
  const link = { personId: mother.person.id, as: 'child', relation: 'mother', primaryContact: true, mayPickUp: true }
  const files: PersonFile[] = []
  for (const [firstName, birthDate] of children) {
    files.push(await registerByCall(page, childInput(unitId, { firstName, birthDate }), { link }))
  }
  return [mother, ...files]
}

/** The desk at 1366×768 in English, the administrator signed in, one published club. */
async function deskWithClub(page: Page, change: Partial<ActivityInput>): Promise<{ unit: number; club: Activity }> {
  await page.setViewportSize({ width: 1366, height: 768 })
  await shell.chooseLanguage(page, 'English')
  await signedInAsAdministrator(page)
  const unit = await centreId(page)
  return { unit, club: await publishedClub(page, unit, change) }
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: `${SHOTS}/enrolments-${name}.png`, animations: 'disabled' })
}

test('a mother enrols three children into a club of two: the third waits, takes the seat a withdrawal frees', async ({
  frontdesk,
}) => {
  test.setTimeout(150_000)
  const { page } = frontdesk
  const { unit, club } = await deskWithClub(page, {
    code: 'KER-02',
    name: 'Pottery for children',
    capacity: 2,
    approval: 'automatic',
    seatOffers: 'automatic',
  })
  const [mother, eliska, tomas, anna] = await family(page, unit, [
    ['Eliška', '2015-09-03'],
    ['Tomáš', '2017-02-11'],
    ['Anna', '2018-06-20'],
  ])

  // From the mother's page: the club, all three children ticked, one step.
  await personPage.open(page, mother.person.id)
  await page.getByTestId('person-enrol-children').click()
  const dialog = page.getByTestId('family-application-dialog')
  await expect(dialog.locator('#family-application-activity')).toBeFocused()
  await page.keyboard.type('Pottery')
  await expect(page.getByRole('option', { name: /Pottery for children/ })).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(dialog.getByTestId('enrol-price-option')).toContainText('Pololetí')
  for (const child of [eliska, tomas, anna])
    await dialog.getByTestId(`family-application-child-${child.person.id}`).click()
  await dialog.getByTestId('family-application-submit').click()
  const outcomes = dialog.getByTestId('enrolment-outcomes')
  await expect(outcomes.getByTestId('enrolment-outcomes-summary')).toHaveText('3 done')
  await expect(outcomes.getByTestId(`enrolment-outcome-${eliska.person.id}`)).toContainText('now: Enrolled')
  await expect(outcomes.getByTestId(`enrolment-outcome-${anna.person.id}`)).toContainText(
    'now: Waitlisted — The activity is full: they were put on the waitlist.',
  )
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()

  // The club's people: two enrolled, Anna first on the waitlist, and why.
  await page.evaluate((id) => (location.hash = `#/enrolments/activities/${id}`), club.id)
  const tabs = page.getByTestId('enrolment-tabs')
  await expect(tabs.getByTestId('enrolment-seats')).toHaveText('Seats: 2 of 2 taken, 0 free')
  await expect(tabs.getByTestId('enrolment-table').locator('tbody tr')).toHaveCount(2)
  await tabs.getByTestId('enrolment-tab-waitlisted').click()
  await expect(tabs.getByTestId('enrolment-table').locator('tbody tr')).toHaveCount(1)
  await expect(tabs.getByTestId('enrolment-table')).toContainText('Nováková Anna')
  await expect(tabs.getByTestId('enrolment-position-reasons')).toHaveText('Why here: time of application')
  await shot(page, 'tabs-waitlist-en')

  // Eliška leaves: withdrawn with a reason; the freed seat is offered to Anna at once.
  await tabs.getByTestId('enrolment-tab-enrolled').click()
  const enrolled = tabs.getByTestId('enrolment-table')
  await expect(enrolled.locator('tbody tr')).toHaveCount(2)
  await enrolled.focus()
  const eliskaRow = enrolled.locator('tbody tr').filter({ hasText: 'Eliška' })
  await eliskaRow.getByRole('checkbox').check()
  await tabs.getByTestId('enrolment-bulk-withdraw').click()
  const reason = page.getByTestId('enrolment-reason-dialog')
  await expect(reason.locator('#enrolment-reason')).toBeFocused()
  await page.keyboard.type('Moved to another town')
  await page.keyboard.press('Enter')
  await expect(reason).toBeHidden()
  await expect(tabs.getByTestId('enrolment-outcomes-summary')).toHaveText('1 done')
  await expect(enrolled.locator('tbody tr')).toHaveCount(2)
  await expect(enrolled.locator('tbody tr').filter({ hasText: 'Anna' })).toContainText('Seat offered')
  await shot(page, 'tabs-en')

  // The family accepts on Anna's page: enrolled.
  await personPage.open(page, anna.person.id)
  const panel = page.getByTestId('person-enrolments')
  await expect(panel.getByTestId('person-enrolment-state')).toHaveText('Seat offered')
  await panel.getByRole('button', { name: 'Accept' }).click()
  await expect(panel.getByTestId('person-enrolment-state')).toHaveText('Enrolled')

  // Eliška's page keeps the club in her past.
  await personPage.open(page, eliska.person.id)
  await expect(page.getByTestId('person-enrolments')).toContainText('Past')
  await expect(page.getByTestId('person-enrolments').getByTestId('person-enrolment-state')).toHaveText('Withdrawn')

  // Adding people from the club's page: the dialog opens in the name field, Enter adds the highlighted person.
  await page.evaluate((id) => (location.hash = `#/enrolments/activities/${id}`), club.id)
  await page.getByTestId('enrolment-add-people').click()
  const enrol = page.getByTestId('enrol-dialog')
  await expect(enrol.locator('#enrol-person')).toBeFocused()
  await page.keyboard.type('Eliška')
  await expect(page.getByRole('option', { name: /Eliška Nováková/ })).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(enrol.getByTestId('enrol-count')).toHaveText('1 person chosen')
  await expect(enrol.locator('#enrol-person')).toHaveValue('')
  await shot(page, 'dialog-en')
  await enrol.getByTestId('enrol-submit').click()
  await expect(enrol.getByTestId(`enrolment-outcome-${eliska.person.id}`)).toContainText(
    'The activity is full: they were put on the waitlist.',
  )

  // The same in Czech.
  await enrol.getByRole('button', { name: 'Close' }).click()
  await shell.chooseLanguage(page, 'Čeština')
  await dismissToasts(page)
  await tabs.getByTestId('enrolment-tab-waitlisted').click()
  await expect(tabs.getByTestId('enrolment-table')).toContainText('Nováková Eliška')
  await shot(page, 'tabs-cs')
  await page.getByTestId('enrolment-add-people').click()
  await page.keyboard.type('Tomáš')
  await expect(page.getByRole('option', { name: /Tomáš Nováková/ })).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(enrol.getByTestId('enrol-count')).toHaveText('Vybrána 1 osoba')
  await shot(page, 'dialog-cs')
})

test('the approval queue: applications with their problems, approved in bulk from the keyboard', async ({
  frontdesk,
}) => {
  test.setTimeout(150_000)
  const { page } = frontdesk
  const { unit, club } = await deskWithClub(page, {
    code: 'FLB-01',
    name: 'Floorball',
    capacity: 10,
    ageMin: 9,
    ageMax: 15,
    ageReferenceDate: '2026-09-01',
  })
  const [, eliska, tomas, anna] = await family(page, unit, [
    ['Eliška', '2015-09-03'],
    ['Tomáš', '2014-02-11'],
    ['Anna', '2019-06-20'],
  ])
  await data(page, 'enrolments/apply', {
    activityId: club.id,
    personIds: [eliska.person.id, tomas.person.id, anna.person.id],
    priceOptionId: null,
    source: 'application',
    note: '',
  })

  await shell.open(page, 'enrolments')
  const queue = page.getByTestId('queue-table')
  await expect(page.getByTestId('queue-total')).toHaveText('3 applications waiting')
  await expect(queue.locator('tbody tr')).toHaveCount(3)
  // Anna is 7 on the reference date: the row says so.
  await expect(queue.locator('tbody tr').filter({ hasText: 'Anna' })).toContainText('Too young')
  await shot(page, 'queue-en')

  // Space ticks the current row, the arrow moves on, A approves the ticked ones.
  await queue.focus()
  const names = await queue.locator('tbody tr td:nth-child(2)').allInnerTexts()
  const order = names.map((name) => name.trim())
  for (let index = 0; index < order.length; index++) {
    if (!order[index].includes('Anna')) await page.keyboard.press('Space')
    await page.keyboard.press('ArrowDown')
  }
  await expect(page.getByTestId('queue-selected')).toHaveText('2 selected')
  await page.keyboard.press('a')
  await expect(page.getByTestId('enrolment-outcomes-summary')).toHaveText('2 done')
  await expect(page.getByTestId(`enrolment-outcome-${eliska.person.id}`)).toContainText('now: Enrolled')
  await expect(page.getByTestId('queue-total')).toHaveText('1 application waiting')
  await expect(queue.locator('tbody tr')).toHaveCount(1)

  await shell.chooseLanguage(page, 'Čeština')
  await expect(page.getByTestId('queue-total')).toHaveText('Čeká 1 přihláška')
  await dismissToasts(page)
  await shot(page, 'queue-cs')
})
