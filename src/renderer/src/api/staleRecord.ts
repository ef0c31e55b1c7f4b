import type { Result } from '@shared/errors'

/**
 * Someone else saved the record after this screen read it. The screen's copy is then out of
 * date: stores read it again, so the next form opened on it starts from the current version.
 */
export function isStaleRecord(result: Result<unknown>): boolean {
  return !result.ok && result.error.code === 'CONFLICT' && result.error.reason === 'stale_record'
}
