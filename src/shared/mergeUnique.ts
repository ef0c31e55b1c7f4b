export type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never

/**
 * Joins maps into one, refusing a key that appears twice: an object spread would let the
 * second silently replace the first.
 */
export function mergeUnique<T extends object[]>(what: string, ...maps: T): UnionToIntersection<T[number]> {
  const merged: Record<string, unknown> = {}
  for (const map of maps) {
    for (const [key, value] of Object.entries(map)) {
      if (Object.hasOwn(merged, key)) throw new Error(`Duplicate ${what}: ${key}`)
      merged[key] = value
    }
  }
  return merged as UnionToIntersection<T[number]>
}
