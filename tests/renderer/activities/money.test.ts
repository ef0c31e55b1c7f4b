import { describe, expect, it } from 'vitest'
import { currencyDigits, fromMinorUnits, toMinorUnits } from '../../../src/renderer/src/features/activities/money'

describe('money typed in major units, stored in minor units', () => {
  it.each([
    ['1200', 2, 120000],
    ['1200,5', 2, 120050],
    ['1200.50', 2, 120050],
    ['1 200,50', 2, 120050],
    ['1\u00a0200', 2, 120000],
    ['0,05', 2, 5],
    ['15,', 2, 1500],
    ['350', 0, 350],
  ])('%s with %i decimals is %i', (typed, digits, minor) => {
    expect(toMinorUnits(typed, digits)).toBe(minor)
  })

  it.each([
    ['', 2],
    ['12,345', 2],
    ['-5', 2],
    ['1e3', 2],
    ['12,5', 0],
    ['abc', 2],
    ['99999999999999999', 2],
  ])('%s is no amount', (typed, digits) => {
    expect(toMinorUnits(typed, digits)).toBeNull()
  })

  it('never goes through floating point: 0.29 stays 29 minor units', () => {
    // 0.29 * 100 is 28.999999999999996 in floating point.
    expect(toMinorUnits('0.29', 2)).toBe(29)
    expect(toMinorUnits('1,13', 2)).toBe(113)
  })

  it('writes minor units back as the desk types them', () => {
    expect(fromMinorUnits(120050, 2, ',')).toBe('1200,50')
    expect(fromMinorUnits(120000, 2, ',')).toBe('1200')
    expect(fromMinorUnits(5, 2, '.')).toBe('0.05')
    expect(fromMinorUnits(350, 0, ',')).toBe('350')
    for (const minor of [0, 1, 99, 100, 12345, 1_000_000_000]) {
      expect(toMinorUnits(fromMinorUnits(minor, 2, ','), 2)).toBe(minor)
    }
  })

  it('knows the decimals of the centre currencies', () => {
    expect(['CZK', 'EUR', 'HUF', 'PLN'].map(currencyDigits)).toEqual([2, 2, 2, 2])
    expect(currencyDigits('JPY')).toBe(0)
  })
})
