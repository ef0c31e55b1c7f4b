import { readFileSync } from 'node:fs'
import { dismissToasts, roles } from './support/adminPages'
import { expect, test } from './support/frontdesk'
import {
  ADMINISTRATOR,
  callFromPage,
  RECEPTIONIST,
  shell,
  signedInAsAdministrator,
  signIn,
  signOut,
} from './support/pages'
import {
  centreId,
  childInput,
  familyLinkDialog,
  mergeDialog,
  personForm,
  personInput,
  personPage,
  registerByCall,
  typedDay,
} from './support/personPages'

/** Full years today of someone born on that day. */
function ageOn(year: number, month: number, day: number): number {
  const today = new Date()
  const birthdayPassed = today.getMonth() + 1 > month || (today.getMonth() + 1 === month && today.getDate() >= day)
  return today.getFullYear() - year - (birthdayPassed ? 0 : 1)
}

const JANA = 'Jana Nováková'
const ELISKA = 'Eliška Nováková'
const TOMAS = 'Tomáš Novák'

test('reception registers a mother and her two children, catches a duplicate and merges two records of one child', async ({
  frontdesk,
}) => {
  test.setTimeout(150_000)
  const { page } = frontdesk
  await shell.chooseLanguage(page, 'English')
  await signedInAsAdministrator(page)

  // The mother, through the form; Enter in the last field saves it.
  await personPage.openNew(page)
  await expect(page.getByTestId('person-new-title')).toHaveText('New person')
  await personForm.fill(page, {
    firstName: 'Jana',
    lastName: 'Nováková',
    birthDate: '12/04/1986',
    sex: 'Female',
    email: 'jana.novakova@example.cz',
    phones: ['+420 777 123 456'],
    street: 'Lipová 12',
    city: 'Brno',
    postalCode: '602 00',
  })
  await page.locator('#person-country').fill('Česko')
  await page.locator('#person-country').press('Enter')
  await expect(personPage.name(page)).toHaveText(JANA)
  await expect(page.getByTestId('person-birth')).toHaveText(/born 12\/04\/1986/)
  await expect(page.getByTestId('family-empty')).toBeVisible()
  const janaId = await personPage.id(page)

  // Each child in one step from her page: surname, address and unit come with the form.
  await personPage.addChild(page)
  await expect(page.getByTestId('person-new-title')).toHaveText(`New child of ${JANA}`)
  await expect(page.locator('#person-lastName')).toHaveValue('Nováková')
  await expect(page.locator('#person-street')).toHaveValue('Lipová 12')
  await expect(page.locator('#person-city')).toHaveValue('Brno')
  await expect(page.getByTestId('person-link-relation')).toHaveText('Mother')
  await personForm.fill(page, {
    firstName: 'Eliška',
    birthDate: '03/09/2015',
    sex: 'Female',
    healthNotes: 'Allergic to nuts',
    dietaryNotes: 'Gluten-free',
  })
  await personForm.save(page)
  // Back on the mother's page, where the family is being put together.
  await expect(personPage.name(page)).toHaveText(JANA)
  await expect(personPage.family(page, 'child')).toHaveCount(1)

  await personPage.addChild(page)
  await personForm.fill(page, {
    firstName: 'Tomáš',
    lastName: 'Novák',
    birthDate: '20/05/2018',
    sex: 'Male',
    school: 'ZŠ Lipová',
    dietaryNotes: 'No pork',
  })
  await personForm.save(page)
  await expect(personPage.name(page)).toHaveText(JANA)
  await expect(personPage.family(page, 'child')).toHaveCount(2)
  await expect(personPage.familyMember(page, 'child', ELISKA)).toContainText('Relation: mother')
  await expect(personPage.familyMember(page, 'child', ELISKA)).toContainText('Primary contact')
  await expect(personPage.familyMember(page, 'child', TOMAS)).toBeVisible()
  await dismissToasts(page)
  await frontdesk.screenshot('person-family-en')

  // Each child's page shows the mother, with her phone, and the health notes for the leaders.
  await personPage.openFamilyMember(page, 'child', ELISKA)
  await expect(personPage.familyMember(page, 'guardian', JANA)).toContainText('Mother')
  await expect(personPage.familyMember(page, 'guardian', JANA)).toContainText('+420 777 123 456')
  await expect(page.getByTestId('person-health-notes')).toHaveText('Allergic to nuts')
  await frontdesk.screenshot('person-child-en')
  await personPage.openFamilyMember(page, 'guardian', JANA)
  await personPage.openFamilyMember(page, 'child', TOMAS)
  await expect(personPage.familyMember(page, 'guardian', JANA)).toBeVisible()
  const tomasId = await personPage.id(page)

  // The same Eliška again: the form warns while typing, and main refuses until told to go on.
  await personPage.openNew(page)
  await personForm.fill(page, { firstName: 'Eliška', lastName: 'Nováková', birthDate: '3. 9. 2015' })
  await expect(personForm.duplicateWarning(page)).toContainText(ELISKA)
  await expect(personForm.duplicateWarning(page)).toContainText('same name and birth date')
  await expect(personForm.help(page, 'birthDate')).toHaveText(`age ${ageOn(2015, 9, 3)}`)
  await frontdesk.screenshot('person-duplicate-warning-en')
  await personForm.save(page)
  await expect(personForm.duplicateDialog(page)).toContainText('This person may already be registered')
  await expect(personForm.duplicateDialog(page).getByTestId('duplicate-item')).toContainText(ELISKA)
  await frontdesk.screenshot('person-duplicate-dialog-en')
  // "Open this record" goes to the Eliška already registered, instead of a second one.
  await personForm.duplicateDialog(page).getByTestId('duplicate-open').click()
  await expect(personPage.name(page)).toHaveText(ELISKA)
  await expect(personPage.familyMember(page, 'guardian', JANA)).toBeVisible()

  // A second Tomáš on purpose, with a phone the first lacks and another school.
  await personPage.openNew(page)
  await personForm.fill(page, {
    firstName: 'Tomáš',
    lastName: 'Novák',
    birthDate: '20/05/2018',
    phones: ['+420 603 111 222'],
    school: 'ZŠ Merhautova',
  })
  await expect(personForm.duplicateWarning(page)).toContainText(TOMAS)
  await personForm.save(page)
  await personForm.duplicateDialog(page).getByTestId('duplicate-save-anyway').click()
  await expect(personPage.name(page)).toHaveText(TOMAS)
  const secondTomasId = await personPage.id(page)
  expect(secondTomasId).not.toBe(tomasId)
  await expect(page.getByTestId('family-empty')).toBeVisible()

  // Merge: the first record stays (it has the family), the phone comes over, the school is chosen.
  await dismissToasts(page)
  const dialog = await mergeDialog.pick(page, /Merge with/, 'Tomáš Novák', TOMAS)
  await expect(dialog.getByTestId('merge-keep')).toContainText(`Record no. ${secondTomasId}`)
  await dialog.getByTestId('merge-swap').click()
  await expect(dialog.getByTestId('merge-keep')).toContainText(`Record no. ${tomasId}`)
  await expect(dialog.getByTestId('merge-remove')).toContainText(`Record no. ${secondTomasId}`)
  await expect(mergeDialog.row(page, 'phones')).toHaveClass(/merge-row-filled/)
  await expect(mergeDialog.row(page, 'phones')).toContainText('+420 603 111 222')
  await expect(mergeDialog.row(page, 'school')).toHaveClass(/merge-row-conflict/)
  await expect(mergeDialog.row(page, 'dietaryNotes')).toContainText('No pork')
  await mergeDialog.choose(page, 'school', 'remove')
  await expect(dialog.getByTestId('merge-references')).toContainText(
    'Everything linked to the removed record moves to the kept one',
  )
  await expect(dialog.getByTestId('merge-references')).toContainText('Nothing is linked to it at the moment.')
  await frontdesk.screenshot('person-merge-en')
  // First the record as it will be: the chosen school, the phone from the other record, the mother.
  await dialog.getByTestId('merge-confirm').click()
  await expect(dialog.getByTestId('merge-result-school')).toHaveText('ZŠ Merhautova')
  await expect(dialog.getByTestId('merge-result-phones')).toHaveText('+420 603 111 222')
  await expect(dialog.getByTestId('merge-result-family')).toContainText(`${JANA} (mother)`)
  await expect(dialog.getByTestId('merge-differences')).toHaveCount(0)
  await dialog.getByTestId('merge-confirm').click()
  await expect(dialog).toBeHidden()
  await expect(page).toHaveURL(new RegExp(`#/people/${tomasId}$`))
  await expect(page.getByTestId('person-fact-phones')).toHaveText('+420 603 111 222')
  await expect(page.getByTestId('person-details')).toContainText('ZŠ Merhautova')
  await expect(page.getByTestId('person-dietary-notes')).toHaveText('No pork')
  await expect(personPage.familyMember(page, 'guardian', JANA)).toBeVisible()
  // The removed record is gone; the mother still has exactly her two children.
  await page.evaluate((id) => (location.hash = `#/people/${id}`), secondTomasId)
  await expect(page.getByTestId('person-problem')).toHaveText('It is no longer there. Someone may have removed it.')
  await personPage.open(page, janaId)
  await expect(personPage.family(page, 'child')).toHaveCount(2)

  // The personal data leave as files the browser downloads.
  await personPage.open(page, tomasId)
  const pdf = await personPage.export(page, 'PDF')
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/)
  expect(
    readFileSync(await pdf.path())
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-')
  const json = await personPage.export(page, 'JSON')
  expect(json.suggestedFilename()).toMatch(/\.json$/)
  expect(readFileSync(await json.path(), 'utf8')).toContain('Merhautova')
})

