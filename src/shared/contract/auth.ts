import { z } from 'zod'
import { LOCALES } from '../locales'
import type { Permission } from '../permissions'
import { command } from './define'
import { DISPLAY_NAME_MAX, PASSWORD_MAX, PASSWORD_MIN, USERNAME_MAX } from './authLimits'
import { visibleName } from './text'

export { DISPLAY_NAME_MAX, PASSWORD_MAX, PASSWORD_MIN, ROLE_NAME_MAX, USERNAME_MAX } from './authLimits'
export const password = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX)
export const username = z
  .string()
  .trim()
  .min(2)
  .max(USERNAME_MAX)
  .regex(/^[\p{L}\p{N}._@-]+$/u, { message: 'username_format' })
export const displayName = visibleName(DISPLAY_NAME_MAX)

/** What the renderer knows of the signed-in staff member: enough to show and hide, never to decide. */
export interface SessionInfo {
  userId: number
  username: string
  displayName: string
  locked: boolean
  /** Permissions held in at least one unit; main still checks each record's unit. */
  permissions: Permission[]
  /**
   * For each permission held: the units it holds in, sub-units included, topmost first. Lets a
   * form offer only the units the user may register people in.
   */
  unitsWith: Partial<Record<Permission, number[]>>
  autoLockMinutes: number
}

export interface AuthState {
  /** No staff member exists yet: the first start asks for the administrator. */
  setupRequired: boolean
  session: SessionInfo | null
}

export const authContract = {
  'auth/get-state': command<AuthState>()({ input: z.object({}), kind: 'read', access: 'public' }),
  'auth/set-up': command<SessionInfo>()({
    input: z.object({
      centreName: visibleName(200),
      displayName,
      username,
      password,
      language: z.enum(LOCALES),
    }),
    kind: 'write',
    access: 'public',
  }),
  'auth/sign-in': command<SessionInfo>()({
    input: z.object({ username: z.string().trim().min(1).max(USERNAME_MAX), password: z.string().min(1).max(200) }),
    kind: 'session',
    access: 'public',
  }),
  'auth/unlock': command<SessionInfo>()({
    input: z.object({ password: z.string().min(1).max(200) }),
    kind: 'session',
    access: 'signed-in',
    whileLocked: true,
  }),
  'auth/lock': command<null>()({ input: z.object({}), kind: 'session', access: 'signed-in', whileLocked: true }),
  'auth/sign-out': command<null>()({ input: z.object({}), kind: 'session', access: 'signed-in', whileLocked: true }),
  /** The renderer reports activity that made no call (typing a long form), so main does not lock the desk. */
  'auth/touch': command<null>()({ input: z.object({}), kind: 'session', access: 'signed-in' }),
  'auth/change-password': command<null>()({
    input: z.object({ currentPassword: z.string().min(1).max(200), newPassword: password }),
    kind: 'write',
    access: 'signed-in',
  }),
}
