import { mkdirSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { dismissToasts } from './support/adminPages'
import { expect, test } from './support/frontdesk'
import { callFromPage, shell, signedInAsAdministrator } from './support/pages'
import { centreId, childInput, registerByCall } from './support/personPages'
import type { Activity } from '../../src/shared/contract/activities'
import { sampleActivity } from '../support/activities'

/** Screenshots the product owner looks at, in both languages. */
const SHOTS = process.env.FRONTDESK_SHOTS ?? '/work/shots10'

async function data<T>(page: Page, name: string, input: unknown): Promise<T> {
  const result = (await callFromPage(page, name, input)) as { ok: boolean; data?: T; error?: unknown }
  expect(result.ok, `${name}: ${JSON.stringify(result.error)}`).toBe(true)
  return result.data as T
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true })
  await dismissToasts(page)
  await page.screenshot({ path: `${SHOTS}/activities-${name}.png`, animations: 'disabled' })
}

/** Picks an option of a PrimeVue Select by its visible text. */
async function choose(page: Page, trigger: ReturnType<Page['locator']>, option: string | RegExp): Promise<void> {
  await trigger.click()
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click()
}

test('reception sets up a weekly club that skips the autumn holidays, cancels a session and cannot delete it once someone is enrolled', async ({
  frontdesk,
}) => {
  test.setTimeout(180_000)
  const { page } = frontdesk
  await page.setViewportSize({ width: 1366, height: 768 })
  await shell.chooseLanguage(page, 'English')
  await signedInAsAdministrator(page)
  // The school year with its autumn holidays: entered on the calendar screen, which is not this spec's.
  await data(page, 'calendar/create-school-year', {
    name: '2026/2027',
    startsOn: '2026-09-01',
    endsOn: '2027-06-30',
    terms: [
      { name: '1st half', startsOn: '2026-09-01', endsOn: '2027-01-31' },
      { name: '2nd half', startsOn: '2027-02-01', endsOn: '2027-06-30' },
    ],
  })
  await data(page, 'calendar/create-closure', {
    kind: 'school_holiday',
    name: 'Autumn holidays',
    startsOn: '2026-10-29',
    endsOn: '2026-10-30',
  })

  // A place, added on the places page from the keyboard.
  await shell.open(page, 'activities')
  await page.getByTestId('activities-places').click()
  await expect(page.getByTestId('place-new-name')).toBeFocused()
  await page.getByTestId('place-new-name').fill('Gym A')
  await page.getByTestId('place-new-name').press('Enter')
  await expect(page.locator('[data-testid^="place-"] input').first()).toHaveValue('Gym A')

  // The club, through the form: the kind first, then its fields; Enter saves.
  await page.getByRole('link', { name: 'Back to activities' }).click()
  await page.getByTestId('activities-new').click()
  await expect(page.locator('#activity-kind')).toBeFocused()
  await page.getByTestId('activity-name').fill('Florbal')
  await page.getByTestId('activity-code').fill('FLB-2026')
  await choose(page, page.getByTestId('activity-year'), '2026/2027')
  await expect(page.getByTestId('activity-startsOn')).toHaveValue('01/09/2026')
  await choose(page, page.locator('#activity-slot-0-weekday'), 'Thursday')
  await page.getByTestId('activity-slot-0-from').fill('16')
  await page.getByTestId('activity-slot-0-to').fill('17:30')
  await choose(page, page.getByTestId('activity-slot-0').getByRole('combobox').last(), 'Gym A')
  await page.locator('#activity-capacity').fill('12')
  await page.getByTestId('activity-price-add').click()
  await page.locator('#activity-price-0-label').fill('Member')
  await page.getByTestId('activity-price-0-amount').fill('1200.50')
  await shot(page, 'form-en')
  await page.getByTestId('activity-code').press('Enter')

  await expect(page.getByTestId('activity-name')).toHaveText('Florbal')
  await expect(page.getByTestId('activity-when')).toContainText('Thursday 16:00–17:30, Gym A')
  await expect(page.getByTestId('activity-facts')).toContainText('CZK 1,200.50')
  await shot(page, 'page-en')

  // The sessions skip the autumn holidays (and 28 October, a public holiday, is a Wednesday anyway).
  await page.getByTestId('activity-tab-sessions').click()
  await expect(page.getByTestId('session-2026-10-22')).toBeVisible()
  await expect(page.getByTestId('session-2026-11-05')).toBeVisible()
  await expect(page.getByTestId('session-2026-10-29')).toHaveCount(0)

  // One session cancelled, with its reason, from the keyboard.
  const december = page.getByTestId('session-2026-12-03')
  await december.getByTestId('session-cancel').focus()
  await page.keyboard.press('Enter')
  await expect(page.locator('#session-cancel-reason')).toBeFocused()
  await page.keyboard.type('The gym is closed for repairs')
  await page.getByTestId('session-cancel-confirm').click()
  await expect(december).toHaveAttribute('data-state', /cancelled/)
  await expect(december).toContainText('The gym is closed for repairs')
  await expect(page.getByTestId('sessions-summary')).toContainText('cancelled 1')
  await december.scrollIntoViewIfNeeded()
  await shot(page, 'sessions-en')

  // Published, with a child enrolled: deleting is refused, and the dialog says why and what to do.
  await page.getByTestId('activity-publish').click()
  await page.getByTestId('activity-step-accept').click()
  await expect(page.getByTestId('activity-state').first()).toHaveText('Published')
  const activityId = Number(/activities\/(\d+)/.exec(page.url())![1])
  const child = await registerByCall(page, childInput(await centreId(page)))
  await data(page, 'enrolments/apply', {
    activityId,
    personIds: [child.person.id],
    priceOptionId: null,
    source: 'staff',
    note: '',
  })
  await page.reload()
  // Approval is by staff: the child's application waits, and it alone keeps the club from being deleted.
  await expect(page.getByTestId('seats-applied')).toContainText('1')
  await page.getByTestId('activity-delete').click()
  await page.getByTestId('activity-step-accept').click()
  await expect(page.getByTestId('activity-step-problem')).toContainText(
    'cannot be deleted. Cancel the activity instead',
  )
  await page.keyboard.press('Escape')

  // The list, in both languages.
  await page.getByTestId('activity-back').click()
  await expect(page.getByTestId('activities-table')).toContainText('Thu 16:00–17:30')
  await expect(page.getByTestId('activities-table')).toContainText('0 / 12')
  await shot(page, 'list-en')

  await shell.chooseLanguage(page, 'Čeština')
  await expect(page.getByTestId('activities-table')).toContainText('čt 16:00–17:30')
  await shot(page, 'list-cs')
  await page.getByTestId('activities-table').getByText('Florbal').click()
  await expect(page.getByTestId('activity-facts')).toContainText('čtvrtek 16:00–17:30, Gym A')
  await shot(page, 'page-cs')
  await page.getByTestId('activity-tab-sessions').click()
  await expect(page.getByTestId('sessions-summary')).toContainText('zrušeno 1')
  await page.getByTestId('session-2026-12-03').scrollIntoViewIfNeeded()
  await shot(page, 'sessions-cs')
  await page.getByTestId('activity-edit').click()
  await expect(page.getByTestId('activity-name')).toBeFocused()
  await shot(page, 'form-cs')
})

