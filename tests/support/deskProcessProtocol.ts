import type { Caller } from '../../src/main/core/session'
import type { Result } from '../../src/shared/errors'

// The messages between a test and a desk process: in a file of their own, so neither side loads the other.

/** What the test process sends: a command as a transport would, or a request about the process itself. */
export type DeskRequest =
  | { id: number; name: string; input: unknown; caller: Caller }
  | { id: number; control: 'sign-in-as'; caller: Caller; userId: number }
  | { id: number; control: 'advance-clock'; ms: number }
  | { id: number; control: 'throttle-waits' }
  | { id: number; control: 'log' }
  | { id: number; control: 'close' }

export type DeskReply = { id: number; result: Result<unknown> } | { ready: true } | { failed: string }

export const DESK_TARGET_ENV = 'FRONTDESK_DESK_PROCESS_TARGET'
