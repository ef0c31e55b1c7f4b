import { describe, it, expect } from 'vitest'
import { generateDataset } from '../../../src/main/demo/dataset'
import {
  collationKey,
  SORT_LOCALES,
  sortLocaleFor,
  type SortLocale,
} from '../../../src/main/people/sorting/collationKey'

interface Name {
  lastName: string
  firstName: string
}

const byKey = (locale: SortLocale, names: readonly Name[]): Name[] =>
  names
    .map((name) => ({ name, key: collationKey(locale, name.lastName, name.firstName) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ name }) => name)

const surnames = (...lastNames: string[]): Name[] => lastNames.map((lastName) => ({ lastName, firstName: '' }))

/** The list is in order both by key and by ICU, so each example also checks our reading of CLDR. */
function expectInOrder(locale: SortLocale, lastNames: string[]): void {
  const collator = new Intl.Collator(locale)
  expect([...lastNames].sort(collator.compare)).toEqual(lastNames)
  expect(byKey(locale, surnames(...lastNames).reverse()).map((name) => name.lastName)).toEqual(lastNames)
}

describe('a reception worker sees surnames in the order of their language', () => {
  it('Czech: ch after h, and č ř š ž as letters of their own', () => {
    expectInOrder('cs', ['Hájek', 'Hrubý', 'Chalupa', 'Chládek', 'Ivanov'])
    expectInOrder('cs', ['Cibulka', 'Cyrus', 'Čermák', 'Dvořák'])
    expectInOrder('cs', ['Růžička', 'Rytíř', 'Řezník', 'Svoboda', 'Szabo', 'Šťastný', 'Tichý'])
    expectInOrder('cs', ['Zeman', 'Zvěřina', 'Žák'])
    // Accents that are not letters of their own only break ties: ď ť ň ě ů sort with d t n e u.
    expectInOrder('cs', ['Dostál', 'Ďurčo', 'Dvořák', 'Novak', 'Novák', 'Nováková', 'Nový'])
  })

  it('Slovak: ä after a, ô after o, ch after h; ď and ľ sort with d and l', () => {
    expectInOrder('sk', ['Pazúr', 'Päťko', 'Pekár'])
    expectInOrder('sk', ['Kozák', 'Kôpka', 'Kráľ'])
    expectInOrder('sk', ['Hudec', 'Chovanec', 'Ihnát'])
    expectInOrder('sk', ['Dudek', 'Ďurica', 'Dzurilla'])
    expectInOrder('sk', ['Lauko', 'Ľubomír', 'Lukáč'])
  })

  it('Hungarian: cs, gy, sz, zs … are letters; ö ő after o and ü ű after u', () => {
    expectInOrder('hu', ['Cukor', 'Csaba', 'Dávid'])
    expectInOrder('hu', ['Sütő', 'Szabó', 'Tóth'])
    expectInOrder('hu', ['Zoltán', 'Zsolt'])
    expectInOrder('hu', ['Oszkár', 'Ödön', 'Őze', 'Pál'])
    // ő and ű are ö and ü with one more accent: they differ only when the rest is equal.
    expectInOrder('hu', ['Uzsoki', 'Ügyes', 'Űrös', 'Üveges', 'Vass'])
    expectInOrder('hu', ['Gulyás', 'Gyula', 'Hajdú'])
    expectInOrder('hu', ['Dudás', 'Dzurkó', 'Dzsida', 'Erdős'])
    // "ssz" is a doubled "sz": Hosszú sorts as Hoszszú.
    expectInOrder('hu', ['Hoszfeld', 'Hosszú', 'Hoszú'])
  })

  it('Polish: ą ć ę ł ń ó ś ź ż are letters of their own', () => {
    expectInOrder('pl', ['Lech', 'Lis', 'Łukasz', 'Malinowski'])
    expectInOrder('pl', ['Sztuka', 'Szymon', 'Śliwa', 'Tomasz'])
    expectInOrder('pl', ['Zenon', 'Zyta', 'Źrebiec', 'Żaneta'])
    expectInOrder('pl', ['Cybulski', 'Ćwik', 'Dudek'])
    expectInOrder('pl', ['Ozga', 'Ósma', 'Pawlak'])
  })

  it('Vietnamese names sort with their base letters, as in a Czech register', () => {
    expectInOrder('cs', [
      'Dang',
      'Đặng',
      'Đào',
      'Dương',
      'Hồ',
      'Hoàng',
      'Huỳnh',
      'Chu',
      'Nguyen',
      'Nguyễn',
      'Phạm',
      'Trịnh',
    ])
  })

  it('English: accents and case only break ties, lower case first', () => {
    expectInOrder('en', ['Cap', 'cáp', 'Cáp', 'Capek', 'Čapek', 'Chalupa', 'Cihla'])
    expectInOrder('en', ['Muller', 'Müller', 'Mullers', 'van Dijk', 'Van Dijk', 'Vandijk'])
  })

  it('spaces, hyphens and apostrophes count, below every letter, as ICU does by default', () => {
    for (const locale of SORT_LOCALES) {
      expectInOrder(locale, ['Nagy Kovács', 'Nagy-Kovács', 'Nagykovács', 'Nagyová'])
      expectInOrder(locale, ["O'Brien", 'Obrien', 'Ozawa'])
    }
  })

  it('orders by first name only between equal surnames', () => {
    for (const locale of SORT_LOCALES) {
      const people: Name[] = [
        { lastName: 'Nováková', firstName: 'Anna' },
        { lastName: 'Novák', firstName: 'Jan' },
        { lastName: 'Novák', firstName: 'Adam' },
      ]
      expect(byKey(locale, people).map((p) => `${p.lastName} ${p.firstName}`)).toEqual([
        'Novák Adam',
        'Novák Jan',
        'Nováková Anna',
      ])
    }
  })

  it('letters no table knows sort with their base letter, other scripts after every Latin letter', () => {
    for (const locale of SORT_LOCALES) {
      // U+030F double grave is in no table; Ȍ still sorts as an O.
      expectInOrder(locale, ['Ozil', 'Ȍzil', 'Ozima', 'Zzz', 'Жукова'])
    }
  })
})

