import { describe, expect, it } from 'vitest'
import { visibleText } from '../../../src/shared/text/visibleText'

describe('a text is kept as it is seen', () => {
  it.each([
    ['zero-width space', '\u200B'],
    ['zero-width non-joiner and joiner', '\u200C\u200D'],
    ['word joiner', '\u2060'],
    ['byte-order mark', '\uFEFF'],
    ['soft hyphen', '\u00AD'],
    ['NUL', '\u0000'],
    ['bell, escape and delete', '\u0007\u001B\u007F'],
    ['left-to-right and right-to-left marks', '\u200E\u200F'],
    ['direction embeddings and overrides', '\u202A\u202B\u202C\u202D\u202E'],
    ['direction isolates', '\u2066\u2067\u2068\u2069'],
    ['combining grapheme joiner', '\u034F'],
    ['variation selector', '\uFE0F'],
    ['Hangul filler', '\u3164'],
    ['Braille blank', '\u2800'],
    ['no-break and ideographic spaces', '\u00A0\u3000'],
    ['line and paragraph separators', '\u2028\u2029'],
    ['tabs and line breaks', '\t\r\n'],
  ])('only %s is empty', (_what, invisible) => {
    expect(visibleText(` ${invisible} ${invisible}`)).toBe('')
  })

  it.each([
    ['Ja\u200Bna', 'Jana'],
    ['\u202ENovák\u202C', 'Novák'],
    ['Jan\u00A0\u00A0Novák ', 'Jan Novák'],
    ['Jan\tNovák\n', 'Jan Novák'],
    ['Novák\u00AD-Svobodová', 'Novák-Svobodová'],
  ])('invisible characters inside %j are dropped', (typed, seen) => {
    expect(visibleText(typed)).toBe(seen)
  })

  it.each(['Jana Nováková', 'Łukasz Żółć', 'Őrs Árpád', '李小龙', 'e\u0301va'])('%s stays as typed', (text) => {
    expect(visibleText(text)).toBe(text)
  })
})
