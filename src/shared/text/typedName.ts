/** A name typed in the register's search, as the first and last name of a new person. */
export interface TypedName {
  firstName: string
  lastName: string
}

/**
 * Splits what was typed into a search into a name: words with a digit or an @ (a birth year,
 * a phone, an e-mail) are left out; the last word is the surname and the words before it the
 * first names, as a name is said ("jana nováková"); one word is taken as a surname, what
 * reception usually types first. The form shows both fields to correct; main capitalises on save.
 */
export function splitTypedName(text: unknown): TypedName | null {
  if (typeof text !== 'string') return null
  const words = text
    .trim()
    .split(/\s+/)
    .filter((word) => /\p{L}/u.test(word) && !/[\d@]/.test(word))
  if (words.length === 0) return null
  const lastName = words.at(-1) as string
  return { firstName: words.slice(0, -1).join(' ').slice(0, 80), lastName: lastName.slice(0, 80) }
}
