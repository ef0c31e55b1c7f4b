import { expect, type Download, type Locator, type Page } from '@playwright/test'
import type { PersonFile, PersonInput } from '../../../src/shared/contract/people'
import { sampleChild, samplePerson as personInput } from '../../support/personSamples'
import { dismissToasts } from './adminPages'
import { callFromPage } from './pages'

/** Page actions of the person page: the record, its form, the family panel, merging, export. */

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
/** The whole text of an element, not a part of it: "Tomáš Novák" must not find "Tomáš Novák Jr.". */
const exactly = (text: string) => new RegExp(`^\\s*${escape(text)}\\s*$`)

export interface PersonValues {
  firstName?: string
  lastName?: string
  /** As the desk types it: 12/04/1986, 12. 4. 1986 … */
  birthDate?: string
  sex?: 'Female' | 'Male' | 'Žena' | 'Muž'
  email?: string
  phones?: string[]
  street?: string
  city?: string
  postalCode?: string
  country?: string
  school?: string
  schoolClass?: string
  healthNotes?: string
  dietaryNotes?: string
  notes?: string
}

const TEXT_FIELDS = [
  'firstName',
  'lastName',
  'birthDate',
  'email',
  'street',
  'city',
  'postalCode',
  'country',
  'school',
  'schoolClass',
  'healthNotes',
  'dietaryNotes',
  'notes',
] as const

