import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import type { InputOf } from '@shared/contract'
import type { Role, StaffMember } from '@shared/contract/staff'
import type { Result } from '@shared/errors'
import { attempt, call } from '../../api/client'
import { isStaleRecord } from '../../api/staleRecord'
import { useAuthStore } from '../auth/useAuthStore'

/** Staff members and roles for the administration tabs. */
export const useStaffStore = defineStore('staff', () => {
  const staff = ref<StaffMember[]>([])
  const roles = ref<Role[]>([])
  const auth = useAuthStore()

  // Nothing of one administrator's screen is kept for whoever signs in next.
  watch(
    () => auth.generation,
    () => {
      staff.value = []
      roles.value = []
    },
  )

  async function loadStaff(): Promise<void> {
    staff.value = await call('staff/list', {})
  }

  async function loadRoles(): Promise<void> {
    roles.value = await call('roles/list', {})
  }

  /**
   * A change to staff or roles may change what the signed-in person may do (their own
   * role edited): main already knows, so ask it again for the navigation to follow.
   */
  async function afterChange(): Promise<void> {
    // The change is saved whatever happens here; a failed refresh only leaves the menu as it was.
    await auth.load().catch(() => undefined)
  }

  async function member(result: Result<StaffMember>, reloadRoles = false): Promise<Result<StaffMember>> {
    // The open dialog keeps what was typed; the list behind it shows what is stored now.
    if (isStaleRecord(result)) await loadStaff().catch(() => undefined)
    if (result.ok) {
      const index = staff.value.findIndex((one) => one.id === result.data.id)
      if (index >= 0) staff.value.splice(index, 1, result.data)
      else await loadStaff()
      // Grant counts of the roles follow grants and revocations.
      if (reloadRoles) await loadRoles()
      await afterChange()
    }
    return result
  }

  const create = async (input: InputOf<'staff/create'>) => member(await attempt('staff/create', input))
  const rename = async (input: InputOf<'staff/rename'>) => member(await attempt('staff/rename', input))
  const setActive = async (input: InputOf<'staff/set-active'>) => member(await attempt('staff/set-active', input))
  const grantRole = async (input: InputOf<'staff/grant-role'>) => member(await attempt('staff/grant-role', input), true)
  const revokeRole = async (input: InputOf<'staff/revoke-role'>) =>
    member(await attempt('staff/revoke-role', input), true)
  const resetPassword = (input: InputOf<'staff/reset-password'>) => attempt('staff/reset-password', input)

  async function saveRole(input: InputOf<'roles/save'>): Promise<Result<Role>> {
    const result = await attempt('roles/save', input)
    if (isStaleRecord(result)) await loadRoles().catch(() => undefined)
    if (result.ok) {
      await loadRoles()
      // Grant chips show role names.
      if (input.id !== null) await loadStaff()
      await afterChange()
    }
    return result
  }

  async function deleteRole(id: number): Promise<Result<null>> {
    const result = await attempt('roles/delete', { id })
    if (result.ok) roles.value = roles.value.filter((role) => role.id !== id)
    return result
  }

  return {
    staff,
    roles,
    loadStaff,
    loadRoles,
    create,
    rename,
    setActive,
    grantRole,
    revokeRole,
    resetPassword,
    saveRole,
    deleteRole,
  }
})
