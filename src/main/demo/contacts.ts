import type { CountryNames } from './names'
import type { Random } from './random'

const folded = new Map<string, string>()

/** Lower-case ASCII for e-mail addresses: Łukasz → lukasz, Šťastná → stastna. */
export function asciiFold(text: string): string {
  let out = folded.get(text)
  if (out === undefined) {
    // Ł does not decompose in Unicode, so it needs its own rule.
    out = text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[łŁ]/g, 'l')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')
    folded.set(text, out)
  }
  return out
}

/**
 * A birth date (YYYY-MM-DD) of someone exactly `age` years old on `today`.
 * Stepping back at most 364 days from the last birthday keeps the age exact.
 * Plain day arithmetic: Date objects made this the slowest step of a 100 000-person set.
 */
export function birthDateForAge(today: Date, age: number, random: Random): string {
  const lastBirthday = daysFromCivil(today.getUTCFullYear() - age, today.getUTCMonth() + 1, today.getUTCDate())
  return civilFromDays(lastBirthday - random.int(0, 364))
}

// Howard Hinnant's civil calendar algorithms (proleptic Gregorian, days since 1970-01-01).
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

const TWO_DIGITS = Array.from({ length: 32 }, (_, n) => String(n).padStart(2, '0'))

function civilFromDays(days: number): string {
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  return `${year}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}`
}

/** Hands out addresses like people write them, never the same one twice in a data set. */
export class EmailBook {
  private readonly used = new Set<string>()

  create(names: CountryNames, firstName: string, lastName: string, birthDate: string, random: Random): string {
    const first = asciiFold(firstName)
    const last = asciiFold(lastName)
    const style = random.int(0, 3)
    const local =
      style === 0
        ? `${first}.${last}`
        : style === 1
          ? `${last}.${first}`
          : style === 2
            ? `${first}${last}`
            : `${first}.${last}${birthDate.slice(2, 4)}`
    const domain = random.pick(names.emailDomains)
    let address = [local, domain].join('@')
    for (let n = 2; this.used.has(address); n++) address = [`${local}${n}`, domain].join('@')
    this.used.add(address)
    return address
  }
}
