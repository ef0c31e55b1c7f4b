import { expect, test } from './support/frontdesk'
import { expectAccessible } from './support/axe'
import { ADMINISTRATOR, shell } from './support/pages'
import { asAdmin, startThrowawayCluster, type ThrowawayCluster } from '../../scripts/postgres/throwawayCluster'
import { createCentreDatabase, grantDeskRole, type CentreRoles } from '../../scripts/postgres/centreRoles'

const ROLES: CentreRoles = {
  owner: { user: 'centre_owner', password: 'vlastnik-tajne-1' },
  desk: { user: 'centre_desk', password: 'pult-tajne-2' },
}
const DATABASE = 'ddm_jablicko'

let cluster: ThrowawayCluster

// A server of the spec's own: throw-away, in a temporary folder on a free port, removed afterwards.
test.beforeAll(async () => {
  test.setTimeout(60_000)
  cluster = await startThrowawayCluster()
  await asAdmin(cluster, 'postgres', (admin) => createCentreDatabase(admin, DATABASE, ROLES))
  await asAdmin(cluster, DATABASE, (centre) => grantDeskRole(centre, ROLES))
})

test.afterAll(async () => {
  await cluster?.stop()
})

test('a new desk joins a shared server, sets the centre up there and shows it in Settings → Database', async ({
  frontdesk,
}) => {
  const { page } = frontdesk
  await page.setViewportSize({ width: 1366, height: 768 })
  await shell.chooseLanguage(page, 'English')
  await expect(page.getByTestId('first-run-form')).toBeVisible()
  await page.getByTestId('first-run-join').click()

  // Keyboard only: the host field has the focus, Tab walks the form, Enter submits.
  await expect(page.getByTestId('join-host')).toBeFocused()
  await page.keyboard.type(cluster.host)
  await page.keyboard.press('Tab')
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type(String(cluster.port))
  await page.getByTestId('join-database').fill(DATABASE)
  // The owner role sets an empty database up (it may create the tables); desks then join as the desk role.
  await page.getByTestId('join-user').fill(ROLES.owner.user)
  await page.locator('#join-password').fill('not-the-password')
  await page.locator('#join-password').press('Enter')

  await expect(page.locator('#join-password-help')).toHaveText('The server refused this user and password.')
  await expect(page.getByTestId('join-host')).toHaveValue(cluster.host)
  await expect(page.getByTestId('join-database')).toHaveValue(DATABASE)
  await expectAccessible(page, 'join server, wrong password (en)')
  await frontdesk.screenshot('database-join-wrong-password-en')
  await shell.chooseLanguage(page, 'Čeština')
  await expect(page.locator('#join-password-help')).toHaveText('Server tohoto uživatele a heslo odmítl.')
  await expectAccessible(page, 'join server, wrong password (cs)')
  await frontdesk.screenshot('database-join-wrong-password-cs')
  await shell.chooseLanguage(page, 'English')

  await page.locator('#join-password').fill(ROLES.owner.password)
  await page.getByTestId('join-test').click()
  await expect(page.getByTestId('join-tested')).toContainText('The database is empty')
  await page.locator('#join-password').press('Enter')

  // The server was empty: the centre is set up on it.
  await expect(page.getByTestId('first-run-on-server')).toContainText(`${cluster.host}:${cluster.port}/${DATABASE}`)
  await page.getByTestId('setup-centre').fill('DDM Jablíčko')
  await page.getByTestId('setup-name').fill(ADMINISTRATOR.name)
  await page.getByTestId('setup-username').fill(ADMINISTRATOR.username)
  await page.locator('#setup-password').fill(ADMINISTRATOR.password)
  await page.locator('#setup-password-again').fill(ADMINISTRATOR.password)
  await page.getByTestId('setup-submit').click()
  await expect(page.getByTestId('user-menu')).toContainText(ADMINISTRATOR.name)
  const staff = await asAdmin(cluster, DATABASE, (client) => client.query('SELECT username FROM staff_user'))
  expect(staff.rows.map((row) => row.username)).toEqual([ADMINISTRATOR.username])

  await shell.open(page, 'settings')
  await page.getByTestId('settings-tab-database').click()
  const panel = page.getByTestId('database-panel')
  await expect(panel.getByTestId('database-current')).toContainText(
    `the database server ${cluster.host}:${cluster.port}/${DATABASE}`,
  )
  await expect(panel.getByTestId('database-current')).toContainText('PostgreSQL')
  await expect(panel.getByTestId('backup-command')).toHaveText(
    new RegExp(`^pg_dump --host ${cluster.host} --port ${cluster.port} --username ${ROLES.owner.user} .*${DATABASE}$`),
  )
  await expectAccessible(page, 'settings database on a server (en)')
  await frontdesk.screenshot('database-settings-server-en')
  await page.getByTestId('settings-tab-backups').click()
  await expect(page.getByTestId('backups-panel')).toContainText('The server’s own backups apply')
  await page.getByTestId('settings-tab-database').click()
  await shell.chooseLanguage(page, 'Čeština')
  await expect(panel.getByTestId('database-current')).toContainText('s databázovým serverem')
  await expectAccessible(page, 'settings database on a server (cs)')
  await frontdesk.screenshot('database-settings-server-cs')
})
