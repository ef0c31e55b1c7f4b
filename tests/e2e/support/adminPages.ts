import { expect, type Locator, type Page } from '@playwright/test'

/** Page actions of the administration screens (Settings tabs, units, staff, roles, audit trail). */

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
/** The whole text of an element, not a part of it: "Sport" must not find "Sport U10". */
const exactly = (text: string) => new RegExp(`^\\s*${escape(text)}\\s*$`)

interface Grant {
  role: string
  unit: string
  includeSubUnits: boolean
}

/** Closes the confirmation toasts, so a screenshot shows the screen rather than the news. */
export async function dismissToasts(page: Page): Promise<void> {
  const close = page.locator('.p-toast-close-button')
  await expect(async () => {
    // A toast sliding in or out is never "stable": click through it, then look again.
    if ((await close.count()) > 0)
      await close
        .first()
        .click({ force: true, timeout: 1000 })
        .catch(() => undefined)
    await expect(page.locator('.p-toast-message')).toHaveCount(0, { timeout: 500 })
  }).toPass({ timeout: 10_000 })
}

export type SettingsTab = 'organisation' | 'units' | 'staff' | 'roles' | 'security' | 'backups'

export const settingsTabs = {
  async open(page: Page, tab: SettingsTab): Promise<void> {
    await page.getByTestId(`settings-tab-${tab}`).click()
    await expect(page).toHaveURL(new RegExp(`[?&]tab=${tab}`))
  },
}

export const units = {
  row(page: Page, name: string): Locator {
    return page
      .getByTestId('units-tree')
      .locator('tbody tr')
      .filter({ has: page.locator('.unit-name', { hasText: exactly(name) }) })
  },
  async addSubUnit(page: Page, parent: string, name: string): Promise<void> {
    await units.row(page, parent).getByTestId('unit-add').click()
    await page.getByTestId('unit-name').fill(name)
    await page.getByTestId('unit-name-save').click()
    await expect(page.getByTestId('unit-name-dialog')).toBeHidden()
    await expect(units.row(page, name)).toBeVisible()
  },
  async openMove(page: Page, name: string): Promise<Locator> {
    await units.row(page, name).getByTestId('unit-move').click()
    const dialog = page.getByTestId('unit-move-dialog')
    await dialog.getByTestId('unit-parent').click()
    return page.getByRole('tree')
  },
  /** Units the open unit picker offers, by name. */
  offered(page: Page, name: string): Locator {
    return page.getByRole('treeitem', { name, exact: true })
  },
  /** Picks a unit in the open picker: its own line, not the middle of its sub-tree. */
  async pick(page: Page, name: string): Promise<void> {
    await units.offered(page, name).locator(':scope > [data-pc-section="nodecontent"]').click()
  },
  async archive(page: Page, name: string): Promise<void> {
    await units.row(page, name).getByTestId('unit-archive').click()
  },
  async showArchived(page: Page): Promise<void> {
    await page.getByTestId('units-show-archived').click()
  },
}

export const staff = {
  row(page: Page, name: string): Locator {
    return page
      .getByTestId('staff-table')
      .locator('tbody tr')
      .filter({ has: page.locator('.staff-name', { hasText: exactly(name) }) })
  },
  async openCreate(page: Page): Promise<Locator> {
    await page.getByTestId('staff-new').click()
    return page.getByTestId('staff-create-dialog')
  },
  async fillCreate(
    page: Page,
    member: { name: string; username: string; password: string; passwordAgain?: string },
  ): Promise<void> {
    await page.getByTestId('staff-displayName').fill(member.name)
    await page.getByTestId('staff-username').fill(member.username)
    await page.locator('#staff-password').fill(member.password)
    await page.locator('#staff-passwordAgain').fill(member.passwordAgain ?? member.password)
    await page.getByTestId('staff-create-save').click()
  },
  /** Fills the grant dialog without saving it, so a spec can look at it first. */
  async fillGrant(page: Page, name: string, grant: Grant): Promise<Locator> {
    await staff.row(page, name).getByTestId('staff-grant').click()
    const dialog = page.getByTestId('staff-grant-dialog')
    await dialog.getByTestId('grant-role').click()
    await page.getByRole('option', { name: grant.role, exact: true }).click()
    await dialog.getByTestId('grant-unit').click()
    await units.pick(page, grant.unit)
    await dialog.locator('#grant-sub-units').setChecked(grant.includeSubUnits)
    return dialog
  },
  async grant(page: Page, name: string, grant: Grant): Promise<void> {
    const dialog = await staff.fillGrant(page, name, grant)
    await dialog.getByTestId('grant-save').click()
    await expect(dialog).toBeHidden()
  },
  grants(page: Page, name: string): Locator {
    return staff.row(page, name).getByTestId('grant-chip')
  },
}

export const roles = {
  row(page: Page, name: string): Locator {
    return page
      .getByTestId('roles-table')
      .locator('tbody tr')
      .filter({ has: page.locator('.role-name', { hasText: exactly(name) }) })
  },
  async edit(page: Page, name: string): Promise<Locator> {
    await roles.row(page, name).getByTestId('role-edit').click()
    return page.getByTestId('role-dialog')
  },
  /** Ticks or unticks one permission in the open role dialog, by its name in the contract. */
  async setPermission(page: Page, permission: string, on: boolean): Promise<void> {
    await page.getByTestId(`permission-${permission}`).locator('input').setChecked(on)
  },
  async save(page: Page): Promise<void> {
    await page.getByTestId('role-save').click()
    await expect(page.getByTestId('role-dialog')).toBeHidden()
  },
  async delete(page: Page, name: string): Promise<void> {
    await roles.row(page, name).getByTestId('role-delete').click()
    await page.getByTestId('confirm-accept').click()
  },
}

export const auditTrail = {
  async chooseCommand(page: Page, command: string): Promise<void> {
    await page.getByTestId('audit-command').click()
    await page.getByRole('option', { name: new RegExp(`^${escape(command)}( |$)`) }).click()
  },
  async search(page: Page, text: string): Promise<void> {
    await page.getByTestId('audit-text').fill(text)
  },
  /** Types a calendar day into a date filter, as the desk's language writes it. */
  async setDate(page: Page, which: 'from' | 'to', typed: string): Promise<void> {
    const input = page.locator(`#audit-${which}`)
    await input.fill(typed)
    await input.press('Escape')
  },
  rows(page: Page): Locator {
    return page.getByTestId('audit-table').locator('tbody tr')
  },
  async clear(page: Page): Promise<void> {
    await page.getByTestId('audit-clear').click()
  },
}
