/**
 * Characters that take no room on the screen: format characters (zero-width space and
 * joiners, word joiner, byte-order mark, soft hyphen, direction marks, overrides and
 * isolates, tags), the combining grapheme joiner, variation selectors and the blank
 * fillers some scripts and fonts render as nothing.
 */
const INVISIBLE = /[\p{Cf}\u034F\u115F\u1160\u2800\u3164\uFFA0\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/gu

/** Control characters and every kind of space or line break, run together. */
const SPACING = /[\p{Cc}\p{Z}\s]+/gu

/**
 * A one-line text as it is meant to be seen: invisible characters removed, tabs, line breaks
 * and runs of spaces made one space, no space at either end. `'\u200B'` → `''`,
 * `'Jan\u00A0\u00A0Novák '` → `'Jan Novák'`. A name that is empty after this was empty to
 * the eye too; stored without them, it is found and sorted by what the user sees.
 */
export function visibleText(text: string): string {
  return text.replace(INVISIBLE, '').replace(SPACING, ' ').trim()
}
