import type { Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import type { Activity, ActivityInput } from '../../src/shared/contract/activities'
import type { PersonFile } from '../../src/shared/contract/people'
import { sampleActivity } from '../support/activities'
import { dismissToasts } from './support/adminPages'
import { expectAccessible } from './support/axe'
import { expect, test } from './support/frontdesk'
import { callFromPage, shell, signedInAsAdministrator } from './support/pages'
import { centreId, childInput, personInput, personPage, registerByCall } from './support/personPages'

const SHOTS = '/work/shots10'

async function data<T>(page: Page, name: string, input: unknown): Promise<T> {
  const result = (await callFromPage(page, name, input)) as { ok: boolean; data?: T; error?: unknown }
  expect(result.ok, `${name}: ${JSON.stringify(result.error)}`).toBe(true)
  return result.data as T
}

/**
 * A published Saturday workshop the desk can enrol into at once (registration open). An event
 * rather than a club: a club needs a school year, which the calendar screens set up.
 */
async function publishedEvent(page: Page, unitId: number, change: Partial<ActivityInput>): Promise<Activity> {
  const event: Partial<ActivityInput> = {
    kind: 'event',
    startsOn: '2027-03-13',
    endsOn: '2027-03-13',
    startsAt: '09:00',
    endsAt: '12:00',
    slots: [],
  }
  const draft = await data<Activity>(page, 'activities/create', {
    activity: sampleActivity(unitId, { ...event, ...change }),
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

/** The desk at 1366×768 in English, the administrator signed in, one published event. */
async function deskWithEvent(page: Page, change: Partial<ActivityInput>): Promise<{ unit: number; event: Activity }> {
  await page.setViewportSize({ width: 1366, height: 768 })
  await shell.chooseLanguage(page, 'English')
  await signedInAsAdministrator(page)
  const unit = await centreId(page)
  return { unit, event: await publishedEvent(page, unit, change) }
}

/** An event with Eliška (11), Tomáš (12) and Anna (10) applied or added in that order. */
async function threeApplied(page: Page, source: 'application' | 'staff', change: Partial<ActivityInput>) {
  const { unit, event } = await deskWithEvent(page, change)
  const [, eliska, tomas, anna] = await family(page, unit, [
    ['Eliška', '2015-09-03'],
    ['Tomáš', '2014-02-11'],
    ['Anna', '2016-06-20'],
  ])
  const personIds = [eliska.person.id, tomas.person.id, anna.person.id]
  await data(page, 'enrolments/apply', { activityId: event.id, personIds, priceOptionId: null, source, note: '' })
  return { event, eliska, tomas, anna }
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: `${SHOTS}/enrolments-${name}.png`, animations: 'disabled' })
}

test('a mother enrols three children into a workshop for two: the third waits, takes the seat a withdrawal frees', async ({
  frontdesk,
}) => {
  test.setTimeout(150_000)
  const { page } = frontdesk
  const { unit, event } = await deskWithEvent(page, {
    code: 'KER-02',
    name: 'Pottery workshop',
    capacity: 2,
    approval: 'automatic',
    seatOffers: 'automatic',
  })
  const [mother, eliska, tomas, anna] = await family(page, unit, [
    ['Eliška', '2015-09-03'],
    ['Tomáš', '2017-02-11'],
    ['Anna', '2018-06-20'],
  ])

  // From the mother's page: the workshop, all three children ticked, one step.
  await personPage.open(page, mother.person.id)
  await page.getByTestId('person-enrol-children').click()
  const dialog = page.getByTestId('family-application-dialog')
  await expect(dialog.locator('#family-application-activity')).toBeFocused()
  await page.keyboard.type('Pottery')
  await expect(page.getByRole('option', { name: /Pottery workshop/ })).toBeVisible()
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
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()

  // The workshop's people: two enrolled, Anna first on the waitlist, and why.
  await page.evaluate((id) => (location.hash = `#/activities/${id}`), event.id)
  const tabs = page.getByTestId('enrolment-tabs')
  await expect(tabs.getByTestId('enrolment-seats')).toHaveText('Seats: 2 of 2 taken, 0 free')
  await expect(tabs.getByTestId('enrolment-table').locator('tbody tr')).toHaveCount(2)
  await tabs.getByTestId('enrolment-tab-waitlisted').click()
  await expect(tabs.getByTestId('enrolment-table').locator('tbody tr')).toHaveCount(1)
  await expect(tabs.getByTestId('enrolment-table')).toContainText('Nováková Anna')
  await expect(tabs.getByTestId('enrolment-position-reasons')).toHaveText('Why here: time of application')
  await shot(page, 'tabs-waitlist-en')
  await expectAccessible(page, 'activity enrolments: waitlist')

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
  await expectAccessible(page, 'person page with activities')

  // Eliška's page keeps the workshop in her past.
  await personPage.open(page, eliska.person.id)
  await expect(page.getByTestId('person-enrolments')).toContainText('Past')
  await expect(page.getByTestId('person-enrolments').getByTestId('person-enrolment-state')).toHaveText('Withdrawn')

  // Adding people from the workshop's page: the dialog opens in the name field, Enter adds the highlighted person.
  await page.evaluate((id) => (location.hash = `#/activities/${id}`), event.id)
  await page.getByTestId('enrolment-add-people').click()
  const enrol = page.getByTestId('enrol-dialog')
  await expect(enrol.locator('#enrol-person')).toBeFocused()
  await page.keyboard.type('Eliška')
  await expect(page.getByRole('option', { name: /Eliška Nováková/ })).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(enrol.getByTestId('enrol-count')).toHaveText('1 person chosen')
  await expect(enrol.locator('#enrol-person')).toHaveValue('')
  await shot(page, 'dialog-en')
  await expectAccessible(page, 'enrol dialog')
  await enrol.getByTestId('enrol-submit').click()
  await expect(enrol.getByTestId(`enrolment-outcome-${eliska.person.id}`)).toContainText(
    'The activity is full: they were put on the waitlist.',
  )

  // The same in Czech.
  await page.keyboard.press('Escape')
  await expect(enrol).toBeHidden()
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

test('the approval queue: applications approved in bulk from the keyboard, the one beyond capacity waitlisted', async ({
  frontdesk,
}) => {
  test.setTimeout(150_000)
  const { page } = frontdesk
  const { eliska } = await threeApplied(page, 'application', {
    code: 'FLB-01',
    name: 'Floorball tournament',
    capacity: 2,
    approval: 'manual',
  })

  await shell.open(page, 'enrolments')
  const queue = page.getByTestId('queue-table')
  await expect(page.getByTestId('queue-total')).toHaveText('3 applications waiting')
  await expect(queue.locator('tbody tr')).toHaveCount(3)
  await expect(queue).toBeFocused()
  await shot(page, 'queue-en')

  // Space ticks the current row and the arrow moves on; A approves all three: two seats, two approved.
  for (let row = 0; row < 3; row++) {
    await page.keyboard.press('Space')
    await page.keyboard.press('ArrowDown')
  }
  await expect(page.getByTestId('queue-selected')).toHaveText('3 selected')
  await page.keyboard.press('a')
  await expect(page.getByTestId('enrolment-outcomes-summary')).toHaveText('2 done · 1 not done')
  await expect(page.getByTestId(`enrolment-outcome-${eliska.person.id}`)).toContainText('now: Enrolled')
  await expect(page.getByTestId('enrolment-outcomes').locator('.enrolment-outcome-failed')).toContainText(
    'The activity is full: they can go on the waitlist.',
  )
  await expect(page.getByTestId('queue-total')).toHaveText('1 application waiting')
  await expect(queue.locator('tbody tr')).toHaveCount(1)
  await expect(queue.getByTestId('enrolment-problems')).toHaveText(/The activity is full/)
  await shot(page, 'queue-outcomes-en')
  await expectAccessible(page, 'approval queue with outcomes')

  // A filter that matches nothing says so; clearing it brings the application back.
  await page.getByTestId('queue-kind').click()
  await page.getByRole('option', { name: 'Camp' }).click()
  await expect(page.getByTestId('queue-empty')).toHaveText('No waiting application matches these filters.')
  await page.getByTestId('queue-clear').click()
  await expect(queue.locator('tbody tr')).toHaveCount(1)

  await shell.chooseLanguage(page, 'Čeština')
  await expect(page.getByTestId('queue-total')).toHaveText('Čeká 1 přihláška')
  await dismissToasts(page)
  await shot(page, 'queue-cs')

  // One click puts the one left over on the waitlist.
  await queue.getByRole('button', { name: 'Dát na čekací listinu' }).click()
  await expect(page.getByTestId('enrolment-outcomes-summary')).toHaveText('Hotovo: 1')
  await expect(page.getByTestId('queue-empty')).toHaveText('Žádná přihláška nečeká na rozhodnutí.')
})

test('staff move someone up the waitlist, undo an approval and reject with a reason', async ({ frontdesk }) => {
  test.setTimeout(150_000)
  const { page } = frontdesk
  const { event } = await threeApplied(page, 'staff', {
    code: 'SKL-01',
    name: 'Climbing day',
    capacity: 1,
    approval: 'automatic',
    seatOffers: 'manual',
  })
  await page.evaluate((id) => (location.hash = `#/activities/${id}`), event.id)
  const tabs = page.getByTestId('enrolment-tabs')
  const table = tabs.getByTestId('enrolment-table')
  const row = (name: string) => table.locator('tbody tr').filter({ hasText: name })
  const reason = page.getByTestId('enrolment-reason-dialog')

  // Anna, second on the waitlist, is moved to the first place, with the reason.
  await tabs.getByTestId('enrolment-tab-waitlisted').click()
  await expect(table.locator('tbody tr').first()).toContainText('Tomáš')
  await row('Anna').getByRole('checkbox').check()
  await tabs.getByTestId('enrolment-move').click()
  await expect(reason.locator('#enrolment-position')).toBeFocused()
  await reason.locator('#enrolment-reason').fill('Her brother leads the group')
  await reason.getByTestId('enrolment-reason-confirm').click()
  await expect(reason).toBeHidden()
  await expect(table.locator('tbody tr').first()).toContainText('Anna')
  await expect(row('Anna').getByTestId('enrolment-position-reasons')).toHaveText('Why here: moved by staff')

  // Eliška's approval was a mistake: back to the applications, and her seat is free.
  await tabs.getByTestId('enrolment-tab-enrolled').click()
  await row('Eliška').getByRole('checkbox').check()
  await tabs.getByTestId('enrolment-undo').click()
  await reason.locator('#enrolment-reason').fill('Approved by mistake')
  await page.keyboard.press('Enter')
  await expect(reason).toBeHidden()
  await expect(tabs.getByTestId('enrolment-seats')).toHaveText('Seats: 0 of 1 taken, 1 free')

  // Eliška's application is rejected with a reason, and the history keeps it.
  await tabs.getByTestId('enrolment-tab-applied').click()
  await row('Eliška').getByRole('checkbox').check()
  await tabs.getByTestId('enrolment-bulk-reject').click()
  await expect(reason.locator('#enrolment-reason')).toBeFocused()
  await page.keyboard.type('The group is for older children')
  await page.keyboard.press('Enter')
  await expect(tabs.getByTestId('enrolment-outcomes-summary')).toHaveText('1 done')
  await tabs.getByTestId('enrolment-tab-history').click()
  await expect(row('Eliška')).toContainText('Rejected')
  await expect(row('Eliška')).toContainText('Reason: The group is for older children')
})
