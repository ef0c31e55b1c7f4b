/** A letter at the start of a word: after the start, a space, a hyphen, an apostrophe or a dot. */
const WORD_START = /(^|[^\p{L}\p{M}])(\p{L})/gu

/**
 * A name typed all in lower case or all in upper case, with the first letter of every word
 * capitalised: `jan novák` → `Jan Novák`, `NOVÁK-SVOBODOVÁ` → `Novák-Svobodová`, `o'brien` →
 * `O'Brien`. A name with both cases was typed with care and stays exactly as it is
 * (`McDonald`, `van Dijk`, `DiCaprio`). Locale-independent, so it gives the same result in
 * main and in the renderer whatever the desk's language.
 */
export function nameCase(name: string): string {
  const lower = name.toLowerCase()
  const upper = name.toUpperCase()
  // No cased letter at all (digits, scripts without case): nothing to do.
  if (lower === upper || (name !== lower && name !== upper)) return name
  return lower.replace(WORD_START, (_match, before: string, letter: string) => before + letter.toUpperCase())
}
