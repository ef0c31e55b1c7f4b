import { describe, expect, it } from 'vitest'
import { nameCase } from '../../../src/shared/text/nameCase'

describe('a name typed all in one case is stored capitalised', () => {
  it.each([
    ['jan novák', 'Jan Novák'],
    ['JAN NOVÁK', 'Jan Novák'],
    ['novák-svobodová', 'Novák-Svobodová'],
    ['NOVÁK-SVOBODOVÁ', 'Novák-Svobodová'],
    ['ŁUKASZ', 'Łukasz'],
    ['żółć', 'Żółć'],
    ['őrs', 'Őrs'],
    ['ÁRPÁD', 'Árpád'],
    ['ľudmila šťastná', 'Ľudmila Šťastná'],
    ["o'brien", "O'Brien"],
    ['jan ml.', 'Jan Ml.'],
    // Typed with a combining accent (NFD): the accent belongs to its letter, not a word break.
    ['e\u0301va', 'E\u0301va'],
  ])('%s → %s', (typed, stored) => {
    expect(nameCase(typed)).toBe(stored)
  })
})

describe('a name typed with both cases stays exactly as typed', () => {
  it.each(['McDonald', 'van Dijk', 'DiCaprio', 'de la Cruz', 'MacLEOD', 'Jan novák', 'Novák-svobodová'])(
    '%s',
    (typed) => {
      expect(nameCase(typed)).toBe(typed)
    },
  )
})

describe('a name without cased letters is left alone', () => {
  it.each(['', '   ', '李小龙', '123', '-'])('%j', (typed) => {
    expect(nameCase(typed)).toBe(typed)
  })
})
