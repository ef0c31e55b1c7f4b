import { auditTrail, dismissToasts, roles, settingsTabs, staff, units } from './support/adminPages'
import { expect, test } from './support/frontdesk'
import { ADMINISTRATOR, shell, signedInAsAdministrator } from './support/pages'

const CENTRE = 'DDM Jablíčko'
const RADKA = { name: 'Radka Recepční', username: 'radka', password: 'pondělí-ráno-42' }

/** A day as the English desk types it (dd/mm/yyyy). */
function typedDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()}`
}

test('the administrator builds the units, adds a receptionist, edits a role and finds it all in the audit trail', async ({
  frontdesk,
}) => {
  const { page } = frontdesk
  await shell.chooseLanguage(page, 'English')
  await signedInAsAdministrator(page, CENTRE)

  // Units: a department and a group under it.
  await shell.open(page, 'settings')
  await settingsTabs.open(page, 'units')
  await units.addSubUnit(page, CENTRE, 'Sport')
  await units.addSubUnit(page, 'Sport', 'Football U10')
  await units.addSubUnit(page, CENTRE, 'Arts')

  // Moving never offers the unit itself nor anything below it.
  await units.openMove(page, 'Sport')
  await expect(units.offered(page, 'Arts')).toBeVisible()
  await expect(units.offered(page, CENTRE)).toBeVisible()
  await expect(units.offered(page, 'Sport')).toHaveCount(0)
  await expect(units.offered(page, 'Football U10')).toHaveCount(0)
  await frontdesk.screenshot('admin-unit-move-en')
  await units.pick(page, 'Arts')
  await page.getByTestId('unit-move-dialog').getByRole('button', { name: 'Cancel' }).click()

  // A department with active groups cannot be archived: the reason is said in words.
  await units.archive(page, 'Sport')
  await expect(page.getByText('Archive its sub-units first.')).toBeVisible()
  await units.archive(page, 'Arts')
  await expect(units.row(page, 'Arts')).toHaveCount(0)
  await units.showArchived(page)
  await expect(units.row(page, 'Arts')).toContainText('Archived')
  await dismissToasts(page)
  await frontdesk.screenshot('admin-units-en')

  // Staff: the username is checked next to its field, then Radka gets Reception in Sport and below.
  await settingsTabs.open(page, 'staff')
  const create = await staff.openCreate(page)
  await staff.fillCreate(page, { ...RADKA, username: ADMINISTRATOR.username })
  await expect(create.locator('#staff-username-help')).toHaveText('That username is taken.')
  await frontdesk.screenshot('admin-staff-create-en-taken')
  await staff.fillCreate(page, { ...RADKA, passwordAgain: 'something else' })
  await expect(create.locator('#staff-passwordAgain-help')).toHaveText('The two passwords differ.')
  await staff.fillCreate(page, RADKA)
  await expect(create).toBeHidden()
  await expect(staff.row(page, RADKA.name)).toContainText('No role yet')
  const grant = await staff.fillGrant(page, RADKA.name, { role: 'Reception', unit: 'Sport', includeSubUnits: true })
  await dismissToasts(page)
  await frontdesk.screenshot('admin-grant-en')
  await grant.getByTestId('grant-save').click()
  await expect(staff.grants(page, RADKA.name)).toHaveText(['Reception · Sport (+ sub-units)'])
  await dismissToasts(page)
  await frontdesk.screenshot('admin-staff-en')

  // The tab is in the address, so an address with it opens that tab.
  await expect(page).toHaveURL(/#\/settings\?tab=staff$/)
  await page.evaluate(() => (location.hash = '#/settings?tab=roles'))
  await expect(page.getByTestId('settings-tab-roles')).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByTestId('roles-panel')).toBeVisible()

  // Roles: activity leaders may now decide enrolments.
  await roles.edit(page, 'Activity leader')
  await roles.setPermission(page, 'enrolments.decide', true)
  await frontdesk.screenshot('admin-role-dialog-en')
  await roles.save(page)
  await expect(roles.row(page, 'Activity leader')).toContainText('Decide enrolments')
  // A role someone holds cannot be deleted, and the dialog says why.
  await roles.delete(page, 'Reception')
  await expect(page.getByTestId('confirm-problem')).toHaveText('The role is granted to someone. Revoke it first.')
  await frontdesk.screenshot('admin-role-in-use-en')
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Cancel' }).click()
  await dismissToasts(page)
  await frontdesk.screenshot('admin-roles-en')

  // Security: the desk locks itself after a quarter of an hour.
  await settingsTabs.open(page, 'security')
  await page.getByTestId('security-auto-lock').fill('15')
  await page.getByTestId('security-save').click()
  await expect(page.getByText('Automatic lock set to 15 minutes')).toBeVisible()

  // The audit trail finds each change by its command and by words of it.
  await shell.open(page, 'audit')
  await expect(page.getByRole('heading', { name: 'Audit trail' })).toBeVisible()
  await auditTrail.chooseCommand(page, 'staff/grant-role')
  await expect(auditTrail.rows(page)).toHaveCount(1)
  await expect(auditTrail.rows(page)).toContainText('Granted Reception in Sport and its sub-units to Radka Recepční')
  await auditTrail.chooseCommand(page, 'units/create')
  await auditTrail.search(page, 'Football')
  await expect(auditTrail.rows(page)).toHaveCount(1)
  await expect(auditTrail.rows(page)).toContainText('Created unit Football U10 under Sport')
  await auditTrail.chooseCommand(page, 'roles/save')
  await auditTrail.search(page, 'Activity leader')
  await expect(auditTrail.rows(page)).toHaveCount(1)
  await expect(auditTrail.rows(page)).toContainText('enrolments.decide')
  await auditTrail.chooseCommand(page, 'settings/update-security')
  await auditTrail.search(page, '')
  await expect(auditTrail.rows(page)).toContainText('Auto-lock after 15 min')
  await auditTrail.chooseCommand(page, 'roles/save')
  await auditTrail.search(page, 'Activity leader')
  await expect(auditTrail.rows(page)).toHaveCount(1)
  await frontdesk.screenshot('admin-audit-en')

  // Dates are the desk's calendar days: today has them all, yesterday nothing.
  await auditTrail.clear(page)
  await expect(auditTrail.rows(page).first()).toContainText('settings/update-security')
  const today = new Date()
  const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1)
  await auditTrail.setDate(page, 'from', typedDay(today))
  await expect(auditTrail.rows(page).first()).toContainText('settings/update-security')
  await auditTrail.setDate(page, 'from', typedDay(yesterday))
  await auditTrail.setDate(page, 'to', typedDay(yesterday))
  await expect(page.getByTestId('audit-empty')).toHaveText('No entry matches these filters.')
  await auditTrail.clear(page)

  // The same screens in Czech.
  await shell.chooseLanguage(page, 'Čeština')
  await auditTrail.chooseCommand(page, 'units/create')
  await expect(page.getByTestId('audit-command')).toHaveText('Založení jednotky')
  await expect(page.getByRole('columnheader', { name: 'Co se stalo' })).toBeVisible()
  await frontdesk.screenshot('admin-audit-cs')
  await shell.open(page, 'settings')
  await settingsTabs.open(page, 'units')
  await expect(page.getByRole('heading', { name: 'Organizační jednotky' })).toBeVisible()
  await frontdesk.screenshot('admin-units-cs')
  await settingsTabs.open(page, 'staff')
  await expect(staff.grants(page, RADKA.name)).toHaveText(['Reception · Sport (+ podřízené jednotky)'])
  await frontdesk.screenshot('admin-staff-cs')
  await settingsTabs.open(page, 'roles')
  await expect(roles.row(page, 'Activity leader')).toContainText('Rozhodovat o přihláškách')
  await frontdesk.screenshot('admin-roles-cs')
})
