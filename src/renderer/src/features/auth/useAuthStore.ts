import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { InputOf } from '@shared/contract'
import type { SessionInfo } from '@shared/contract/auth'
import type { Result } from '@shared/errors'
import type { Permission } from '@shared/permissions'
import { attempt, call } from '../../api/client'

export const useAuthStore = defineStore('auth', () => {
  const setupRequired = ref(false)
  const session = ref<SessionInfo | null>(null)
  /** Changes whenever someone new signs in: the app below is rebuilt, so nothing of the last person's stays. */
  const generation = ref(0)
  const locked = computed(() => session.value?.locked ?? false)
  let markLoaded!: () => void
  /** Settles once the first load has answered: until then nobody can tell what this desk may open. */
  const loaded = new Promise<void>((resolve) => (markLoaded = resolve))

  async function load(): Promise<void> {
    try {
      const state = await call('auth/get-state', {})
      setupRequired.value = state.setupRequired
      session.value = state.session
    } finally {
      markLoaded()
    }
  }

  function began(result: Result<SessionInfo>): Result<SessionInfo> {
    if (result.ok) {
      setupRequired.value = false
      session.value = result.data
      generation.value++
    }
    return result
  }

  async function setUp(input: InputOf<'auth/set-up'>): Promise<Result<SessionInfo>> {
    return began(await attempt('auth/set-up', input))
  }

  async function signIn(username: string, password: string): Promise<Result<SessionInfo>> {
    return began(await attempt('auth/sign-in', { username, password }))
  }

  async function unlock(password: string): Promise<Result<SessionInfo>> {
    const result = await attempt('auth/unlock', { password })
    if (result.ok) session.value = result.data
    return result
  }

  async function lock(): Promise<void> {
    if (session.value) session.value = { ...session.value, locked: true }
    await attempt('auth/lock', {})
  }

  /** Main locked the desk by itself (the renderer slept, or its clock lied): show the lock screen. */
  function lockedByMain(): void {
    if (session.value) session.value = { ...session.value, locked: true }
  }

  async function signOut(): Promise<void> {
    await attempt('auth/sign-out', {})
    session.value = null
    generation.value++
  }

  function can(permission: Permission | undefined): boolean {
    return !permission || (session.value?.permissions.includes(permission) ?? false)
  }

  return {
    setupRequired,
    session,
    generation,
    locked,
    loaded,
    load,
    setUp,
    signIn,
    unlock,
    lock,
    lockedByMain,
    signOut,
    can,
  }
})