describe('sort keys agree with Intl.Collator on whole people lists', () => {
  const dataset = generateDataset({ people: 20000, seed: 7, today: '2026-11-01' }).people
  const people: Name[] = [
    ...dataset.map(({ lastName, firstName }) => ({ lastName, firstName })),
    ...trickyNames(),
    ...randomNames(3000, 11),
  ]

  /**
   * Full agreement at every ICU level (primary letters, secondary accents, tertiary case), not just
   * the base letters: in key order, each neighbour is strictly greater by ICU when the keys differ
   * and equal by ICU when the keys are equal. Since ICU's order is transitive, the key order is
   * then exactly a correct ICU sort of the whole list.
   */
  it.each(SORT_LOCALES)('%s', (locale) => {
    const collator = new Intl.Collator(locale)
    const compare = (a: Name, b: Name): number =>
      collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName)
    const keyed = people
      .map((name) => ({ name, key: collationKey(locale, name.lastName, name.firstName) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    const disagreements: string[] = []
    for (let i = 1; i < keyed.length; i++) {
      const [before, after] = [keyed[i - 1], keyed[i]]
      const byIcu = Math.sign(compare(before.name, after.name))
      const expected = before.key === after.key ? 0 : -1
      if (byIcu !== expected) disagreements.push(`${show(before.name)} then ${show(after.name)}: ICU says ${byIcu}`)
    }
    expect(disagreements.slice(0, 10)).toEqual([])
  })
})

describe('key characters', () => {
  it('are all in the BMP, never surrogates nor U+0000, so JS, code point and UTF-8 byte order agree', () => {
    const names = [...trickyNames(), ...randomNames(500, 3), ...surnames('😀 Smile', '𠀀', 'Жукова', 'a\u{1D167}b')]
    const offending: string[] = []
    for (const locale of SORT_LOCALES) {
      for (const name of names) {
        const key = collationKey(locale, name.lastName, name.firstName)
        if (/[\u0000\uD800-\uDFFF]/.test(key)) offending.push(`${show(name)} in ${locale}`)
      }
    }
    expect(offending).toEqual([])
  })

  it('are short: one character per letter for plain names', () => {
    expect(collationKey('cs', 'Novak', 'Jan')).toHaveLength('Novak'.length + 3 + 1 + 'Jan'.length + 3)
  })
})

describe('sortLocaleFor', () => {
  it('takes the language of a tag and falls back to English', () => {
    expect(sortLocaleFor('cs-CZ')).toBe('cs')
    expect(sortLocaleFor('SK')).toBe('sk')
    expect(sortLocaleFor('hu_HU')).toBe('hu')
    expect(sortLocaleFor('pl')).toBe('pl')
    expect(sortLocaleFor('de-AT')).toBe('en')
    expect(sortLocaleFor('')).toBe('en')
  })
})

function show(name: Name): string {
  return JSON.stringify(`${name.lastName}|${name.firstName}`)
}

/** Hand-made edge cases: separators, capitalised digraphs, Hungarian doubled letters, German ß. */
function trickyNames(): Name[] {
  const lastNames = [
    'Nagy-Kovács',
    'Nagy Kovács',
    'Nagykovács',
    'Nagy-kovács',
    "O'Neill",
    'O’Neill',
    'Oneill',
    'ONeill',
    'Chalupa',
    'CHALUPA',
    'cHalupa',
    'chalupa',
    'Cháb',
    'Hrubý',
    'HRUBÝ',
    'Dzsida',
    'DZSIDA',
    'DZsida',
    'Dzida',
    'Ddzsó',
    'Hosszú',
    'HOSSZÚ',
    'Hoszszú',
    'Ssz',
    'SSZ',
    'Sszabó',
    'Szabó',
    'SZABÓ',
    'sZabó',
    'Kiss',
    'Kisss',
    'Gyöngyösi',
    'Ggyó',
    'Nnyó',
    'Tty',
    'Llyó',
    'Ccsó',
    'Zzsó',
    'Csaba',
    'CSABA',
    'cSaba',
    'Müller',
    'Mueller',
    'Muller',
    'Straße',
    'Strasse',
    'STRASSE',
    'Łukasz',
    'Lukasz',
    'ŁUKASZ',
    'Ærø',
    'van der Berg',
    'Van der Berg',
    'Vanderberg',
    'de la Cruz',
    'Ďurica',
    'Äbel',
    'Ábel',
    'Abel',
    'Ödön',
    'Őze',
    'Oze',
    'Ôda',
    'Źrebiec',
    'Żaneta',
    'Zaneta',
    '',
    ' ',
    '-',
    'A',
    'a',
    'A-',
    'A 1',
    'Anna2',
  ]
  const firstNames = [
    '',
    'Jan',
    'jan',
    'JAN',
    'Ján',
    'Ch',
    'ch',
    'Csilla',
    'Zsófia',
    'Łucja',
    'Anna-Marie',
    'Anna Marie',
  ]
  return lastNames.flatMap((lastName, i) =>
    [0, 1, 2].map((j) => ({ lastName, firstName: firstNames[(i + 5 * j) % firstNames.length] })),
  )
}

/**
 * Random strings from letters and pieces the tables care about. A combining accent only follows
 * an ASCII letter: after a precomposed letter, a lower-class accent ("ä" + ogonek) is text ICU
 * does not treat as canonically equivalent to its NFD, and our keys follow the NFD.
 */
function randomNames(count: number, seed: number): Name[] {
  const pieces = [
    ...'abcdehilnostuyzCDHSZGLNTY',
    ...'áéíóöőúüűÖŐÜŰäÄôÔčČďěňřŘšŠťůýžŽľĽąćęłŁńśźżŻßæÆøœĳðþŋıİſđħŀàèçñåãâêșțŧĸươễạỳả',
    ...['ch', 'cs', 'dz', 'dzs', 'gy', 'ly', 'ny', 'sz', 'ty', 'zs', 'ss', 'cc', 'dd', 'Cs', 'CS', 'Ch', 'cH', 'CH'],
    ...['-', ' ', "'", '’', '‘', '\u00A0', '.', '0', '7', 'ª', 'ŉ', '\u00AD'],
  ]
  // Every accent of the secondary table, in no particular order.
  const accents = [...'\u0301\u0300\u0306\u0302\u030C\u030A\u0308\u030B\u0303\u0307\u0338\u0327\u0328\u0304']
  accents.push(...'\u0335\u031B\u0323\u0326\u0331\u030F\u0309')
  let state = seed
  const next = (n: number): number => {
    state = (state * 1103515245 + 12345) & 0x7fffffff
    return state % n
  }
  const word = (): string => {
    let text = ''
    for (let length = 1 + next(6); length > 0; length--) {
      text += pieces[next(pieces.length)]
      if (/[a-zA-Z]$/.test(text) && next(4) === 0) text += accents[next(accents.length)]
    }
    return text
  }
  return Array.from({ length: count }, () => ({ lastName: word(), firstName: word() }))
}
