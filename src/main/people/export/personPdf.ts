import type { Locale } from '../../../shared/locales'
import type { Address, FamilyLink, PersonContacts, Relation, Sex } from '../../../shared/contract/people'
import {
  dataTable,
  fillText,
  heading,
  keyValueTable,
  renderPdf,
  standardPage,
  type KeyValueRow,
  type PdfContent,
} from '../../documents/pdf'
import type { PersonExport, RelatedRows } from './personExport'

/** Every visible word of the personal data export, in one language. */
export interface PersonPdfTexts {
  /** BCP 47 tag of these texts, recorded in the file for screen readers. */
  language: string
  /** With `{name}`. */
  title: string
  /** Top right of every page. */
  headerTitle: string
  /** With `{organisation}` and `{date}`. */
  intro: string
  /** With `{page}` and `{pages}`. */
  pageLabel: string
  /** With `{date}` and `{user}`. */
  exported: string
  yes: string
  no: string
  /** Under a heading whose list is empty. */
  none: string
  /** In place of the contacts when the exporting user may not see them. */
  contactsHidden: string
  /** Membership with no last day. */
  noEndDate: string
  sections: {
    identity: string
    membership: string
    school: string
    consentAndNotes: string
    contacts: string
    billing: string
    guardians: string
    children: string
    related: string
    record: string
  }
  fields: {
    firstName: string
    lastName: string
    birthDate: string
    age: string
    sex: string
    unit: string
    member: string
    memberUntil: string
    activeMember: string
    school: string
    schoolClass: string
    photoConsent: string
    notes: string
    email: string
    phones: string
    address: string
    healthNotes: string
    dietaryNotes: string
    billingName: string
    billingAddress: string
    companyId: string
    vatId: string
    name: string
    relation: string
    /** Children's table: what this person is to the child. */
    relationToChild: string
    /** Phone and e-mail of a family member, in one column. */
    contact: string
    primaryContact: string
    mayPickUp: string
    recordId: string
    unitId: string
    createdAt: string
    updatedAt: string
    archived: string
    anonymised: string
  }
  sex: Record<Sex, string>
  relation: Record<Relation, string>
}

