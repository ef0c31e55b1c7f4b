import { fold, foldedWords } from '../../shared/text/fold'
import { sortProperty } from './personEntities'
import { phoneTerms } from './phoneNumbers'
import { collationKey, SORT_LOCALES } from './sorting/collationKey'

/** What kind of word a search term is; the number is stored, so never renumber. */
export const TERM_FIELD = { surname: 1, givenName: 2, email: 3, phone: 4 } as const

export interface SearchTerm {
  field: number
  term: string
  /** Orders equal terms: the other half of the name, so "novak" lists Adam before Zuzana. */
  tiebreak: string
}

interface NameAndContacts {
  firstName: string
  lastName: string
  email: string | null
  phones: readonly string[]
}

/** Columns kept in step with the name on every write: search forms, the duplicate key and sort keys. */
export function derivedNameColumns(firstName: string, lastName: string) {
  const columns: Record<string, string> = {
    firstFold: fold(firstName),
    lastFold: fold(lastName),
    nameKey: nameKey(firstName, lastName),
  }
  for (const locale of SORT_LOCALES) {
    columns[sortProperty(locale)] = collationKey(locale, lastName, firstName)
  }
  return columns as {
    firstFold: string
    lastFold: string
    nameKey: string
    sortEn: string
    sortCs: string
    sortSk: string
    sortHu: string
    sortPl: string
  }
}

/** The same for first and last name swapped: entered the wrong way round is still the same person. */
export function nameKey(firstName: string, lastName: string): string {
  return [...foldedWords(firstName), ...foldedWords(lastName)].sort().join(' ')
}

export function emailTerm(email: string): string {
  return email.trim().toLowerCase()
}

export { phoneTerms }

export function searchTerms(person: NameAndContacts): SearchTerm[] {
  const first = fold(person.firstName)
  const last = fold(person.lastName)
  const terms: SearchTerm[] = [
    ...foldedWords(person.lastName).map((term) => ({ field: TERM_FIELD.surname, term, tiebreak: first })),
    ...foldedWords(person.firstName).map((term) => ({ field: TERM_FIELD.givenName, term, tiebreak: last })),
  ]
  if (person.email) terms.push({ field: TERM_FIELD.email, term: emailTerm(person.email), tiebreak: last })
  for (const phone of person.phones) {
    for (const term of phoneTerms(phone)) terms.push({ field: TERM_FIELD.phone, term, tiebreak: last })
  }
  // A name like "Anna Anna" or two phones sharing digits would repeat a primary key.
  const seen = new Set<string>()
  return terms.filter((term) => {
    const key = `${term.field}:${term.term}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