test('cancelling an event withdraws everyone in it, keeps them in its history and refuses new people', async ({
  frontdesk,
}) => {
  const { page } = frontdesk
  await page.setViewportSize({ width: 1366, height: 768 })
  await shell.chooseLanguage(page, 'English')
  await signedInAsAdministrator(page)
  const unitId = await centreId(page)
  const draft = await data<Activity>(page, 'activities/create', {
    activity: sampleActivity(unitId, {
      kind: 'event',
      code: 'VYL-01',
      name: 'Trip to the zoo',
      startsOn: '2027-05-15',
      endsOn: '2027-05-15',
      startsAt: '08:00',
      endsAt: '16:00',
      slots: [],
      capacity: 20,
      approval: 'automatic',
    }),
    clashOverride: null,
  })
  const event = await data<Activity>(page, 'activities/publish', { id: draft.id, expectedVersion: draft.version })
  const children = [
    await registerByCall(page, childInput(unitId, { firstName: 'Eliška', lastName: 'Horáková' })),
    await registerByCall(page, childInput(unitId, { firstName: 'Matěj', lastName: 'Horák' })),
  ]
  await data(page, 'enrolments/apply', {
    activityId: event.id,
    personIds: children.map((child) => child.person.id),
    priceOptionId: null,
    source: 'staff',
    note: '',
  })

  await page.evaluate((id) => (location.hash = `#/activities/${id}`), event.id)
  await expect(page.getByTestId('enrolment-tab-enrolled')).toContainText('2')
  await page.getByTestId('activity-cancel-activity').click()
  await expect(page.getByTestId('activity-cancel-reason')).toBeFocused()
  await page.keyboard.type('The bus company cancelled')
  await page.locator('#activity-fee-refund').check()
  await page.getByTestId('activity-cancel-confirm').click()
  await expect(page.getByTestId('activity-state').first()).toHaveText('Cancelled')

  // Nobody is enrolled any more; both stay in the history, withdrawn.
  await expect(page.getByTestId('enrolment-tab-enrolled')).not.toContainText('2')
  await page.getByTestId('enrolment-tab-history').click()
  await expect(page.getByTestId('enrolment-tabs')).toContainText('Horáková')
  await expect(page.getByTestId('enrolment-tabs')).toContainText('Horák')
  for (const child of children) {
    const [enrolment] = await data<{ state: string }[]>(page, 'enrolments/list-for-person', {
      personId: child.person.id,
    })
    expect(enrolment.state).toBe('withdrawn')
  }
  // A cancelled activity receives nobody, and says so.
  const late = await registerByCall(page, childInput(unitId, { firstName: 'Adam', lastName: 'Pozdní' }))
  const refused = (await callFromPage(page, 'enrolments/apply', {
    activityId: event.id,
    personIds: [late.person.id],
    priceOptionId: null,
    source: 'staff',
    note: '',
  })) as { ok: boolean; error?: { reason?: string } }
  expect(refused).toMatchObject({ ok: false, error: { reason: 'activity_cancelled' } })
  await shot(page, 'cancelled-en')
})