test('main checks the form: an e-mail without a domain and a birth date in the future are shown at their fields', async ({
  frontdesk,
}) => {
  const { page } = frontdesk
  await shell.chooseLanguage(page, 'English')
  await signedInAsAdministrator(page)
  const unitId = await centreId(page)
  const jana = await registerByCall(page, personInput(unitId))

  await personPage.open(page, jana.person.id)
  await personPage.edit(page)
  const today = new Date()
  const nextYear = new Date(today.getFullYear() + 1, today.getMonth(), today.getDate())
  await personForm.fill(page, { email: 'jana.novakova@', birthDate: typedDay(nextYear), phones: ['12'] })
  await personForm.save(page)
  await expect(personForm.help(page, 'email')).toHaveText('Enter an e-mail address like jana@example.cz.')
  await expect(personForm.help(page, 'birthDate')).toHaveText('The birth date cannot be in the future.')
  await expect(personForm.help(page, 'phone-0')).toHaveText(
    'Enter a phone number: 6 to 15 digits, a + in front for the country code.',
  )
  // Something that is not a day at all is caught before asking main.
  await personForm.fill(page, { birthDate: '31/02/2015' })
  await personForm.save(page)
  await expect(personForm.help(page, 'birthDate')).toHaveText('Type a date like 12/04/2017.')
  await frontdesk.screenshot('person-form-errors-en')

  // Corrected, it saves and the page shows the record again.
  await personForm.fill(page, { email: 'jana@example.cz', birthDate: '12/04/1986', phones: ['+420 777 123 456'] })
  await personForm.save(page)
  await expect(page.getByTestId('person-fact-email')).toHaveText('jana@example.cz')
})

