/**
 * Phone numbers as the region writes them. A number is stored with the forms people type
 * when they look it up: all its digits, the national number without the country code, and
 * the national number with the trunk prefix dialled inside the country (06 in Hungary, 0 in
 * Slovakia); Czech and Polish numbers have no trunk prefix.
 */
const TRUNK_PREFIX: Record<string, string> = { '420': '', '421': '0', '36': '06', '48': '' }
const COUNTRY_CODES = Object.keys(TRUNK_PREFIX)

/** `+420 …`, `00420 …` or `(+420) …`: the digits after the international prefix, else null. */
function international(text: string, digits: string): string | null {
  const compact = text.replace(/[\s()]/g, '')
  if (compact.startsWith('+')) return digits
  if (compact.startsWith('00')) return digits.slice(2)
  return null
}

/** The country code a number starts with and the national number after it. */
function splitCountry(digits: string): { code: string; national: string } | null {
  const code = COUNTRY_CODES.find((prefix) => digits.startsWith(prefix))
  return code ? { code, national: digits.slice(code.length) } : null
}

/** Search terms of a stored number; the national number comes last (the duplicate check uses it). */
export function phoneTerms(phone: string): string[] {
  const digits = phone.replace(/\D/g, '')
  const withCode = international(phone, digits)
  const split = withCode !== null ? splitCountry(withCode) : null
  if (split) {
    const trunk = TRUNK_PREFIX[split.code]
    return unique([digits, split.code + split.national, ...(trunk ? [trunk + split.national] : []), split.national])
  }
  if (withCode !== null) return unique([digits, withCode])
  // Written the national way: 06 30 123 4567 in Hungary, 0905 123 456 in Slovakia, 777 … in Czechia.
  if (digits.startsWith('06') && digits.length >= 10) return unique([digits, digits.slice(2)])
  if (digits.startsWith('0') && digits.length >= 9) return unique([digits, digits.slice(1)])
  // 420777123456 with the + left out: still found by the last nine digits.
  return digits.length > 9 ? unique([digits, digits.slice(-9)]) : [digits]
}

/**
 * What a typed number is looked up by: a number typed with its country code by the national
 * number, however much of it is typed; otherwise the digits as typed, trunk prefix included
 * (stored numbers carry that form too).
 */
export function phoneQuery(typed: string): string {
  const digits = typed.replace(/\D/g, '')
  const withCode = international(typed, digits)
  if (withCode !== null) return splitCountry(withCode)?.national ?? withCode
  // More than a national number and no trunk prefix: the country code typed without its +.
  if (digits.length > 9 && !digits.startsWith('0')) return splitCountry(digits)?.national ?? digits.slice(-9)
  return digits
}

function unique(terms: string[]): string[] {
  return [...new Set(terms.filter((term) => term.length > 0))]
}
