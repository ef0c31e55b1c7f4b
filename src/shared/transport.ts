import type { Result } from './errors'

/** The single IPC channel every command travels on. */
export const CALL_CHANNEL = 'frontdesk:call'

/**
 * What the preload exposes as `window.api`, and what the browser transport of the
 * preview server provides in its place. Nothing else crosses into the renderer.
 */
export interface FrontdeskApi {
  call(name: string, input: unknown): Promise<Result<unknown>>
}