test('linking people who are already registered: the dialog says why a link cannot be made', async ({ frontdesk }) => {
  const { page } = frontdesk
  await shell.chooseLanguage(page, 'English')
  await signedInAsAdministrator(page)
  const unitId = await centreId(page)
  const jana = await registerByCall(page, personInput(unitId))
  const link = { personId: jana.person.id, as: 'child', relation: 'mother', primaryContact: true, mayPickUp: true }
  const eliska = await registerByCall(page, childInput(unitId, { firstName: 'Eliška', birthDate: '2015-09-03' }), {
    link,
  })
  await registerByCall(
    page,
    personInput(unitId, {
      firstName: 'Petr',
      lastName: 'Novák',
      sex: 'male',
      birthDate: '1984-01-30',
      contacts: { ...personInput(unitId).contacts!, email: 'petr.novak@example.cz', phones: ['+420 608 555 666'] },
    }),
  )

  await personPage.open(page, eliska.person.id)
  const dialog = await familyLinkDialog.open(page)
  // A child's page looks for a guardian first.
  await expect(dialog.locator('#family-side-guardian')).toBeChecked()
  await familyLinkDialog.fill(page, { query: 'Jana Nov', name: JANA, relation: 'Mother' })
  await familyLinkDialog.save(page)
  await expect(dialog.getByTestId('family-link-problem')).toHaveText('These two are already linked.')
  await familyLinkDialog.fill(page, { query: 'Eliška', name: ELISKA })
  await familyLinkDialog.save(page)
  await expect(dialog.locator('#family-person-help')).toHaveText('A person cannot be their own guardian.')
  await frontdesk.screenshot('person-link-dialog-en')

  // The father may not take her home: the panel says so next to his name.
  await familyLinkDialog.fill(page, { query: '608 555', name: 'Petr Novák', relation: 'Father' })
  await dialog.locator('#family-pickup').uncheck()
  await familyLinkDialog.save(page)
  await expect(dialog).toBeHidden()
  await expect(personPage.familyMember(page, 'guardian', 'Petr Novák')).toContainText('May not pick up')
  await expect(personPage.family(page, 'guardian')).toHaveCount(2)

  // Changing the link's permissions, then taking the link away.
  await personPage.familyMember(page, 'guardian', 'Petr Novák').getByTestId('family-edit-link').click()
  await dialog.locator('#family-pickup').check()
  await familyLinkDialog.save(page)
  await expect(personPage.familyMember(page, 'guardian', 'Petr Novák')).toContainText('May pick up')
  await personPage.familyMember(page, 'guardian', 'Petr Novák').getByTestId('family-unlink').click()
  await expect(page.getByTestId('person-confirm-dialog')).toContainText('Both records stay')
  await page.getByTestId('person-confirm-accept').click()
  await expect(personPage.family(page, 'guardian')).toHaveCount(1)

  // A child cannot become her own mother's guardian.
  await personPage.openFamilyMember(page, 'guardian', JANA)
  await familyLinkDialog.open(page)
  await familyLinkDialog.fill(page, { side: 'guardian', query: 'Eliška', name: ELISKA, relation: 'Other relation' })
  await familyLinkDialog.save(page)
  await expect(dialog.locator('#family-person-help')).toHaveText(
    'This would make a circle: the child already looks after this guardian.',
  )
})

