import { describe, expect, it } from 'vitest'
import type { FamilyLink, Person, PersonSummary } from '../../../src/shared/contract/people'
import type { PersonExport } from '../../../src/main/people/export/personExport'
import { PERSON_PDF_TEXTS, personPdf, type PersonPdfTexts } from '../../../src/main/people/export/personPdf'
import { foldSpace, readPdf, renderPages } from '../documents/poppler'

const PRAGUE_DAY = new Intl.DateTimeFormat('cs-CZ', {
  timeZone: 'Europe/Prague',
  day: 'numeric',
  month: 'numeric',
  year: 'numeric',
})
const PRAGUE_TIME = new Intl.DateTimeFormat('cs-CZ', { timeZone: 'Europe/Prague', hour: '2-digit', minute: '2-digit' })

/** The reader's way of writing dates: 9. 5. 2014, and 14. 3. 2025 10:30 for instants (Prague time). */
function czechDate(iso: string): string {
  if (iso.length === 10) {
    const [year, month, day] = iso.split('-').map(Number)
    return `${day}. ${month}. ${year}`
  }
  const instant = new Date(iso)
  return `${PRAGUE_DAY.format(instant)} ${PRAGUE_TIME.format(instant)}`
}

function summary(
  overrides: Partial<PersonSummary> & Pick<PersonSummary, 'id' | 'firstName' | 'lastName'>,
): PersonSummary {
  return {
    birthDate: null,
    age: null,
    unitId: 3,
    unitName: 'Keramika a výtvarka',
    archived: false,
    phone: null,
    email: null,
    ...overrides,
  }
}

const zofie: Person = {
  id: 1042,
  unitId: 3,
  unitName: 'Keramika a výtvarka',
  firstName: 'Žofie',
  lastName: 'Nováková',
  birthDate: '2014-05-09',
  age: 10,
  sex: 'female',
  school: 'ZŠ Křídlovická, Brno',
  schoolClass: '4.B',
  photoConsent: true,
  member: true,
  memberUntil: '2025-08-31',
  activeMember: true,
  archived: false,
  anonymised: false,
  notes: 'Chodí na kroužek s kamarádkou Ilonou Őrsi; vyzvedává babička.',
  contacts: {
    email: 'zofie.novakova@seznam.cz',
    phones: ['+420 777 123 456', '+420 608 987 654'],
    address: { street: 'Údolní 53', city: 'Brno', postalCode: '602 00', country: 'Česká republika' },
    healthNotes: 'Alergie na pyl, astma – inhalátor v batohu.',
    dietaryNotes: 'Bezlepková dieta.',
    billing: {
      name: 'Wójcik Consulting s.r.o.',
      street: 'Řípská 1153/20',
      city: 'Brno-Slatina',
      postalCode: '627 00',
      country: 'Česká republika',
      companyId: '27645801',
      vatId: 'CZ27645801',
    },
  },
  createdAt: '2023-09-04T08:15:00.000Z',
  updatedAt: '2025-02-17T13:42:10.000Z',
  version: 4,
}

const guardians: FamilyLink[] = [
  {
    guardianshipId: 77,
    relation: 'father',
    primaryContact: true,
    mayPickUp: true,
    person: summary({
      id: 981,
      firstName: 'Łukasz',
      lastName: 'Wójcik',
      birthDate: '1983-11-30',
      age: 41,
      phone: '+48 601 234 567',
      email: 'lukasz.wojcik@example.pl',
    }),
  },
  {
    guardianshipId: 78,
    relation: 'grandparent',
    primaryContact: false,
    mayPickUp: true,
    person: summary({ id: 982, firstName: 'Erzsébet', lastName: 'Őrsi', phone: '+36 30 555 1234' }),
  },
]

const children: FamilyLink[] = [
  {
    guardianshipId: 91,
    relation: 'mother',
    primaryContact: false,
    mayPickUp: false,
    person: summary({ id: 1100, firstName: 'Ondřej', lastName: 'Novák', birthDate: '2019-01-20', age: 6 }),
  },
]

function exportOf(person: Person = zofie): PersonExport {
  return {
    format: 'frontdesk.person-export',
    version: 1,
    exportedAt: '2025-03-14T09:30:00.000Z',
    exportedBy: 'Jana Dvořáková',
    organisation: { name: 'Dům dětí a mládeže Žirafa, Brno', companyId: '00401781' },
    person,
    guardians,
    children,
    related: [
      {
        table: 'guardianship',
        rows: [
          {
            id: 77,
            guardian_id: 981,
            participant_id: 1042,
            relation: 'father',
            primary_contact: true,
            may_pick_up: true,
            created_at: '2023-09-04T08:16:00.000Z',
          },
          {
            id: 78,
            guardian_id: 982,
            participant_id: 1042,
            relation: 'grandparent',
            primary_contact: false,
            may_pick_up: true,
            created_at: '2024-01-10T15:00:00.000Z',
          },
        ],
      },
      { table: 'enrolment', rows: [] },
    ],
  }
}

async function exported(texts: PersonPdfTexts, data = exportOf()) {
  const pdf = await personPdf(data, texts, czechDate)
  return { pdf, read: await readPdf(pdf) }
}

