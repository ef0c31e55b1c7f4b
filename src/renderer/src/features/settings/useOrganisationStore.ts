import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Organisation } from '@shared/contract/settings'
import type { Result } from '@shared/errors'
import { attempt, call } from '../../api/client'
import { useLocaleStore } from '../../i18n/useLocaleStore'

export type OrganisationDraft = Omit<Organisation, 'updatedAt' | 'version'>

export const useOrganisationStore = defineStore('organisation', () => {
  const organisation = ref<Organisation | null>(null)
  const locale = useLocaleStore()

  async function load(): Promise<void> {
    organisation.value = await call('settings/get-organisation', {})
    locale.useDefault(organisation.value.language)
  }

  /** The form refills its draft whenever `organisation` changes, so its version is the one the draft came from. */
  async function save(draft: OrganisationDraft): Promise<Result<Organisation>> {
    const expectedVersion = organisation.value?.version ?? 0
    const result = await attempt('settings/update-organisation', { ...draft, expectedVersion })
    if (result.ok) {
      organisation.value = result.data
      locale.useDefault(result.data.language)
    }
    return result
  }

  return { organisation, load, save }
})