/** A calendar day typed as the English desk writes it (dd/mm/yyyy). */
export function typedDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()}`
}

export const personPage = {
  async open(page: Page, id: number): Promise<void> {
    await page.evaluate((personId) => (location.hash = `#/people/${personId}`), id)
    await expect(page.getByTestId('person-header')).toBeVisible()
  },
  /** The empty form; `query` links the new person at once (`?childOf=5`). */
  async openNew(page: Page, query = ''): Promise<void> {
    await page.evaluate((q) => (location.hash = `#/people/new${q}`), query)
    await expect(page.getByTestId('person-form')).toBeVisible()
  },
  /** The record's number, from the address of the open page. */
  async id(page: Page): Promise<number> {
    await expect(page).toHaveURL(/#\/people\/\d+$/)
    return Number(/#\/people\/(\d+)$/.exec(page.url())![1])
  },
  name(page: Page): Locator {
    return page.getByTestId('person-name')
  },
  /** The guardians (on a child's page) or the children (on a guardian's page) in the family panel. */
  family(page: Page, side: 'guardian' | 'child'): Locator {
    return page.getByTestId('family-panel').getByTestId(`family-${side}`)
  },
  familyMember(page: Page, side: 'guardian' | 'child', name: string): Locator {
    return personPage
      .family(page, side)
      .filter({ has: page.getByTestId('family-member-link').filter({ hasText: exactly(name) }) })
  },
  async openFamilyMember(page: Page, side: 'guardian' | 'child', name: string): Promise<void> {
    await personPage.familyMember(page, side, name).getByTestId('family-member-link').click()
    await expect(personPage.name(page)).toHaveText(name)
  },
  async addChild(page: Page): Promise<void> {
    await page.getByTestId('family-add-child').click()
    await expect(page.getByTestId('person-form-link')).toBeVisible()
  },
  async edit(page: Page): Promise<void> {
    await page.getByTestId('person-edit').click()
    await expect(page.getByTestId('person-form')).toBeVisible()
  },
  /** One of the actions behind the ⋮ button, by its words. */
  async more(page: Page, action: RegExp): Promise<void> {
    // The last news sits where the menu opens, top right: read, then out of the way.
    await dismissToasts(page)
    await page.getByTestId('person-more').click()
    await page.getByRole('menuitem', { name: action }).click()
  },
  /** Exports the personal data and hands back the file the browser received. */
  async export(page: Page, format: 'PDF' | 'JSON'): Promise<Download> {
    await dismissToasts(page)
    await page.getByTestId('person-export').click()
    const download = page.waitForEvent('download')
    await page.getByRole('menuitem', { name: new RegExp(format) }).click()
    return download
  },
}

export const personForm = {
  async fill(page: Page, values: PersonValues): Promise<void> {
    for (const field of TEXT_FIELDS) {
      const value = values[field]
      if (value !== undefined) await page.locator(`#person-${field}`).fill(value)
    }
    if (values.sex) await page.getByTestId('person-sex').getByRole('button', { name: values.sex, exact: true }).click()
    for (const [index, phone] of (values.phones ?? []).entries()) {
      if (index > 0 && (await page.locator(`#person-phone-${index}`).count()) === 0) {
        await page.getByTestId('person-phone-add').click()
      }
      await page.locator(`#person-phone-${index}`).fill(phone)
    }
  },
  async save(page: Page): Promise<void> {
    await page.getByTestId('person-save').click()
  },
  /** The message under a field: its error, or its hint when there is none. */
  help(page: Page, field: string): Locator {
    return page.locator(`#person-${field}-help`)
  },
  duplicateWarning(page: Page): Locator {
    return page.getByTestId('duplicate-warning')
  },
  duplicateDialog(page: Page): Locator {
    return page.getByTestId('duplicate-dialog')
  },
}

export const familyLinkDialog = {
  dialog(page: Page): Locator {
    return page.getByTestId('family-link-dialog')
  },
  async open(page: Page): Promise<Locator> {
    await page.getByTestId('family-link-existing').click()
    return familyLinkDialog.dialog(page)
  },
  /** Picks the person the desk is looking for, by what it types, and says how they are related. */
  async fill(
    page: Page,
    values: { side?: 'guardian' | 'child'; query?: string; name?: string; relation?: string },
  ): Promise<void> {
    const dialog = familyLinkDialog.dialog(page)
    if (values.side) await dialog.locator(`#family-side-${values.side}`).check()
    if (values.query && values.name) {
      await dialog.locator('#family-person').fill(values.query)
      await page.getByRole('option').filter({ hasText: values.name }).first().click()
    }
    if (values.relation) {
      await dialog.getByTestId('family-relation').click()
      await page.getByRole('option', { name: values.relation, exact: true }).click()
    }
  },
  async save(page: Page): Promise<void> {
    await familyLinkDialog.dialog(page).getByTestId('family-link-save').click()
  },
}

export const mergeDialog = {
  dialog(page: Page): Locator {
    return page.getByTestId('merge-dialog')
  },
  /** Opens Merge with… and picks the other record by what the desk types. */
  async pick(page: Page, action: RegExp, query: string, name: string): Promise<Locator> {
    await personPage.more(page, action)
    const dialog = mergeDialog.dialog(page)
    await dialog.locator('#merge-other').fill(query)
    await page.getByRole('option').filter({ hasText: name }).first().click()
    await expect(dialog.getByTestId('merge-table')).toBeVisible()
    return dialog
  },
  row(page: Page, field: string): Locator {
    return mergeDialog.dialog(page).getByTestId(`merge-row-${field}`)
  },
  async choose(page: Page, field: string, side: 'keep' | 'remove'): Promise<void> {
    await mergeDialog.dialog(page).locator(`#merge-${field}-${side}`).check()
  },
}

/** Registers people straight through main, for specs about what comes after registering. */
export async function registerByCall(
  page: Page,
  person: PersonInput,
  extra: { link?: unknown; allowDuplicate?: boolean } = {},
): Promise<PersonFile> {
  const result = (await callFromPage(page, 'people/create', { person, ...extra })) as { ok: boolean; data?: PersonFile }
  expect(result.ok, 'people/create').toBe(true)
  return result.data!
}

/** The centre (root unit) of a freshly set-up desk. */
export async function centreId(page: Page): Promise<number> {
  const result = (await callFromPage(page, 'units/list', {})) as {
    ok: boolean
    data?: { id: number; parentId: number | null }[]
  }
  return result.data!.find((unit) => unit.parentId === null)!.id
}

/** A child of the family in `personInput`: the same home, no contacts of their own. */
export function childInput(unitId: number, overrides: Partial<PersonInput> = {}): PersonInput {
  return sampleChild(unitId, overrides.firstName ?? 'Eliška', overrides.birthDate ?? '2015-09-03', overrides)
}

export { personInput }
