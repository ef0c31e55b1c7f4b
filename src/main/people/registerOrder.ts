import type { RegisterKey, RegisterSort } from '../../shared/contract/people'
import type { SortLocale } from './sorting/collationKey'

/**
 * One stretch of the register's order that a single index walks: the whole list when sorted
 * by name; people with a birth date and then those without when sorted by birth date; one
 * stretch per unit when sorted by unit. Keys are index columns ending with the id, so each
 * row has a unique key and a page can start right after (or before) any row.
 */
export interface Segment {
  index: string
  where: string
  params: unknown[]
  keys: string[]
  descending: boolean
}

export interface OrderOptions {
  sort: RegisterSort
  descending: boolean
  locale: SortLocale
  /** Units in the list, ordered by name in the viewer's language (used by the unit sort). */
  unitsByName: number[]
}

/** Index names, also created by the RegisterSorts migration. */
export const registerIndex = {
  name: (locale: SortLocale) => `idx_person_sort_${locale}`,
  unit: (locale: SortLocale) => `idx_person_unit_sort_${locale}`,
  birthDate: 'idx_person_birth_sort',
}

export function segmentsOf(options: OrderOptions): Segment[] {
  const { locale, descending } = options
  const byName = (where: string, params: unknown[], index = registerIndex.name(locale), down = false): Segment => ({
    index,
    where,
    params,
    keys: [`p.sort_${locale}`, 'p.id'],
    descending: down,
  })
  switch (options.sort) {
    case 'name':
      return [byName('', [], registerIndex.name(locale), descending)]
    case 'birthDate':
    case 'age': {
      // The oldest first is the highest age first; people without a birth date come last either way.
      const down = options.sort === 'age' ? !descending : descending
      return [
        {
          index: registerIndex.birthDate,
          where: 'p.birth_date IS NOT NULL',
          params: [],
          keys: ['p.birth_date', 'p.id'],
          descending: down,
        },
        byName('p.birth_date IS NULL', []),
      ]
    }
    case 'unit': {
      const units = descending ? [...options.unitsByName].reverse() : options.unitsByName
      return units.map((unitId) => byName('p.unit_id = ?', [unitId], registerIndex.unit(locale)))
    }
  }
}

/** `(a, b) > (?, ?)` in the segment's direction; `inclusive` keeps the row with that key. */
export function keyCondition(segment: Segment, key: RegisterKey, side: 'after' | 'before', inclusive = false) {
  const forward = (side === 'after') !== segment.descending
  const operator = (forward ? '>' : '<') + (inclusive ? '=' : '')
  return {
    sql: `(${segment.keys.join(', ')}) ${operator} (${segment.keys.map(() => '?').join(', ')})`,
    params: key.values,
  }
}

/** ORDER BY of a segment, or its reverse to walk backwards from a key. */
export function orderOf(segment: Segment, reverse = false): string {
  const down = segment.descending !== reverse
  return segment.keys.map((key) => `${key}${down ? ' DESC' : ''}`).join(', ')
}

/** The key of a row read with `keyColumns` (aliased k0, k1, …). */
export function keyColumns(segment: Segment): string {
  return segment.keys.map((key, i) => `${key} AS k${i}`).join(', ')
}

export function keyOf(segmentIndex: number, row: Record<string, unknown>, segment: Segment): RegisterKey {
  return { segment: segmentIndex, values: segment.keys.map((_, i) => row[`k${i}`] as string | number) }
}
