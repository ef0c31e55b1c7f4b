import { existsSync, statSync } from 'node:fs'
import { withRawConnection } from './rawConnection'

export type Health = { state: 'missing' } | { state: 'ok' } | { state: 'damaged'; problem: string }

/** `quick_check` at every start: a damaged file must not be written to, only read or replaced. */
export async function checkHealth(file: string): Promise<Health> {
  if (!existsSync(file) || statSync(file).size === 0) return { state: 'missing' }
  try {
    const rows = await withRawConnection(file, 'read-only', (db) =>
      db.all<{ quick_check: string }>('PRAGMA quick_check'),
    )
    const problems = rows.map((row) => row.quick_check).filter((line) => line !== 'ok')
    return problems.length === 0 ? { state: 'ok' } : { state: 'damaged', problem: problems.slice(0, 5).join('; ') }
  } catch (error) {
    return { state: 'damaged', problem: error instanceof Error ? error.message : String(error) }
  }
}
