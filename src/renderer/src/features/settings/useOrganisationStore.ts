import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Organisation } from '@shared/contract/settings'
import type { Result } from '@shared/errors'
import { attempt, call } from '../../api/client'
import { useLocaleStore } from '../../i18n/useLocaleStore'

export type OrganisationDraft = Omit<Organisation, 'updatedAt'>

export const useOrganisationStore = defineStore('organisation', () => {
  const organisation = ref<Organisation | null>(null)
  const locale = useLocaleStore()

  async function load(): Promise<void> {
    organisation.value = await call('settings/get-organisation', {})
    locale.useDefault(organisation.value.language)
  }

  async function save(draft: OrganisationDraft): Promise<Result<Organisation>> {
    const result = await attempt('settings/update-organisation', draft)
    if (result.ok) {
      organisation.value = result.data
      locale.useDefault(result.data.language)
    }
    return result
  }

  return { organisation, load, save }
})