export const PERSON_PDF_TEXTS: Record<Locale, PersonPdfTexts> = {
  en: {
    language: 'en',
    title: 'Personal data of {name}',
    headerTitle: 'Personal data',
    intro: 'Everything {organisation} keeps about this person in Frontdesk, as of {date}.',
    pageLabel: 'Page {page} / {pages}',
    exported: 'Exported {date} by {user}',
    yes: 'Yes',
    no: 'No',
    none: 'None',
    contactsHidden: 'Hidden: the exporting user may not see contact details.',
    noEndDate: 'No end date',
    sections: {
      identity: 'Person',
      membership: 'Membership',
      school: 'School',
      consentAndNotes: 'Consent and notes',
      contacts: 'Contact details',
      billing: 'Billing details',
      guardians: 'Guardians',
      children: 'Children',
      related: 'Other records',
      record: 'Record',
    },
    fields: {
      firstName: 'First name',
      lastName: 'Last name',
      birthDate: 'Date of birth',
      age: 'Age',
      sex: 'Sex',
      unit: 'Unit',
      member: 'Member',
      memberUntil: 'Member until',
      activeMember: 'Membership in force today',
      school: 'School',
      schoolClass: 'Class',
      photoConsent: 'Consent to photographs',
      notes: 'Notes',
      email: 'E-mail',
      phones: 'Phone numbers',
      address: 'Address',
      healthNotes: 'Health restrictions',
      dietaryNotes: 'Dietary restrictions',
      billingName: 'Invoice to',
      billingAddress: 'Billing address',
      companyId: 'Company ID',
      vatId: 'VAT ID',
      name: 'Name',
      relation: 'Relation',
      relationToChild: 'Relation to the child',
      contact: 'Phone and e-mail',
      primaryContact: 'Primary contact',
      mayPickUp: 'May pick up',
      recordId: 'Record number',
      unitId: 'Unit number',
      createdAt: 'Created',
      updatedAt: 'Last changed',
      archived: 'Archived',
      anonymised: 'Anonymised',
    },
    sex: { female: 'Female', male: 'Male' },
    relation: { mother: 'Mother', father: 'Father', grandparent: 'Grandparent', other: 'Other' },
  },
  cs: {
    language: 'cs',
    title: 'Osobní údaje – {name}',
    headerTitle: 'Osobní údaje',
    intro: 'Všechny údaje, které o této osobě vede {organisation} v aplikaci Frontdesk, ke dni {date}.',
    pageLabel: 'Strana {page} / {pages}',
    exported: 'Exportováno {date}, exportoval(a) {user}',
    yes: 'Ano',
    no: 'Ne',
    none: 'Žádné',
    contactsHidden: 'Skryto: uživatel, který export vytvořil, nesmí vidět kontaktní údaje.',
    noEndDate: 'Bez omezení',
    sections: {
      identity: 'Osoba',
      membership: 'Členství',
      school: 'Škola',
      consentAndNotes: 'Souhlasy a poznámky',
      contacts: 'Kontaktní údaje',
      billing: 'Fakturační údaje',
      guardians: 'Zákonní zástupci',
      children: 'Děti',
      related: 'Další záznamy',
      record: 'Záznam',
    },
    fields: {
      firstName: 'Jméno',
      lastName: 'Příjmení',
      birthDate: 'Datum narození',
      age: 'Věk',
      sex: 'Pohlaví',
      unit: 'Jednotka',
      member: 'Člen',
      memberUntil: 'Členem do',
      activeMember: 'Členství platné k dnešku',
      school: 'Škola',
      schoolClass: 'Třída',
      photoConsent: 'Souhlas s fotografováním',
      notes: 'Poznámky',
      email: 'E-mail',
      phones: 'Telefonní čísla',
      address: 'Adresa',
      healthNotes: 'Zdravotní omezení',
      dietaryNotes: 'Stravovací omezení',
      billingName: 'Fakturovat na',
      billingAddress: 'Fakturační adresa',
      companyId: 'IČO',
      vatId: 'DIČ',
      name: 'Jméno',
      relation: 'Vztah',
      relationToChild: 'Vztah k dítěti',
      contact: 'Telefon a e-mail',
      primaryContact: 'Hlavní kontakt',
      mayPickUp: 'Smí vyzvednout',
      recordId: 'Číslo záznamu',
      unitId: 'Číslo jednotky',
      createdAt: 'Založeno',
      updatedAt: 'Naposledy změněno',
      archived: 'Archivováno',
      anonymised: 'Anonymizováno',
    },
    sex: { female: 'Žena', male: 'Muž' },
    relation: { mother: 'Matka', father: 'Otec', grandparent: 'Prarodič', other: 'Jiný' },
  },
}

const ISO_DATE_OR_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/

function fullName(person: { firstName: string; lastName: string }): string {
  return `${person.firstName} ${person.lastName}`.trim()
}

/** Street, then postal code and city, then country; blank lines left out. */
function addressLines(address: Address): string {
  return [address.street, `${address.postalCode} ${address.city}`, address.country]
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n')
}

/**
 * The readable copy of everything stored about one person (a data-access request), in the
 * language of `texts`. `formatDate` shows a calendar date or an ISO instant in that language.
 */
