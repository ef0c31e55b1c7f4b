import { expect, type Locator, type Page } from '@playwright/test'
import { callFromPage } from './pages'

/** Page actions and test data of the people screens: the register, the search palette, people themselves. */

// ---- test data, entered through main's command channel -------------------------------------

export interface NewPerson {
  firstName: string
  lastName: string
  /** YYYY-MM-DD */
  birthDate: string | null
  member?: boolean
  phone?: string
  email?: string
  /** Created as this person's guardian (mother). */
  guardianOf?: number
}

const address = { street: '', city: '', postalCode: '', country: '' }

async function data<T>(page: Page, name: string, input: unknown): Promise<T> {
  const result = (await callFromPage(page, name, input)) as { ok: boolean; data?: T; error?: unknown }
  expect(result.ok, `${name}: ${JSON.stringify(result.error)}`).toBe(true)
  return result.data as T
}

/** Creates a person in the centre itself, as the person page would; returns the new id. */
export async function createPerson(page: Page, person: NewPerson): Promise<number> {
  const [centre] = await data<{ id: number; parentId: number | null }[]>(page, 'units/list', {})
  const file = await data<{ person: { id: number } }>(page, 'people/create', {
    person: {
      unitId: centre.id,
      firstName: person.firstName,
      lastName: person.lastName,
      birthDate: person.birthDate,
      sex: null,
      school: '',
      schoolClass: '',
      photoConsent: false,
      member: person.member ?? false,
      memberUntil: null,
      notes: '',
      contacts: {
        email: person.email ?? null,
        phones: person.phone ? [person.phone] : [],
        address,
        healthNotes: '',
        dietaryNotes: '',
        billing: { ...address, name: '', companyId: '', vatId: '' },
      },
    },
    link:
      person.guardianOf === undefined
        ? undefined
        : { personId: person.guardianOf, as: 'guardian', relation: 'mother', primaryContact: true, mayPickUp: true },
    allowDuplicate: true,
  })
  return file.person.id
}

// ---- the register ----------------------------------------------------------------------------

export const register = {
  /** Rows of the list that have loaded, in the order shown. */
  rows(page: Page): Locator {
    return page.getByTestId('register-table').locator('[role="row"][data-testid^="register-row-"]')
  },
  row(page: Page, id: number): Locator {
    return page.getByTestId(`register-row-${id}`)
  },
  async search(page: Page, text: string): Promise<void> {
    await page.getByTestId('register-search').fill(text)
  },
  /** Sorts by a column header (name, birthDate, age, unit); a second click turns the order round. */
  header(page: Page, column: 'name' | 'birthDate' | 'age' | 'unit'): Locator {
    return page.getByTestId(`register-sort-${column}`)
  },
  async chooseMembership(page: Page, label: string): Promise<void> {
    await page.getByTestId('register-membership').getByRole('button', { name: label, exact: true }).click()
  },
  count(page: Page): Locator {
    return page.getByTestId('register-count')
  },
}

// ---- the search palette (Ctrl+K) -------------------------------------------------------------

export const palette = {
  root(page: Page): Locator {
    return page.getByTestId('search-palette')
  },
  async open(page: Page): Promise<void> {
    await page.keyboard.press('Control+KeyK')
    await expect(palette.input(page)).toBeFocused()
  },
  input(page: Page): Locator {
    return page.getByTestId('search-palette-input')
  },
  hits(page: Page): Locator {
    return palette.root(page).getByRole('option')
  },
  /** The person id a hit opens. */
  async idOf(hit: Locator): Promise<number> {
    const testId = await hit.getAttribute('data-testid')
    return Number(/^search-hit-(\d+)$/.exec(testId ?? '')?.[1])
  },
}
