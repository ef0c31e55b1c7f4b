import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { BackupInfo, SystemStatus } from '@shared/contract/system'
import { call } from '../../api/client'

export const useSystemStore = defineStore('system', () => {
  const status = ref<SystemStatus | null>(null)
  const backups = ref<BackupInfo[]>([])
  const readOnly = computed(() => status.value?.database.mode === 'read-only')

  async function loadStatus(): Promise<void> {
    status.value = await call('system/get-status', {})
  }

  async function loadBackups(): Promise<void> {
    backups.value = await call('system/list-backups', {})
  }

  async function backUpNow(): Promise<BackupInfo> {
    const backup = await call('system/create-backup', {})
    await loadBackups()
    return backup
  }

  async function restore(name: string): Promise<void> {
    status.value = await call('system/restore-backup', { name })
    // No reload of the list here: on the now healthy file it needs an administrator again.
    backups.value = []
  }

  return { status, backups, readOnly, loadStatus, loadBackups, backUpNow, restore }
})