test('on request the desk archives a record, restores it, and erases the personal data for good', async ({
  frontdesk,
}) => {
  const { page } = frontdesk
  await shell.chooseLanguage(page, 'English')
  await signedInAsAdministrator(page)
  const unitId = await centreId(page)
  const jana = await registerByCall(page, personInput(unitId))
  const eliska = await registerByCall(page, childInput(unitId, { firstName: 'Eliška', birthDate: '2015-09-03' }), {
    link: { personId: jana.person.id, as: 'child', relation: 'mother', primaryContact: true, mayPickUp: true },
  })

  await personPage.open(page, jana.person.id)
  await personPage.more(page, /^Archive/)
  await expect(page.getByTestId('person-tag-archived')).toHaveText('Archived')
  await expect(page.getByTestId('person-archived')).toContainText('left out of the register')
  await personPage.more(page, /^Restore/)
  await expect(page.getByTestId('person-tag-archived')).toHaveCount(0)

  await personPage.more(page, /Erase personal data/)
  const erase = page.getByTestId('person-erase-dialog')
  await expect(erase).toContainText('Payments, receipts and attendance stay')
  await erase.locator('#person-erase-surname').fill('Novák')
  await erase.getByTestId('person-erase-confirm').click()
  await expect(erase.locator('#person-erase-surname-help')).toHaveText('This does not match the surname.')
  await frontdesk.screenshot('person-erase-en')
  await erase.locator('#person-erase-surname').fill('nováková')
  await erase.getByTestId('person-erase-confirm').click()
  await expect(erase).toBeHidden()
  await expect(page.getByTestId('person-tag-anonymised')).toHaveText('Erased on request')
  await expect(personPage.name(page)).toHaveText(`Erased record no. ${jana.person.id}`)
  await expect(page.getByTestId('person-edit')).toHaveCount(0)
  // The child stays, without the link that named her mother.
  await personPage.open(page, eliska.person.id)
  await expect(page.getByTestId('family-empty')).toBeVisible()
})

