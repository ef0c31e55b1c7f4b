import type { Browser } from '@playwright/test'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  asAdmin,
  startThrowawayCluster,
  whyNoPostgres,
  type ThrowawayCluster,
} from '../../scripts/postgres/throwawayCluster'
import { createCentreDatabase, grantDeskRole, type CentreRoles } from '../../scripts/postgres/centreRoles'
import { CHROMIUM_ARGS, systemChromium } from './support/browsers'
import { BrowserFrontdesk, expect, PreviewBackend, test, type PreviewDatabase } from './support/frontdesk'
import { ADMINISTRATOR, shell, signedInAsAdministrator, signIn } from './support/pages'
import { register } from './support/peoplePages'
import { personForm, personPage } from './support/personPages'

const CENTRE_DATABASE = 'frontdesk_centre'
const ROLES: CentreRoles = {
  owner: { user: 'frontdesk_owner', password: 'owner-e2e-secret' },
  desk: { user: 'frontdesk_desk', password: 'desk-e2e-secret' },
}
const STALE_EN = 'Someone else changed this record after you opened the form.'

const noPostgres = whyNoPostgres()
if (noPostgres && process.env.CI) throw new Error(`CI must run the two-desk spec on PostgreSQL, but ${noPostgres}`)
if (noPostgres) console.warn(`[e2e] two-desks.spec.ts is SKIPPED: ${noPostgres}.`)

/**
 * Two reception desks are two backend processes on one PostgreSQL database, as at a centre
 * with a shared server: each a preview backend with its own data folder, signed in on its own.
 */
test.describe('two desks on one PostgreSQL server', () => {
  test.skip(!!noPostgres, `Skipped: no PostgreSQL to start a throw-away server (${noPostgres})`)

  let cluster: ThrowawayCluster | null = null
  let database: PreviewDatabase

  // A server of its own: the centre's database made by an administrator, migrated by the owner role.
  test.beforeAll(async ({}, testInfo) => {
    test.skip(testInfo.project.name === 'electron', 'Two preview backends in browsers: the Chromium project runs it')
    cluster = await startThrowawayCluster()
    await asAdmin(cluster, 'postgres', (admin) => createCentreDatabase(admin, CENTRE_DATABASE, ROLES))
    await asAdmin(cluster, CENTRE_DATABASE, (centre) => grantDeskRole(centre, ROLES))
    const url = (user: string) =>
      `postgres://${user}@${cluster!.host}:${cluster!.port}/${CENTRE_DATABASE}?sslmode=disable`
    // The app's own start-up migrates: a backend run once as the owner builds the schema.
    const ownerDir = mkdtempSync(join(tmpdir(), 'frontdesk-owner-'))
    const owner = new PreviewBackend(ownerDir, { serverUrl: url(ROLES.owner.user), password: ROLES.owner.password })
    try {
      await owner.start()
      expect(owner.log, 'the owner migrated the centre database').not.toContain('cannot be used')
    } finally {
      await owner.stop()
      rmSync(ownerDir, { recursive: true, force: true })
    }
    // The desks connect as the desk role, which may read and write rows and nothing more.
    database = { serverUrl: url(ROLES.desk.user), password: ROLES.desk.password }
  })

  test.afterAll(async () => {
    await cluster?.stop()
  })

  test('the first desk registers a person, the second finds them, and of two saves the second is told it is stale', async ({
    playwright,
  }, testInfo) => {
    test.setTimeout(120_000)
    const browser: Browser = await playwright.chromium.launch({ executablePath: systemChromium(), args: CHROMIUM_ARGS })
    const dataDirs = [mkdtempSync(join(tmpdir(), 'frontdesk-desk1-')), mkdtempSync(join(tmpdir(), 'frontdesk-desk2-'))]
    const [first, second] = dataDirs.map((dataDir) => new BrowserFrontdesk(browser, dataDir, database))
    try {
      // Desk 1: the first start creates the centre on the server.
      await first.start()
      await shell.chooseLanguage(first.page, 'English')
      await signedInAsAdministrator(first.page)
      await personPage.openNew(first.page)
      await personForm.fill(first.page, {
        firstName: 'Jana',
        lastName: 'Nováková',
        birthDate: '12/04/1986',
        sex: 'Female',
        phones: ['+420 777 123 456'],
      })
      await personForm.save(first.page)
      await expect(personPage.name(first.page)).toHaveText('Jana Nováková')
      const jana = await personPage.id(first.page)
      await shell.open(first.page, 'people')
      await register.search(first.page, 'novakova')
      await expect(register.row(first.page, jana)).toContainText('Nováková Jana')

      // Desk 2, its own process on the same database: the centre exists, so it asks to sign in.
      await second.start()
      await shell.chooseLanguage(second.page, 'English')
      await signIn(second.page, ADMINISTRATOR.username, ADMINISTRATOR.password)
      await expect(second.page.getByTestId('user-menu')).toContainText(ADMINISTRATOR.name)
      await register.search(second.page, 'novakova')
      await expect(register.row(second.page, jana)).toContainText('Nováková Jana')
      await first.screenshot('two-desks-first')
      await second.screenshot('two-desks-second')

      // Both open the record for editing; the first save wins, the second is refused as stale.
      await personPage.open(first.page, jana)
      await personPage.edit(first.page)
      await personPage.open(second.page, jana)
      await personPage.edit(second.page)
      await personForm.fill(first.page, { notes: 'Picks up at 3 pm' })
      await personForm.fill(second.page, { notes: 'Grandma picks up' })
      await personForm.save(first.page)
      await expect(first.page.getByTestId('person-notes-view')).toHaveText('Picks up at 3 pm')
      await personForm.save(second.page)
      await expect(second.page.getByTestId('person-form-problem')).toContainText(STALE_EN)
      await expect(second.page.locator('#person-notes')).toHaveValue('Grandma picks up')
      await second.screenshot('two-desks-stale')
    } finally {
      for (const desk of [first, second]) await desk.stop()
      // Each backend's own log: an INTERNAL on screen names a reference that is explained there.
      for (const [index, desk] of [first, second].entries()) {
        const path = testInfo.outputPath(`desk-${index + 1}-backend.log`)
        writeFileSync(path, desk.log)
        await testInfo.attach(`desk-${index + 1}-backend.log`, { path, contentType: 'text/plain' })
      }
      await browser.close()
      for (const dataDir of dataDirs) rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
