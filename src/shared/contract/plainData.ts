/** What is wrong with one value of a command's input, and where. */
export interface DataProblem {
  path: (string | number)[]
  code: 'invalid_type' | 'text_malformed'
}

const PLAIN_PROTOTYPES: unknown[] = [Object.prototype, null]
/** A UTF-16 half without its other half: no character at all, and no database would store it as typed. */
const LONE_SURROGATE = /\p{Cs}/u

/**
 * Input crosses the boundary as plain data: objects, arrays, strings, numbers, booleans, null.
 * A class instance (a Date, Map, Set, Buffer, anything with its own prototype) survives the
 * trip through IPC yet is not what any schema means by an object, and a string with a lone
 * surrogate is not text. Both are reported wherever they sit, so nothing has to guess.
 */
export function dataProblems(input: unknown): DataProblem[] {
  const problems: DataProblem[] = []
  const seen = new Set<object>()
  const pending: { value: unknown; path: (string | number)[] }[] = [{ value: input, path: [] }]
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, path } = next
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) problems.push({ path, code: 'text_malformed' })
      continue
    }
    if (typeof value === 'function') {
      problems.push({ path, code: 'invalid_type' })
      continue
    }
    if (typeof value !== 'object' || value === null || seen.has(value)) continue
    seen.add(value)
    if (Array.isArray(value) ? Object.getPrototypeOf(value) !== Array.prototype : !isPlainObject(value)) {
      problems.push({ path, code: 'invalid_type' })
      continue
    }
    const entries: [string | number, unknown][] = Array.isArray(value)
      ? value.map((item, index) => [index, item])
      : Object.entries(value)
    for (const [key, item] of entries) pending.push({ value: item, path: [...path, key] })
  }
  return problems
}

function isPlainObject(value: object): boolean {
  return PLAIN_PROTOTYPES.includes(Object.getPrototypeOf(value))
}
