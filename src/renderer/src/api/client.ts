import type { CommandName, InputOf, OutputOf } from '@shared/contract'
import { AppError, type Result } from '@shared/errors'
// Used only inside calls, after Pinia is installed: the import cycle is harmless.
import { useAuthStore } from '../features/auth/useAuthStore'
import { useSystemStore } from '../features/system/useSystemStore'

/**
 * The renderer's only way to the data. `call` throws an AppError for code that just needs
 * the data; `attempt` returns the result, for forms that put field errors next to fields.
 */
export async function attempt<N extends CommandName>(name: N, input: InputOf<N>): Promise<Result<OutputOf<N>>> {
  try {
    const result = (await window.api.call(name, input)) as Result<OutputOf<N>>
    if (!result.ok && result.error.code === 'SESSION_LOCKED') useAuthStore().lockedByMain()
    if (!result.ok && result.error.code === 'DATABASE_UNAVAILABLE') useSystemStore().noteUnavailable()
    return result
  } catch (error) {
    // The transport itself failed (window closing, preview server gone): still data, never a crash.
    return { ok: false, error: { code: 'TRANSPORT', message: error instanceof Error ? error.message : String(error) } }
  }
}

export async function call<N extends CommandName>(name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const result = await attempt(name, input)
  if (!result.ok) throw AppError.from(result.error)
  return result.data
}
