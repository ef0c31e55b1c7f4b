import type { Sex } from '../contract/people'

/**
 * Czech and Slovak surnames have a form for men and one for women (Novák / Nováková,
 * Černý / Černá, Svoboda / Svobodová). These functions suggest a relative's surname in the
 * form for a given sex; the suggestion is always editable, as the rules are not exact.
 * Foreign and unknown forms are left as they are.
 */

// Only Czech and Slovak letters, one word: anything else (van Dijk, Kowalski-Nowak, Müller) stays as typed.
const CZECH_OR_SLOVAK_WORD = /^[a-záäčďéěíĺľňóôŕřšťúůýž]+$/i
const VOWEL = /[aeiouyáäéěíóôúůý]/i

/** Frequent men's surnames ending in -a whose women's form does not show it (Fialová is Fiala, not Fial). */
const MASCULINE_IN_A = [
  'Bárta',
  'Cibulka',
  'Fiala',
  'Hrdlička',
  'Janda',
  'Kafka',
  'Kuba',
  'Liška',
  'Růžička',
  'Skála',
  'Šebesta',
  'Vávra',
  'Vrba',
]

const isVowel = (letter: string | undefined) => letter !== undefined && VOWEL.test(letter)

/** Keeps the case the user typed the whole name in: NOVÁKOVÁ → NOVÁK. */
function inCaseOf(original: string, result: string): string {
  return original === original.toLocaleUpperCase('cs') && original !== original.toLocaleLowerCase('cs')
    ? result.toLocaleUpperCase('cs')
    : result
}

function capitalised(word: string): string {
  return word[0].toLocaleUpperCase('cs') + word.slice(1).toLocaleLowerCase('cs')
}

/** The man's form behind a woman's -ová: Nováková → Novák, Svobodová → Svoboda, Hájková → Hájek, Němcová → Němec. */
function masculineOfOva(stem: string): string {
  const known = MASCULINE_IN_A.find((name) => name.toLocaleLowerCase('cs') === `${stem}a`)
  if (known) return known.toLocaleLowerCase('cs')
  const last = stem.at(-1)!
  const before = stem.at(-2)
  if (last === 'k' && before === 'z') return `${stem}a` // Procházková → Procházka
  // Hájková → Hájek, Marková → Marek, Sedláčková → Sedláček, Němcová → Němec
  if ((last === 'k' || last === 'c') && before !== undefined && !isVowel(before) && stem.length >= 3) {
    return `${stem.slice(0, -1)}e${last}`
  }
  // Svobodová → Svoboda, Kučerová → Kučera, Bláhová → Bláha (but Vlachová → Vlach, Petrová → Petr)
  if (['d', 'r', 'h'].includes(last) && isVowel(before)) return `${stem}a`
  return stem
}

/** The surname as a man of the family bears it. */
function masculine(word: string): string {
  if (word.endsWith('ová') && word.length > 4) return masculineOfOva(word.slice(0, -3))
  if (word.endsWith('á')) return `${word.slice(0, -1)}ý` // Černá → Černý, Nová → Nový
  return word
}

/** The surname as a woman of the family bears it, from the man's form. */
function feminine(word: string): string {
  if (word.endsWith('á')) return word // Nováková, Černá: already a woman's form
  if (word.endsWith('ý')) return `${word.slice(0, -1)}á` // Černý → Černá
  if (word.endsWith('a')) return `${word.slice(0, -1)}ová` // Svoboda → Svobodová
  const last = word.at(-1)!
  if (isVowel(last)) return word // Krejčí, Janů: the same for everyone
  // Hájek → Hájková, Němec → Němcová, Havel → Havlová; a short Švec keeps its e (Švecová).
  const elided = /^(.{2,}[^aeiouyáäéěíóôúůý])e([kcl])$/i.exec(word)
  const stem = elided && (elided[2] !== 'l' || elided[1].endsWith('v')) ? elided[1] + elided[2] : word
  return `${stem}ová`
}

/**
 * A relative's surname in the form for someone of `sex`: a daughter of Novák is Nováková,
 * a son of Nováková is Novák. Unknown or foreign forms come back unchanged.
 */
export function surnameForSex(surname: string, sex: Sex): string {
  const typed = surname.trim()
  if (!CZECH_OR_SLOVAK_WORD.test(typed)) return surname
  const word = typed.toLocaleLowerCase('cs')
  const result = sex === 'male' ? masculine(word) : feminine(masculine(word))
  if (result === word) return surname
  return inCaseOf(typed, capitalised(result))
}
