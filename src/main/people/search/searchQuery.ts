import { isCalendarDate } from '../../../shared/calendarDate'
import { foldedWords } from '../../../shared/text/fold'
import { phoneQuery } from '../phoneNumbers'

/** What a reception worker typed, understood: name words, a birth date or year, a phone or an e-mail. */
export interface SearchQuery {
  names: string[]
  birthDate: string | null
  birthYear: string | null
  phone: string | null
  email: string | null
}

const CZECH_DATE = /\b(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})\b/
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/
const YEAR = /\b(19\d{2}|20\d{2})\b/
const PHONE = /^(\(\+\d{1,3}\)|\+)?[\d\s\-/().]+$/

export function parseSearchQuery(text: string): SearchQuery {
  const query: SearchQuery = { names: [], birthDate: null, birthYear: null, phone: null, email: null }
  let rest = text.trim()
  if (rest.includes('@')) {
    query.email = rest.toLowerCase().replace(/\s+/g, '')
    return query
  }
  const czech = CZECH_DATE.exec(rest)
  const iso = ISO_DATE.exec(rest)
  const date = czech ? `${czech[3]}-${czech[2].padStart(2, '0')}-${czech[1].padStart(2, '0')}` : iso ? iso[0] : null
  if (date && isCalendarDate(date)) {
    query.birthDate = date
    rest = rest.replace(czech ? CZECH_DATE : ISO_DATE, ' ')
  } else {
    const year = YEAR.exec(rest)
    // 1900–2099 alone or next to a name is a birth year; inside a longer number it is part of a phone.
    if (year && (/\p{L}/u.test(rest) || rest === year[1])) {
      query.birthYear = year[1]
      rest = rest.replace(YEAR, ' ')
    }
  }
  const digits = rest.replace(/\D/g, '')
  if (PHONE.test(rest) && digits.length >= 3 && !query.birthDate && !query.birthYear) {
    query.phone = phoneQuery(rest)
    return query
  }
  query.names = foldedWords(rest).filter((word) => /\p{L}/u.test(word))
  return query
}
