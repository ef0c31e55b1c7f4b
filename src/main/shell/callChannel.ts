import type { Router } from '../core/router'
import type { Result } from '../../shared/errors'
import { CALL_CHANNEL } from '../../shared/transport'
import { isTrustedSender, type AppLocation } from './appLocation'

/** The parts of an IPC invoke event the call channel reads; Electron's IpcMainInvokeEvent satisfies it. */
export interface CallEvent {
  sender: { id: number }
  senderFrame: { url: string } | null
}

/** Electron's ipcMain satisfies it. */
export interface CallChannelHost {
  handle(channel: string, listener: (event: CallEvent, ...args: unknown[]) => Promise<unknown>): void
}

const UNTRUSTED: Result<never> = { ok: false, error: { code: 'FORBIDDEN', message: 'Untrusted sender' } }

/**
 * One command from the renderer. The sender is checked before anything else, so a page
 * that is not the app (an injected frame, a page navigated to by a bug) never reaches
 * the router. Each window is its own caller, keyed by its web contents.
 */
export async function handleCall(
  router: Pick<Router, 'dispatch'>,
  location: AppLocation,
  event: CallEvent,
  name: unknown,
  input: unknown,
): Promise<Result<unknown>> {
  if (!isTrustedSender(event.senderFrame?.url, location)) return UNTRUSTED
  return router.dispatch(name, input, { transport: 'ipc', key: String(event.sender.id) })
}

/** Registers the single IPC channel every command travels on. */
export function registerCallChannel(
  ipcMain: CallChannelHost,
  router: Pick<Router, 'dispatch'>,
  location: AppLocation,
): void {
  ipcMain.handle(CALL_CHANNEL, (event, name, input) => handleCall(router, location, event, name, input))
}
