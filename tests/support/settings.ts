import type { CommandName, InputOf, OutputOf } from '../../src/shared/contract'
import type { SecuritySettings } from '../../src/shared/contract/settings'

interface Calls {
  call<N extends CommandName>(name: N, input: InputOf<N>): Promise<OutputOf<N>>
}

/** Sets the auto-lock time as a freshly opened settings screen would: over the version stored now. */
export async function saveAutoLock(desk: Calls, autoLockMinutes: number): Promise<SecuritySettings> {
  const { version } = await desk.call('settings/get-security', {})
  return desk.call('settings/update-security', { autoLockMinutes, expectedVersion: version })
}