describe('personal data export as PDF', () => {
  it('a data-access request gets every stored field of the person on paper', async () => {
    const { pdf, read } = await exported(PERSON_PDF_TEXTS.en)
    const { text } = read
    const has = (value: string) => expect(text, value).toContain(foldSpace(value))

    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(read.pages).toBe(2)
    expect(read.info.Title).toBe('Personal data of Žofie Nováková')
    expect(read.info.CreationDate).toBe('2025-03-14T09:30:00Z')

    has('Personal data of Žofie Nováková')
    // identity, membership, school, consent, notes
    has('First name Žofie')
    has('Last name Nováková')
    has('Date of birth 9. 5. 2014')
    has('Age 10')
    has('Sex Female')
    has('Unit Keramika a výtvarka')
    has('Member Yes')
    has('Member until 31. 8. 2025')
    has('Membership in force today Yes')
    has('School ZŠ Křídlovická, Brno')
    has('Class 4.B')
    has('Consent to photographs Yes')
    has(`Notes ${zofie.notes}`)
    // contacts and billing
    has('E-mail zofie.novakova@seznam.cz')
    has('Phone numbers +420 777 123 456 +420 608 987 654')
    has('Address Údolní 53 602 00 Brno Česká republika')
    has('Health restrictions Alergie na pyl, astma – inhalátor v batohu.')
    has('Dietary restrictions Bezlepková dieta.')
    has('Invoice to Wójcik Consulting s.r.o.')
    has('Billing address Řípská 1153/20 627 00 Brno-Slatina Česká republika')
    has('Company ID 27645801')
    has('VAT ID CZ27645801')
    // family
    has('Łukasz Wójcik Father 30. 11. 1983 +48 601 234 567 lukasz.wojcik@example.pl Yes Yes')
    has('Erzsébet Őrsi Grandparent — +36 30 555 1234 No Yes')
    has('Relation to the child')
    has('Ondřej Novák Mother 20. 1. 2019 — No No')
    // other tables, columns as stored
    has('guardianship')
    has('id guardian_id participant_id relation primary_contact may_pick_up created_at')
    has('77 981 1042 father Yes Yes 4. 9. 2023 10:16')
    has('78 982 1042 grandparent No Yes 10. 1. 2024 16:00')
    has('enrolment None')
    // the record itself
    has('Record number 1042')
    has('Unit number 3')
    has('Created 4. 9. 2023 10:15')
    has('Last changed 17. 2. 2025 14:42')
    has('Archived No')
    has('Anonymised No')
    // on every page: organisation, who exported it and when, page numbers
    for (const page of [1, 2]) has(`Page ${page} / 2`)
    expect(
      text.split('Exported 14. 3. 2025 10:30 by Jana Dvořáková · Dům dětí a mládeže Žirafa, Brno, Company ID 00401781'),
    ).toHaveLength(3)

    await renderPages(pdf, 'person-en')
  })

  it('the Czech export reads in Czech', async () => {
    const { pdf, read } = await exported(PERSON_PDF_TEXTS.cs)
    const has = (value: string) => expect(read.text, value).toContain(foldSpace(value))

    has('Osobní údaje – Žofie Nováková')
    has('Datum narození 9. 5. 2014')
    has('Pohlaví Žena')
    has('Souhlas s fotografováním Ano')
    has('Zdravotní omezení Alergie na pyl')
    has('Stravovací omezení Bezlepková dieta.')
    has('Fakturační údaje')
    has('IČO 27645801')
    has('DIČ CZ27645801')
    has('Zákonní zástupci')
    has('Łukasz Wójcik Otec')
    has('Erzsébet Őrsi Prarodič')
    has('Děti')
    has('Vztah k dítěti')
    has('Ondřej Novák Matka')
    has('Strana 1 / 2')
    has('Exportováno 14. 3. 2025 10:30, exportoval(a) Jana Dvořáková · Dům dětí a mládeže Žirafa, Brno, IČO 00401781')
    expect(read.info.Title).toBe('Osobní údaje – Žofie Nováková')

    await renderPages(pdf, 'person-cs')
  })

  it('empty and unknown values print as a dash, and hidden contacts say so', async () => {
    const sparse: Person = {
      ...zofie,
      birthDate: null,
      age: null,
      sex: null,
      school: '',
      schoolClass: '',
      photoConsent: false,
      member: false,
      memberUntil: null,
      activeMember: false,
      notes: '',
      contacts: null,
    }
    const { read } = await exported(PERSON_PDF_TEXTS.en, {
      ...exportOf(sparse),
      guardians: [],
      children: [],
      related: [],
    })
    const has = (value: string) => expect(read.text, value).toContain(foldSpace(value))

    has('Date of birth — Age — Sex —')
    has('Member No Member until — Membership in force today No')
    has('School — Class —')
    has('Consent to photographs No Notes —')
    has('Contact details Hidden: the exporting user may not see contact details.')
    has('Billing details Hidden: the exporting user may not see contact details.')
    has('Guardians None Children None')
    expect(read.text).not.toContain('Other records')
    expect(read.text).not.toContain('zofie.novakova@seznam.cz')
  })

  it('a member with no end date is shown as such', async () => {
    const { read } = await exported(PERSON_PDF_TEXTS.cs, exportOf({ ...zofie, memberUntil: null }))
    expect(read.text).toContain('Členem do Bez omezení')
  })

  it('both languages label every field', () => {
    const keys = (texts: object): string[] =>
      Object.entries(texts).flatMap(([key, value]) =>
        typeof value === 'object' ? keys(value as object).map((inner) => `${key}.${inner}`) : [key],
      )
    expect(keys(PERSON_PDF_TEXTS.cs)).toEqual(keys(PERSON_PDF_TEXTS.en))
    for (const texts of Object.values(PERSON_PDF_TEXTS)) {
      for (const key of keys(texts)) {
        const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], texts)
        expect(value, key).toMatch(/\S/)
      }
    }
  })
})
