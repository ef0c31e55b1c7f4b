/** What the app reads before its first screen. */
export interface StartLoads {
  status: () => Promise<void>
  organisation: () => Promise<void>
  auth: () => Promise<void>
  /** Known once the status is in: the file is too damaged to use, only the restore offer works. */
  readOnly: () => boolean
}

/**
 * Reads status, organisation and sign-in state in parallel: one round trip before the sign-in
 * form instead of three. Waits for all three, since only the status says whether the others'
 * failures matter: on a damaged file they are expected and the shell must still open.
 * Resolves with the failure to show, if any.
 */
export async function loadAtStart(loads: StartLoads): Promise<unknown> {
  const [status, ...others] = await Promise.allSettled([loads.status(), loads.organisation(), loads.auth()])
  if (status.status === 'rejected') return status.reason
  if (loads.readOnly()) return undefined
  return others.find((result) => result.status === 'rejected')?.reason
}
