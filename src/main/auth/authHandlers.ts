import { AppError } from '../../shared/errors'
import type { ContextHandlers } from '../core/handler'
import { StaffUserSchema, usernameKey } from '../staff/staffEntities'
import { setPassword } from '../staff/staffQueries'
import { isSetUp, setUpFirstAdministrator } from './firstRun'
import { hashPassword, verifyAgainstNobody, verifyPassword } from './passwords'
import type { SignInThrottle } from './signInThrottle'
import type { StaffSessions } from './staffSessions'

/** The same words whether the username exists or not: nothing to learn from a failure. */
const REFUSED = () => new AppError('INVALID_CREDENTIALS', 'Wrong username or password')

export function createAuthHandlers(sessions: StaffSessions, throttle: SignInThrottle): ContextHandlers<'auth'> {
  return {
    'auth/get-state': async (_input, { em, caller }) => ({
      setupRequired: !(await isSetUp(em)),
      session: sessions.info(caller),
    }),

    'auth/set-up': async (input, { em, caller, audit, now }) => {
      const userId = await setUpFirstAdministrator(em, input, now)
      audit.target = `staff:${userId}`
      audit.summary = `First start: administrator ${input.username}, centre ${input.centreName}`
      audit.actor = { userId, displayName: input.displayName }
      return sessions.signIn(caller, userId, em)
    },

    'auth/sign-in': async ({ username, password }, { em, caller }) => {
      const key = usernameKey(username)
      await throttle.beforeAttempt(key)
      const user = await em.findOneBy(StaffUserSchema, { usernameKey: key })
      const valid = user ? await verifyPassword(password, user.passwordHash) : await verifyAgainstNobody(password)
      if (!user || !valid || !user.active) {
        throttle.failed(key)
        throw REFUSED()
      }
      throttle.succeeded(key)
      return sessions.signIn(caller, user.id)
    },

    'auth/unlock': async ({ password }, { em, caller }) => {
      const current = sessions.userAt(caller)
      if (!current) throw new AppError('UNAUTHENTICATED', 'Sign in first')
      const key = usernameKey(current.username)
      await throttle.beforeAttempt(key)
      const user = await em.findOneBy(StaffUserSchema, { id: current.userId })
      if (!user || !(await verifyPassword(password, user.passwordHash))) {
        throttle.failed(key)
        throw REFUSED()
      }
      throttle.succeeded(key)
      sessions.unlock(caller)
      return sessions.info(caller)!
    },

    'auth/lock': async (_input, { caller }) => {
      sessions.lock(caller)
      return null
    },

    'auth/sign-out': async (_input, { caller }) => {
      sessions.signOut(caller)
      return null
    },

    'auth/touch': async () => null,

    'auth/change-password': async ({ currentPassword, newPassword }, { em, session, audit, now }) => {
      const user = session.userId === null ? null : await em.findOneBy(StaffUserSchema, { id: session.userId })
      if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in first')
      const key = usernameKey(user.username)
      // This runs in the write queue: refuse rather than sleep, or every desk would wait.
      const wait = throttle.waitFor(key)
      if (wait > 0) throw new AppError('TOO_MANY_ATTEMPTS', `Try again in ${Math.ceil(wait / 1000)} s`)
      if (!(await verifyPassword(currentPassword, user.passwordHash))) {
        throttle.failed(key)
        throw new AppError('VALIDATION_FAILED', 'Wrong current password', {
          currentPassword: { code: 'wrong_password', message: 'Wrong current password' },
        })
      }
      throttle.succeeded(key)
      await setPassword(em, user.id, await hashPassword(newPassword), now)
      audit.target = `staff:${user.id}`
      audit.summary = 'Changed own password'
      return null
    },
  }
}