export function personPdf(
  data: PersonExport,
  texts: PersonPdfTexts,
  formatDate: (iso: string) => string,
): Promise<Buffer> {
  const { person } = data
  const yesNo = (value: boolean) => (value ? texts.yes : texts.no)
  const date = (iso: string | null) => (iso === null ? null : formatDate(iso))
  const f = texts.fields
  const name = fullName(person)
  const exportedAt = formatDate(data.exportedAt)

  const organisation = [
    data.organisation.name,
    data.organisation.companyId.trim() === '' ? '' : `${f.companyId} ${data.organisation.companyId}`,
  ]
    .filter((part) => part.trim() !== '')
    .join(', ')

  const familyTable = (links: FamilyLink[], relationLabel: string): PdfContent =>
    links.length === 0
      ? { text: texts.none, style: 'muted' }
      : dataTable(
          [f.name, relationLabel, f.birthDate, f.contact, f.primaryContact, f.mayPickUp],
          links.map((link) => [
            fullName(link.person),
            texts.relation[link.relation],
            date(link.person.birthDate),
            [link.person.phone, link.person.email].filter((line) => line !== null && line !== '').join('\n'),
            yesNo(link.primaryContact),
            yesNo(link.mayPickUp),
          ]),
          { fontSize: 9 },
        )

  const relatedCell = (value: unknown): string | null => {
    if (value === null || value === undefined) return null
    if (typeof value === 'boolean') return yesNo(value)
    if (typeof value === 'string') return ISO_DATE_OR_INSTANT.test(value) ? formatDate(value) : value
    if (typeof value === 'number' || typeof value === 'bigint') return String(value)
    if (value instanceof Date) return formatDate(value.toISOString())
    return JSON.stringify(value)
  }

  const relatedTable = ({ table, rows }: RelatedRows): PdfContent[] => {
    const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))]
    return [
      heading(table, 'subsection'),
      rows.length === 0
        ? { text: texts.none, style: 'muted' }
        : dataTable(
            columns,
            rows.map((row) => columns.map((column) => relatedCell(row[column]))),
            { fontSize: columns.length > 6 ? 7 : 8 },
          ),
    ]
  }

  const contactRows = (contacts: PersonContacts): KeyValueRow[] => [
    [f.email, contacts.email],
    [f.phones, contacts.phones.join('\n')],
    [f.address, addressLines(contacts.address)],
    [f.healthNotes, contacts.healthNotes],
    [f.dietaryNotes, contacts.dietaryNotes],
  ]

  const billingRows = (contacts: PersonContacts): KeyValueRow[] => [
    [f.billingName, contacts.billing.name],
    [f.billingAddress, addressLines(contacts.billing)],
    [f.companyId, contacts.billing.companyId],
    [f.vatId, contacts.billing.vatId],
  ]

  const hidden: PdfContent = { text: texts.contactsHidden, style: 'muted' }

  return renderPdf({
    info: {
      title: fillText(texts.title, { name }),
      author: data.exportedBy,
      subject: data.organisation.name,
      creationDate: new Date(data.exportedAt),
    },
    language: texts.language,
    ...standardPage({
      organisation: data.organisation.name,
      title: texts.headerTitle,
      pageLabel: texts.pageLabel,
      footerNote: [fillText(texts.exported, { date: exportedAt, user: data.exportedBy }), organisation]
        .filter((part) => part !== '')
        .join(' · '),
    }),
    content: [
      { text: fillText(texts.title, { name }), style: 'title' },
      { text: fillText(texts.intro, { organisation: data.organisation.name, date: exportedAt }), style: 'muted' },

      heading(texts.sections.identity),
      keyValueTable([
        [f.firstName, person.firstName],
        [f.lastName, person.lastName],
        [f.birthDate, date(person.birthDate)],
        [f.age, person.age === null ? null : String(person.age)],
        [f.sex, person.sex === null ? null : texts.sex[person.sex]],
        [f.unit, person.unitName],
      ]),

      heading(texts.sections.membership),
      keyValueTable([
        [f.member, yesNo(person.member)],
        [
          f.memberUntil,
          person.memberUntil === null ? (person.member ? texts.noEndDate : null) : date(person.memberUntil),
        ],
        [f.activeMember, yesNo(person.activeMember)],
      ]),

      heading(texts.sections.school),
      keyValueTable([
        [f.school, person.school],
        [f.schoolClass, person.schoolClass],
      ]),

      heading(texts.sections.consentAndNotes),
      keyValueTable([
        [f.photoConsent, yesNo(person.photoConsent)],
        [f.notes, person.notes],
      ]),

      heading(texts.sections.contacts),
      person.contacts === null ? hidden : keyValueTable(contactRows(person.contacts)),

      heading(texts.sections.billing),
      person.contacts === null ? hidden : keyValueTable(billingRows(person.contacts)),

      heading(texts.sections.guardians),
      familyTable(data.guardians, f.relation),

      heading(texts.sections.children),
      familyTable(data.children, f.relationToChild),

      ...(data.related.length === 0 ? [] : [heading(texts.sections.related), ...data.related.flatMap(relatedTable)]),

      heading(texts.sections.record),
      keyValueTable([
        [f.recordId, String(person.id)],
        [f.unitId, String(person.unitId)],
        [f.createdAt, date(person.createdAt)],
        [f.updatedAt, date(person.updatedAt)],
        [f.archived, yesNo(person.archived)],
        [f.anonymised, yesNo(person.anonymised)],
      ]),
    ],
  })
}
