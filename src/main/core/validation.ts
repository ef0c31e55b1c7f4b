import type { z } from 'zod'
import type { FieldError } from '../../shared/errors'

/**
 * Turns zod's issues into field errors keyed by path. The `code` is stable and translated
 * in the renderer; a schema's own message (`logo_format`) is used as the code when set.
 */
export function fieldErrors(issues: z.core.$ZodIssue[], input: unknown): Record<string, FieldError> {
  const fields: Record<string, FieldError> = {}
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        fields[[...issue.path, key].join('.')] = { code: 'unknown_field', message: `Unknown field ${key}` }
      }
      continue
    }
    const path = issue.path.join('.') || '(input)'
    if (fields[path]) continue
    fields[path] = describe(issue, valueAt(input, issue.path))
  }
  return fields
}

function describe(issue: z.core.$ZodIssue, value: unknown): FieldError {
  if (/^[a-z_]+$/.test(issue.message)) return { code: issue.message, message: issue.message }
  if (value === undefined || (issue.code === 'too_small' && issue.origin === 'string' && issue.minimum === 1)) {
    return { code: 'required', message: 'Required' }
  }
  switch (issue.code) {
    case 'too_small':
      return { code: `too_small_${issue.origin}`, message: issue.message, params: { limit: Number(issue.minimum) } }
    case 'too_big':
      return { code: `too_big_${issue.origin}`, message: issue.message, params: { limit: Number(issue.maximum) } }
    case 'invalid_value':
      return { code: 'invalid_choice', message: issue.message }
    default:
      return { code: issue.code, message: issue.message }
  }
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let value = input
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}