test('the person page, the form and the merge dialog in Czech', async ({ frontdesk }) => {
  test.setTimeout(90_000)
  const { page } = frontdesk
  await signedInAsAdministrator(page)
  await shell.chooseLanguage(page, 'Čeština')
  const unitId = await centreId(page)
  const jana = await registerByCall(page, personInput(unitId))
  const link = { personId: jana.person.id, as: 'child', relation: 'mother', primaryContact: true, mayPickUp: true }
  const child = (firstName: string, lastName: string, birthDate: string) =>
    childInput(unitId, { firstName, lastName, birthDate, sex: firstName === 'Tomáš' ? 'male' : 'female' })
  await registerByCall(page, child('Eliška', 'Nováková', '2015-09-03'), { link })
  await registerByCall(page, child('Tomáš', 'Novák', '2018-05-20'), { link: { ...link, mayPickUp: false } })

  await personPage.open(page, jana.person.id)
  await expect(page.getByTestId('family-children')).toContainText('Děti')
  await expect(personPage.familyMember(page, 'child', TOMAS)).toContainText('Nesmí vyzvedávat')
  await expect(page.getByTestId('family-add-guardian')).toHaveText('Přidat zákonného zástupce')
  await frontdesk.screenshot('person-family-cs')
  await personPage.openFamilyMember(page, 'child', ELISKA)
  await expect(personPage.familyMember(page, 'guardian', JANA)).toContainText('Matka')
  await expect(page.getByTestId('person-health-alert')).toContainText('Zdravotní omezení')
  await frontdesk.screenshot('person-child-cs')

  // The Czech desk types the date its own way and meets the same warning.
  await page.getByTestId('family-add-guardian').click()
  await expect(page.getByTestId('person-new-title')).toHaveText(`Nový zákonný zástupce osoby ${ELISKA}`)
  await personPage.openNew(page)
  await personForm.fill(page, { firstName: 'Eliška', lastName: 'Nováková', birthDate: '3.9.2015', sex: 'Žena' })
  await expect(personForm.duplicateWarning(page)).toContainText('stejné jméno a datum narození')
  await frontdesk.screenshot('person-duplicate-warning-cs')
  await personForm.save(page)
  await expect(personForm.duplicateDialog(page)).toContainText('Tato osoba už možná je zapsaná')
  await frontdesk.screenshot('person-duplicate-dialog-cs')
  await personForm.duplicateDialog(page).getByTestId('duplicate-save-anyway').click()
  await expect(page.getByTestId('person-birth')).toContainText('nar. 3. 9. 2015')
  await dismissToasts(page)

  // This time the new record stays: what it lacks comes from the first one.
  const dialog = await mergeDialog.pick(page, /Sloučit s/, 'Eliška Nováková', ELISKA)
  await expect(dialog.getByTestId('merge-references')).toContainText('Rodinné vazby: 1')
  await expect(mergeDialog.row(page, 'healthNotes')).toContainText('doplní se')
  await frontdesk.screenshot('person-merge-cs')
  await dialog.getByTestId('merge-confirm').click()
  await expect(dialog.getByTestId('merge-review')).toContainText('Záznam po sloučení')
  await dialog.getByTestId('merge-confirm').click()
  await expect(page.getByText(`Záznamy sloučeny: ${ELISKA}`)).toBeVisible()
  await expect(personPage.familyMember(page, 'guardian', JANA)).toBeVisible()
})

