/**
 * Sort keys that let SQLite order people the way ICU (`Intl.Collator`) does for the user's language.
 *
 * node-sqlite3 cannot register a collation, so each person stores one key per locale and lists
 * `ORDER BY key` with SQLite's BINARY collation (UTF-8 byte order = code point order). The key is
 * a miniature ICU sort key: primary weights (letters), then secondary (accents), then tertiary
 * (case) weights, for the surname and then for the first name.
 *
 * The alphabets are written out below from CLDR 48 (Node 20's ICU 78) rather than read from
 * `Intl` at run time, so keys stored by one build stay valid under another build's ICU.
 * Known differences from ICU: characters outside the tables (other scripts, symbols, ligatures
 * such as "ǆ") sort after every Latin letter by code point, and accents outside U+0300–U+036F
 * after the known ones; and a precomposed letter followed by an accent of a lower combining class
 * ("ä" + combining ogonek), which ICU does not sort like its NFD, sorts here like its NFD.
 */

export const SORT_LOCALES = ['en', 'cs', 'sk', 'hu', 'pl'] as const
export type SortLocale = (typeof SORT_LOCALES)[number]

/** Bump whenever a table below changes, so a migration recomputes the stored keys. */
export const COLLATION_KEY_VERSION = 1

/** The sort locale for a UI language tag such as 'cs-CZ'; languages without a tailoring sort like English. */
export function sortLocaleFor(locale: string): SortLocale {
  const language = locale.trim().toLowerCase().split(/[-_]/)[0]
  return SORT_LOCALES.find((candidate) => candidate === language) ?? 'en'
}

/**
 * A key whose code point order equals `Intl.Collator(locale)` comparing the surnames and then, when
 * those are equal at every level, the first names. Every character is in the BMP and none is a
 * surrogate, so UTF-16 order (JS `<`), code point order and UTF-8 byte order (SQLite BINARY) agree.
 */
export function collationKey(locale: SortLocale, lastName: string, firstName: string): string {
  const table = TABLES[locale]
  return nameKey(table, lastName) + SEPARATOR + nameKey(table, firstName)
}

// ---------------------------------------------------------------------------------------------
// Weights. Only their order matters; the values are ours, not ICU's.

/** Secondary weights (accents). Common is the lowest, so trailing commons can be dropped. */
const COMMON = 0
/** Hungarian ő and ű: the same letter as ö and ü, one accent step above them. */
const SECOND_LETTER = 1
/**
 * Combining accents (NFD forms) in CLDR root's secondary order: acute < grave < breve < circumflex
 * < caron … Each string is one weight; the long ones are rare marks CLDR does not tell apart.
 */
const MARKS: readonly string[] = [
  ...'\u0332\u0313\u0314\u0301\u0300\u0306\u0302\u030C\u030A\u0342\u0308\u030B\u0303\u0307\u0338\u0327\u0328\u0304',
  '\u030D\u030E\u0312\u0315\u031A\u033D\u033E\u033F\u0346\u034A\u034B\u034C\u0350\u0351\u0352\u0357\u035B\u035D\u035E',
  '\u0316\u0317\u0318\u0319\u031C\u031D\u031E\u031F\u0320\u0329\u032A\u032B\u032C\u032F\u0333\u033A\u033B\u033C' +
    '\u0347\u0348\u0349\u034D\u034E\u0353\u0354\u0355\u0356\u0359\u035A\u035C\u035F\u0362',
  '\u0336\u0337',
  ...'\u0335\u0305\u0309\u030F\u0310\u0311\u031B\u0321\u0322\u0323\u0324\u0325\u0326\u032D\u032E\u0330\u0331',
  ...'\u0334\u0339\u0345\u0358\u0360\u0361',
]
const FIRST_MARK = 2
/** Secondary weight of each known accent. */
const MARK_WEIGHTS: ReadonlyMap<string, number> = new Map(
  MARKS.flatMap((group, index) => [...group].map((mark) => [mark, FIRST_MARK + index] as const)),
)
/** CLDR's two "variant" secondaries, above every accent: ð ß æ œ ‘ “ and ſ ’ ”. */
const VARIANT = FIRST_MARK + MARKS.length
const VARIANT_2 = VARIANT + 1
/** Accents missing from MARKS sort after all known ones, by code point. */
const UNKNOWN_MARK = 0x10000

/** Tertiary weights: lowercase is common; compatibility forms (ĳ, no-break space) sit before uppercase. */
const LOWER = COMMON
const COMPAT = 1
const UPPER = 2
const COMPAT_UPPER = 3
const SUPERSCRIPT = 4

