import { useToast } from 'primevue/usetoast'
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { AppError } from '@shared/errors'
import { useErrorText } from '../../i18n/useErrorText'
import { useAuthStore } from '../auth/useAuthStore'
import { useOrganisationStore } from '../settings/useOrganisationStore'
import { useSystemStore } from './useSystemStore'

/** Restoring a backup from any screen: one flow, one set of messages. */
export function useRestoreBackup() {
  const system = useSystemStore()
  const organisation = useOrganisationStore()
  const auth = useAuthStore()
  const toast = useToast()
  const { t } = useI18n()
  const { errorText } = useErrorText()
  const restoring = ref<string | null>(null)

  async function restore(name: string): Promise<boolean> {
    restoring.value = name
    try {
      await system.restore(name)
      await organisation.load()
      await auth.load()
      toast.add({ severity: 'success', summary: t('database.restored'), life: 4000 })
      return true
    } catch (error) {
      const detail = error instanceof AppError ? errorText(error.toData()) : String(error)
      toast.add({ severity: 'error', summary: t('errors.title'), detail, life: 8000 })
      return false
    } finally {
      restoring.value = null
    }
  }

  return { restoring, restore }
}