test('a desk that may not see contacts edits a record and leaves the contacts as they were', async ({ frontdesk }) => {
  const { page } = frontdesk
  await shell.chooseLanguage(page, 'English')
  await signedInAsAdministrator(page)
  const unitId = await centreId(page)
  const jana = await registerByCall(page, personInput(unitId))
  const data = async <T>(name: string, input: unknown): Promise<T> =>
    ((await callFromPage(page, name, input)) as unknown as { data: T }).data
  const role = await data<{ id: number }>('roles/save', {
    id: null,
    expectedVersion: 0,
    name: 'Registrar',
    permissions: ['people.view', 'people.edit'],
  })
  const petr = await data<{ id: number }>('staff/create', {
    displayName: 'Petr Zapisovatel',
    username: 'petr',
    password: 'zápis-do-rejstříku-9',
  })
  await data('staff/grant-role', { userId: petr.id, roleId: role.id, unitId, includeSubUnits: true })
  await signOut(page)
  await signIn(page, 'petr', 'zápis-do-rejstříku-9')
  await expect(page.getByTestId('user-menu')).toContainText('Petr Zapisovatel')
  await expect(page).toHaveURL(/#\/people$/)

  await personPage.open(page, jana.person.id)
  await expect(page.getByTestId('person-contacts-hidden')).toContainText('your role does not allow you to see them')
  await expect(page.getByTestId('person-export')).toHaveCount(0)
  await personPage.edit(page)
  await expect(page.getByTestId('person-contacts-hidden')).toContainText('stay as they are')
  await expect(page.locator('#person-email')).toHaveCount(0)
  await personForm.fill(page, { notes: 'Calls after 4 pm' })
  await personForm.save(page)
  await expect(page.getByTestId('person-notes-view')).toHaveText('Calls after 4 pm')

  await signOut(page)
  await signIn(page, ADMINISTRATOR.username, ADMINISTRATOR.password)
  // Whoever signs in starts on the register; only then is there a page to leave.
  await expect(page.getByTestId('user-menu')).toContainText(ADMINISTRATOR.name)
  await expect(page).toHaveURL(/#\/people$/)
  await personPage.open(page, jana.person.id)
  await expect(page.getByTestId('person-fact-phones')).toHaveText('+420 777 123 456')
  await expect(page.getByTestId('person-fact-email')).toHaveText('jana.novakova@example.cz')
})

test('merging two records with different birth dates warns, shows the result and asks a second time', async ({
  frontdesk,
}) => {
  test.setTimeout(90_000)
  const { page } = frontdesk
  await page.setViewportSize({ width: 1366, height: 768 })
  await shell.chooseLanguage(page, 'English')
  await signedInAsAdministrator(page)
  const unitId = await centreId(page)
  const tomas = (birthDate: string) =>
    childInput(unitId, { firstName: 'Tomáš', lastName: 'Novák', birthDate, sex: 'male' })
  const first = await registerByCall(page, tomas('2018-05-20'))
  const second = await registerByCall(page, tomas('2018-05-02'), { allowDuplicate: true })

  await personPage.open(page, first.person.id)
  // The cursor waits in the search field; Tab stays within the dialog; closing returns to the ⋮ button.
  await personPage.more(page, /Merge with/)
  const dialog = mergeDialog.dialog(page)
  await expect(dialog.locator('#merge-other')).toBeFocused()
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab')
    await expect(dialog.locator(':focus')).toHaveCount(1)
  }
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('person-more')).toBeFocused()

  await mergeDialog.pick(page, /Merge with/, '2.5.2018', TOMAS)
  await expect(dialog.getByTestId('merge-differences')).toContainText('These may be two different people')
  await expect(dialog.getByTestId('merge-differences')).toContainText(
    'The birth dates differ: 20/05/2018 and 02/05/2018.',
  )
  await dialog.getByTestId('merge-confirm').click()
  await expect(dialog.getByTestId('merge-result-birthDate')).toHaveText('20/05/2018')
  // The second question: nothing is merged until the user says these are one person.
  await expect(dialog.getByTestId('merge-confirm')).toBeDisabled()
  await expect(dialog.getByTestId('merge-differences')).toBeVisible()
  await frontdesk.screenshot('person-merge-differences-en')
  await dialog.getByTestId('merge-same-person').locator('input').check()
  await dialog.getByTestId('merge-confirm').click()
  await expect(dialog).toBeHidden()
  await expect(page.getByText(`Records merged into ${TOMAS}`)).toBeVisible()
  const gone = await callFromPage(page, 'people/get', { id: second.person.id })
  expect(gone.ok).toBe(false)
  // The kept record says what was merged into it, when and by whom.
  const history = page.getByTestId('person-merge-history')
  await expect(history).toContainText(`Merged from: ${TOMAS}, born 02/05/2018`)
  await expect(history).toContainText(`by ${ADMINISTRATOR.name}`)
  await frontdesk.screenshot('person-merge-history-en')

  // The same in Czech, up to the second question.
  const third = await registerByCall(page, tomas('2018-12-20'), { allowDuplicate: true })
  await shell.chooseLanguage(page, 'Čeština')
  await personPage.open(page, first.person.id)
  await expect(history).toContainText(`Sloučeno ze záznamů: ${TOMAS}, datum narození 2. 5. 2018`)
  await expect(history).toContainText(`uživatel ${ADMINISTRATOR.name}`)
  await frontdesk.screenshot('person-merge-history-cs')
  await mergeDialog.pick(page, /Sloučit s/, '20.12.2018', TOMAS)
  await expect(dialog.getByTestId('merge-differences')).toContainText(
    'Data narození se liší: 20. 5. 2018 a 20. 12. 2018.',
  )
  await dialog.getByTestId('merge-confirm').click()
  await expect(dialog.getByTestId('merge-confirm')).toBeDisabled()
  await frontdesk.screenshot('person-merge-differences-cs')
  expect(third.person.id).toBeGreaterThan(0)
})

