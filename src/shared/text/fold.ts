/** Letters that Unicode does not decompose into base + accent, spelled the way people type them without it. */
const UNDECOMPOSED: Record<string, string> = {
  ł: 'l',
  đ: 'd',
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
  þ: 'th',
  ð: 'd',
  ħ: 'h',
  ŀ: 'l',
}

const UNDECOMPOSED_PATTERN = new RegExp(`[${Object.keys(UNDECOMPOSED).join('')}]`, 'g')

/**
 * Search form of a text: lower case, without diacritics, letters and digits only, words
 * separated by one space. `Nováková` → `novakova`, `Łukasz` → `lukasz`, `Örsi` → `orsi`.
 */
export function fold(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .replace(UNDECOMPOSED_PATTERN, (letter) => UNDECOMPOSED[letter])
      // O'Brien is typed as obrien more often than as two words.
      .replace(/['’ʼ]/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  )
}

/** The words of a text in search form. */
export function foldedWords(text: string): string[] {
  const folded = fold(text)
  return folded === '' ? [] : folded.split(' ')
}