// ---------------------------------------------------------------------------------------------
// Key characters. All below U+0080 but for unknown characters, so SQLite stores one byte a weight.

/** Ends each level and each name: lower than every other key character, so "Novák" < "Nováková". */
const SEPARATOR = '\u0001'
/** Primary weights are one character each, counting up from here (under 100 per locale). */
const FIRST_PRIMARY = 0x02
/** A run of 1…63 common weights is one character, U+0040 down to U+0002: more commons sort earlier. */
const RUN_TOP = 0x41
const MAX_RUN = RUN_TOP - 0x02 // runs stay above SEPARATOR
/** Non-common secondary and tertiary weights come after every run character. */
const WEIGHT_BASE = RUN_TOP
/** Above every weight; followed by a code point as two characters when no table knows a character. */
const UNKNOWN = '\u007F'
const CODE_POINT_BASE = 0x0800

// ---------------------------------------------------------------------------------------------
// Tables (CLDR 48).

/**
 * CLDR root's primary order for the characters names use: spaces, punctuation, symbols, digits,
 * letters. ICU does not ignore punctuation by default, so "Nagy Kovács" < "Nagy-Kovács" < "Nagyné".
 */
const ROOT_ALPHABET = [
  ...'\t _-\u2010\u2013\u2014,;:!?.\u00B7\'"()[]{}@*/\\&#%`^+<=>|~$',
  ...'0123456789',
  ...'abcdefghi\u0131jklmn\u014Bopq\u0138rst\u0167uvwxyz\u00FE\u02BC',
]

/** Private-use stand-ins, read only inside the expansions below, for the two variant secondaries. */
const VARIANT_SIGN = '\uE000'
const VARIANT_2_SIGN = '\uE001'

/** Characters without a canonical decomposition, spelled as root collates them: letter + accent or variant. */
const ROOT_EXPANSIONS: Readonly<Record<string, string>> = {
  đ: 'd\u0335',
  Đ: 'D\u0335',
  ħ: 'h\u0335',
  Ħ: 'H\u0335',
  ł: 'l\u0335',
  Ł: 'L\u0335',
  ø: 'o\u0338',
  Ø: 'O\u0338',
  ŀ: 'l' + VARIANT_SIGN,
  Ŀ: 'L' + VARIANT_SIGN,
  // Root's one Latin contraction (Catalan "l·l"): l + middle dot is ŀ, not two letters.
  'l\u00B7': 'l' + VARIANT_SIGN,
  'L\u00B7': 'L' + VARIANT_SIGN,
  ð: 'd' + VARIANT_SIGN,
  Ð: 'D' + VARIANT_SIGN,
  æ: 'a' + VARIANT_SIGN + 'e',
  Æ: 'A' + VARIANT_SIGN + 'E',
  œ: 'o' + VARIANT_SIGN + 'e',
  Œ: 'O' + VARIANT_SIGN + 'E',
  ß: 's' + VARIANT_SIGN + 's',
  ẞ: 'S' + VARIANT_SIGN + 'S',
  ſ: 's' + VARIANT_2_SIGN,
  '\u2018': "'" + VARIANT_SIGN,
  '\u2019': "'" + VARIANT_2_SIGN,
  '\u201C': '"' + VARIANT_SIGN,
  '\u201D': '"' + VARIANT_2_SIGN,
}

/** Compatibility characters: the same letters, a tertiary step apart ("ij" < "iJ" < "ĳ" < "Ij"). */
const ROOT_COMPAT: Readonly<Record<string, string>> = {
  ĳ: 'ij',
  Ĳ: 'IJ',
  ŉ: '\u02BCn',
  '\u00A0': ' ',
  '\u2011': '\u2010',
}

const ROOT_SUPERSCRIPTS: Readonly<Record<string, string>> = { ª: 'a', º: 'o' }

/** Soft hyphen, zero-width space/joiners, word joiner, BOM: ICU ignores them completely. */
const IGNORABLE = new Set(['\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'])

interface Tailoring {
  /** Letters CLDR inserts into the alphabet, in order, right after a root letter. */
  readonly letters: Readonly<Record<string, readonly string[]>>
  /** Which capitalisations of a multi-letter letter count as that letter: cs "cH" does, hu "cS" does not. */
  readonly digraphCase: 'any' | 'initial'
  /** Letters that share a new letter's primary weight one accent step above it (hu ő with ö). */
  readonly secondLetters?: Readonly<Record<string, string>>
  /** Hungarian "ssz" is "sz" + "sz": a doubled first consonant spells the letter twice. */
  readonly doubledDigraphs?: boolean
}

