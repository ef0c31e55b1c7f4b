import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { BackupInfo, SystemStatus } from '@shared/contract/system'
import { attempt, call } from '../../api/client'

export const useSystemStore = defineStore('system', () => {
  const status = ref<SystemStatus | null>(null)
  const backups = ref<BackupInfo[]>([])
  const readOnly = computed(() => status.value?.database.mode === 'read-only')
  /** A command found the server gone (DATABASE_UNAVAILABLE): shown until the status answers again. */
  const unavailable = ref(false)
  const connectionLost = computed(() => unavailable.value || status.value?.database.connectionLost === true)
  const onServer = computed(() => status.value?.database.engine === 'postgres')

  async function loadStatus(): Promise<void> {
    status.value = await call('system/get-status', {})
  }

  function noteUnavailable(): void {
    unavailable.value = true
  }

  /** Asks main whether the server answers again; true once it does. */
  async function checkConnection(): Promise<boolean> {
    const result = await attempt('system/get-status', {})
    if (!result.ok) return false
    status.value = result.data
    if (result.data.database.connectionLost) return false
    unavailable.value = false
    return true
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

  return {
    status,
    backups,
    readOnly,
    connectionLost,
    onServer,
    noteUnavailable,
    checkConnection,
    loadStatus,
    loadBackups,
    backUpNow,
    restore,
  }
})