test('a reception desk with a role in one department registers a mother and a son without touching the unit', async ({
  frontdesk,
}) => {
  test.setTimeout(120_000)
  const { page } = frontdesk
  await page.setViewportSize({ width: 1366, height: 768 })
  await shell.chooseLanguage(page, 'English')
  await signedInAsAdministrator(page)
  const data = async <T>(name: string, input: unknown): Promise<T> => {
    const result = (await callFromPage(page, name, input)) as { ok: boolean; data?: T }
    expect(result.ok, name).toBe(true)
    return result.data as T
  }
  const centre = await centreId(page)
  const sport = await data<{ id: number }>('units/create', { name: 'Sport', parentId: centre })
  await data('units/create', { name: 'Keramika', parentId: centre })
  const roleList = await data<{ id: number; name: string }[]>('roles/list', {})
  const user = await data<{ id: number }>('staff/create', {
    displayName: RECEPTIONIST.name,
    username: RECEPTIONIST.username,
    password: RECEPTIONIST.password,
  })
  await data('staff/grant-role', {
    userId: user.id,
    roleId: roleList.find((role) => role.name === 'Reception')!.id,
    unitId: sport.id,
    includeSubUnits: true,
  })
  const elsewhere = await registerByCall(page, personInput(centre, { firstName: 'Petra', lastName: 'Jiná' }))
  await signOut(page)
  await signIn(page, RECEPTIONIST.username, RECEPTIONIST.password)
  await expect(page.getByTestId('user-menu')).toContainText(RECEPTIONIST.name)

  // A record outside her department says why it does not open, and in which unit it is.
  await page.evaluate((id) => (location.hash = `#/people/${id}`), elsewhere.person.id)
  await expect(page.getByTestId('person-problem')).toContainText(
    'belongs to the unit “DDM Jablíčko”, which you have no access to',
  )
  await frontdesk.screenshot('person-outside-units-en')
  await shell.chooseLanguage(page, 'Čeština')
  await expect(page.getByTestId('person-problem')).toContainText(
    'patří do jednotky „DDM Jablíčko“, ke které nemáte přístup',
  )
  await frontdesk.screenshot('person-outside-units-cs')
  await shell.chooseLanguage(page, 'English')

  // The mother: the unit is already Sport, the only one offered.
  await personPage.openNew(page)
  await expect(page.getByTestId('person-unit')).toContainText('Sport')
  await personForm.fill(page, { firstName: 'Jana', lastName: 'Nováková', birthDate: '12/04/1986', sex: 'Female' })
  await personForm.save(page)
  await expect(personPage.name(page)).toHaveText(JANA)
  await expect(page.getByTestId('person-header')).toContainText('Sport')
  // Reception neither merges nor erases.
  await page.getByTestId('person-more').click()
  await expect(page.getByRole('menuitem', { name: /Merge with/ })).toHaveCount(0)
  await expect(page.getByRole('menuitem', { name: /Erase/ })).toHaveCount(0)
  await page.keyboard.press('Escape')

  // Her son: the surname takes the man's form once the sex is chosen, the relation is Mother.
  await personPage.addChild(page)
  await expect(page.locator('#person-lastName')).toHaveValue('Nováková')
  await expect(page.getByTestId('person-link-relation')).toHaveText('Mother')
  await personForm.fill(page, { firstName: 'Tomáš', birthDate: '20/05/2018', sex: 'Male' })
  await expect(page.locator('#person-lastName')).toHaveValue('Novák')
  await expect(page.getByTestId('person-unit')).toContainText('Sport')
  await dismissToasts(page)
  await frontdesk.screenshot('person-new-child-en')
  await personForm.save(page)
  await expect(personPage.name(page)).toHaveText(JANA)
  await expect(personPage.familyMember(page, 'child', TOMAS)).toContainText('Relation: mother')
  await personPage.openFamilyMember(page, 'child', TOMAS)
  await expect(page.getByTestId('person-header')).toContainText('Sport')

  // In Czech: a daughter keeps her mother's surname.
  await shell.chooseLanguage(page, 'Čeština')
  await personPage.openFamilyMember(page, 'guardian', JANA)
  await personPage.addChild(page)
  await personForm.fill(page, { firstName: 'Eliška', birthDate: '3.9.2015', sex: 'Muž' })
  await expect(page.locator('#person-lastName')).toHaveValue('Novák')
  await personForm.fill(page, { sex: 'Žena' })
  await expect(page.locator('#person-lastName')).toHaveValue('Nováková')
  await frontdesk.screenshot('person-new-child-cs')
})

test('the role editor lists merging and erasing as permissions of their own', async ({ frontdesk }) => {
  const { page } = frontdesk
  await page.setViewportSize({ width: 1366, height: 768 })
  await shell.chooseLanguage(page, 'English')
  await signedInAsAdministrator(page)
  await page.evaluate(() => (location.hash = '#/settings?tab=roles'))
  const dialog = await roles.edit(page, 'Reception')
  await expect(dialog.locator('label[for="permission-people.merge"]')).toHaveText('Merge records')
  await expect(dialog.locator('label[for="permission-people.erase"]')).toHaveText('Erase personal data')
  await expect(dialog.getByTestId('permission-people.merge').locator('input')).not.toBeChecked()
  await frontdesk.screenshot('admin-role-merge-erase-en')
  await page.keyboard.press('Escape')
  await shell.chooseLanguage(page, 'Čeština')
  const administrator = await roles.edit(page, 'Administrator')
  await expect(administrator.locator('label[for="permission-people.merge"]')).toHaveText('Slučovat záznamy')
  await expect(administrator.getByTestId('permission-people.erase').locator('input')).toBeChecked()
  await frontdesk.screenshot('admin-role-merge-erase-cs')
})