const TAILORINGS: Readonly<Record<SortLocale, Tailoring>> = {
  en: { letters: {}, digraphCase: 'any' },
  cs: { letters: { c: ['č'], h: ['ch'], r: ['ř'], s: ['š'], z: ['ž'] }, digraphCase: 'any' },
  sk: { letters: { a: ['ä'], c: ['č'], h: ['ch'], o: ['ô'], r: ['ř'], s: ['š'], z: ['ž'] }, digraphCase: 'any' },
  hu: {
    letters: {
      c: ['cs'],
      d: ['dz', 'dzs'],
      g: ['gy'],
      l: ['ly'],
      n: ['ny'],
      o: ['ö'],
      s: ['sz'],
      t: ['ty'],
      u: ['ü'],
      z: ['zs'],
    },
    digraphCase: 'initial',
    secondLetters: { ő: 'ö', ű: 'ü' },
    doubledDigraphs: true,
  },
  pl: {
    letters: { a: ['ą'], c: ['ć'], e: ['ę'], l: ['ł'], n: ['ń'], o: ['ó'], s: ['ś'], z: ['ź', 'ż'] },
    digraphCase: 'any',
  },
}

// ---------------------------------------------------------------------------------------------
// Collation elements.

interface Element {
  /** One key character, or '' for an accent (no primary weight). */
  readonly primary: string
  readonly secondary: number
  readonly tertiary: number
}

/** A run of characters that collates as a fixed list of elements. */
interface Spelling {
  readonly length: number
  readonly elements: readonly Element[]
}

interface LocaleTable {
  /** Every spelling (NFD, exact case) the tables know. */
  readonly spellings: ReadonlyMap<string, Spelling>
  /** Single-character spellings by char code: most of the scan, so kept off the string-keyed map. */
  readonly singles: ReadonlyMap<number, Spelling>
  /** Longest spelling starting with a char code, for the characters that start a longer one. */
  readonly longest: ReadonlyMap<number, number>
}

const TABLES: Readonly<Record<SortLocale, LocaleTable>> = {
  en: buildTable(TAILORINGS.en),
  cs: buildTable(TAILORINGS.cs),
  sk: buildTable(TAILORINGS.sk),
  hu: buildTable(TAILORINGS.hu),
  pl: buildTable(TAILORINGS.pl),
}

function buildTable(tailoring: Tailoring): LocaleTable {
  const alphabet = ROOT_ALPHABET.flatMap((letter) => [letter, ...(tailoring.letters[letter] ?? [])])
  // Every weight must stay one character below UNKNOWN for the key to compare correctly.
  if (FIRST_PRIMARY + alphabet.length > UNKNOWN.charCodeAt(0) || WEIGHT_BASE + VARIANT_2 >= UNKNOWN.charCodeAt(0)) {
    throw new Error('Too many weights for one-character key weights')
  }
  const primaryOf = new Map(alphabet.map((letter, index) => [letter, String.fromCharCode(FIRST_PRIMARY + index)]))
  const spellings = new Map<string, Spelling>()
  // The first reading of a spelling wins, so tailored letters go first (pl "ł" is a letter, not l + stroke).
  for (const [text, elements] of [...tailoredSpellings(tailoring, primaryOf), ...rootSpellings(primaryOf)]) {
    const nfd = text.normalize('NFD')
    if (!spellings.has(nfd)) spellings.set(nfd, { length: nfd.length, elements })
  }
  const singles = new Map<number, Spelling>()
  for (const [text, spelling] of spellings) if (text.length === 1) singles.set(text.charCodeAt(0), spelling)
  return { spellings, singles, longest: longestByFirstChar(spellings) }
}

type SpellingEntry = [text: string, elements: Element[]]

function tailoredSpellings(tailoring: Tailoring, primaryOf: ReadonlyMap<string, string>): SpellingEntry[] {
  const entries: SpellingEntry[] = []
  for (const letter of Object.values(tailoring.letters).flat()) {
    const primary = primaryOf.get(letter)!
    for (const [text, tertiaries] of letterSpellings(letter, tailoring)) {
      entries.push([text, tertiaries.map((tertiary) => ({ primary, secondary: COMMON, tertiary }))])
    }
  }
  for (const [second, letter] of Object.entries(tailoring.secondLetters ?? {})) {
    const primary = primaryOf.get(letter)!
    entries.push([second, [{ primary, secondary: SECOND_LETTER, tertiary: LOWER }]])
    entries.push([second.toUpperCase(), [{ primary, secondary: SECOND_LETTER, tertiary: UPPER }]])
  }
  return entries
}

