import type { Access } from '../../shared/permissions'

/** Who is calling: the staff member signed in at this desk. */
export interface StaffSession {
  userId: number | null
  displayName: string
  can(access: Access): boolean
}

/** Where a call came from; a transport-specific key identifies the desk (window, browser tab). */
export interface Caller {
  transport: 'ipc' | 'http' | 'direct'
  key: string
}

/** The seam for sign-in: the router asks it who stands behind a caller. */
export interface SessionProvider {
  resolve(caller: Caller): StaffSession | null
}

/**
 * Until staff sign-in lands, every desk acts as one operator allowed everything.
 * Sign-in replaces this provider; nothing else in the router changes.
 */
export const provisionalOperator: SessionProvider = {
  resolve: () => ({ userId: null, displayName: 'Reception desk', can: () => true }),
}
