/**
 * Money typed at the desk in major units ("1 200,50", "1200.5") and stored as integer minor
 * units, with as many decimals as the currency has. No floating point on the way: the digits
 * are joined as text.
 */

/**
 * Minor units per major unit by ISO 4217. Fixed for the centre's currencies: ICU's own idea (CLDR
 * says 0 for the forint) may change between versions, and stored amounts must not.
 */
const ISO_DIGITS: Record<string, number> = { CZK: 2, EUR: 2, HUF: 2, PLN: 2 }

export function currencyDigits(currency: string): number {
  const known = ISO_DIGITS[currency]
  if (known !== undefined) return known
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  } catch {
    return 2
  }
}

/** Minor units from what was typed; null when it is no amount (letters, three decimals, negative). */
export function toMinorUnits(typed: string, digits: number): number | null {
  // Spaces (also the non-breaking ones Intl writes) and apostrophes group thousands.
  const text = typed.replace(/[\s\u00a0\u202f']/g, '')
  const match = /^(\d+)(?:[.,](\d*))?$/.exec(text)
  if (!match) return null
  const fraction = match[2] ?? ''
  if (fraction.length > digits) return null
  const minor = Number(match[1] + fraction.padEnd(digits, '0'))
  return Number.isSafeInteger(minor) ? minor : null
}

/** Minor units shown as the desk types them back: "1200,50" in Czech, "1200.50" in English; whole amounts bare. */
export function fromMinorUnits(minor: number, digits: number, decimalSeparator: string): string {
  if (digits === 0) return String(minor)
  const text = String(Math.abs(minor)).padStart(digits + 1, '0')
  const whole = text.slice(0, -digits)
  const fraction = text.slice(-digits)
  const sign = minor < 0 ? '-' : ''
  return /^0+$/.test(fraction) ? `${sign}${whole}` : `${sign}${whole}${decimalSeparator}${fraction}`
}