function rootSpellings(primaryOf: ReadonlyMap<string, string>): SpellingEntry[] {
  const entries: SpellingEntry[] = []
  for (const letter of ROOT_ALPHABET) {
    const primary = primaryOf.get(letter)!
    entries.push([letter, [{ primary, secondary: COMMON, tertiary: LOWER }]])
    const upper = letter.toUpperCase()
    // ı's capital is I, which belongs to i.
    if (upper !== letter && upper.toLowerCase() === letter) {
      entries.push([upper, [{ primary, secondary: COMMON, tertiary: UPPER }]])
    }
  }
  for (const [mark, weight] of MARK_WEIGHTS) entries.push([mark, [accent(weight)]])
  const expand = (table: Readonly<Record<string, string>>, form: Form): SpellingEntry[] =>
    Object.entries(table).map(([char, spelling]) => [char, [...spelling].map((c) => rootElement(primaryOf, c, form))])
  return entries.concat(
    expand(ROOT_EXPANSIONS, 'plain'),
    expand(ROOT_COMPAT, 'compat'),
    expand(ROOT_SUPERSCRIPTS, 'superscript'),
  )
}

/**
 * The capitalisations of a tailored letter with their tertiary weights, lowest first. The numbers
 * only compete with other spellings of the same letter: cs ch < cH < Ch < CH; hu cs < Cs < CS,
 * and the doubled ccs, Ccs, CCS (= cs cs) each one step above the pair they stand for.
 */
function letterSpellings(letter: string, tailoring: Tailoring): [string, number[]][] {
  const chars = [...letter]
  if (chars.length === 1) {
    return [
      [letter, [LOWER]],
      [letter.toUpperCase(), [UPPER]],
    ]
  }
  if (tailoring.digraphCase === 'any') return caseMixes(letter).map((text, rank) => [text, [rank]])
  const first = chars[0]
  const capital = first.toUpperCase() + chars.slice(1).join('')
  const upper = letter.toUpperCase()
  const spellings: [string, number[]][] = [
    [letter, [0]],
    [capital, [2]],
    [upper, [4]],
  ]
  if (!tailoring.doubledDigraphs) return spellings
  return spellings.concat([
    [first + letter, [1, 0]],
    [first.toUpperCase() + letter, [3, 0]],
    [first.toUpperCase() + upper, [5, 4]],
  ])
}

/** Every upper/lower mix of a string, in ICU's tertiary order (earlier letters weigh more). */
function caseMixes(text: string): string[] {
  const chars = [...text]
  return Array.from({ length: 1 << chars.length }, (_, mask) =>
    chars.map((char, i) => ((mask >> (chars.length - 1 - i)) & 1 ? char.toUpperCase() : char)).join(''),
  )
}

type Form = 'plain' | 'compat' | 'superscript'

/** One character of a root expansion, with the tertiary weight of its form and case. */
function rootElement(primaryOf: ReadonlyMap<string, string>, char: string, form: Form): Element {
  if (char === VARIANT_SIGN) return accent(VARIANT)
  if (char === VARIANT_2_SIGN) return accent(VARIANT_2)
  const mark = MARK_WEIGHTS.get(char)
  if (mark !== undefined) return accent(mark)
  const lower = char.toLowerCase()
  return { primary: primaryOf.get(lower)!, secondary: COMMON, tertiary: tertiaryOf(form, lower !== char) }
}

function tertiaryOf(form: Form, upper: boolean): number {
  if (form === 'superscript') return SUPERSCRIPT
  if (form === 'compat') return upper ? COMPAT_UPPER : COMPAT
  return upper ? UPPER : LOWER
}

function accent(secondary: number): Element {
  return { primary: '', secondary, tertiary: LOWER }
}

function longestByFirstChar(spellings: ReadonlyMap<string, Spelling>): Map<number, number> {
  const longest = new Map<number, number>()
  for (const text of spellings.keys()) {
    const first = text.charCodeAt(0)
    if (text.length > 1) longest.set(first, Math.max(longest.get(first) ?? 0, text.length))
  }
  return longest
}

// ---------------------------------------------------------------------------------------------
// Key building.

function nameKey(table: LocaleTable, name: string): string {
  const text = withTailoredAccentsFirst(table, name.normalize('NFD'))
  let primaries = ''
  const secondaries: number[] = []
  const tertiaries: number[] = []
  // Left to right, longest known spelling first, as ICU matches contractions ("dzs" before "dz").
  for (let i = 0; i < text.length;) {
    const { elements, length } = longestMatch(table, text, i)
    for (let e = 0; e < elements.length; e++) {
      primaries += elements[e].primary
      secondaries.push(elements[e].secondary)
      tertiaries.push(elements[e].tertiary)
    }
    i += length
  }
  return primaries + SEPARATOR + levelTail(secondaries) + SEPARATOR + levelTail(tertiaries)
}

/**
 * ICU also finds a tailored letter whose accent sits behind an accent of a lower combining class
 * (cs "č̱" is c + macron below + caron in NFD, yet sorts as č). Moving that accent next to its
 * letter lets the plain longest-match scan find it.
 */
function withTailoredAccentsFirst(table: LocaleTable, text: string): string {
  let result = text
  for (let base = 0; base < result.length - 2; base++) {
    if (!isMark(result[base + 2]) || !isMark(result[base + 1]) || isMark(result[base])) continue
    if (table.spellings.has(result.slice(base, base + 2))) continue
    for (let i = base + 2; i < result.length && isMark(result[i]); i++) {
      if (table.spellings.has(result[base] + result[i]) && !blocked(result.slice(base + 1, i), result[i])) {
        result = result.slice(0, base + 1) + result[i] + result.slice(base + 1, i) + result.slice(i + 1)
        break
      }
    }
  }
  return result
}

const MARK = /^\p{M}/u

/** No combining mark lies below U+0300, which spares the regular expression for most letters. */
function isMark(char: string): boolean {
  return char.charCodeAt(0) >= 0x300 && MARK.test(char)
}

/** An accent is blocked by an earlier one of the same combining class: NFD keeps either order of them. */
function blocked(before: string, mark: string): boolean {
  return [...before].some((other) => (mark + other).normalize('NFD') === mark + other)
}

function longestMatch(table: LocaleTable, text: string, start: number): Spelling {
  const code = text.charCodeAt(start)
  const longest = Math.min(table.longest.get(code) ?? 0, text.length - start)
  for (let length = longest; length > 1; length--) {
    const found = table.spellings.get(text.slice(start, start + length))
    if (found) return found
  }
  const single = table.singles.get(code)
  if (single) return single
  const char = String.fromCodePoint(text.codePointAt(start)!)
  return { length: char.length, elements: unknownElements(char) }
}

/** Accents go with the letter before them; anything else sorts after all letters by code point. */
function unknownElements(char: string): Element[] {
  if (IGNORABLE.has(char)) return []
  if (isMark(char)) return [accent(UNKNOWN_MARK + char.codePointAt(0)!)]
  const lower = char.toLowerCase()
  const folded = [...lower].length === 1 ? lower : char
  const tertiary = folded === char ? LOWER : UPPER
  return [{ primary: UNKNOWN + codePointChars(folded.codePointAt(0)!), secondary: COMMON, tertiary }]
}

/**
 * One level's weights without the common ones: each run of commons becomes a single character,
 * lower the longer the run (a common weight is lower than any other), and trailing commons go.
 */
function levelTail(weights: readonly number[]): string {
  let end = weights.length
  while (end > 0 && weights[end - 1] === COMMON) end--
  let tail = ''
  let run = 0
  for (let i = 0; i < end; i++) {
    if (weights[i] === COMMON) {
      run++
      continue
    }
    tail += runChars(run) + weightChars(weights[i])
    run = 0
  }
  return tail
}

/** Long runs split into several characters; the comparison still counts commons correctly. */
function runChars(run: number): string {
  let chars = ''
  for (let left = run; left > 0; left -= MAX_RUN) chars += String.fromCharCode(RUN_TOP - Math.min(left, MAX_RUN))
  return chars
}

function weightChars(weight: number): string {
  if (weight >= UNKNOWN_MARK) return UNKNOWN + codePointChars(weight - UNKNOWN_MARK)
  return String.fromCharCode(WEIGHT_BASE + weight)
}

/** Any code point as two BMP characters clear of the surrogates, in code point order. */
function codePointChars(codePoint: number): string {
  return String.fromCharCode(CODE_POINT_BASE + (codePoint >> 10), CODE_POINT_BASE + (codePoint & 0x3ff))
}
