import type { EntityManager } from 'typeorm'
import { DEFAULT_ORGANISATION, organisationInput, type Organisation } from '../../shared/contract/settings'
import { SettingEntrySchema } from './settingEntry'

const KEY = 'organisation'

export async function readOrganisation(em: EntityManager): Promise<Organisation> {
  const row = await em.findOneBy(SettingEntrySchema, { key: KEY })
  if (!row) return DEFAULT_ORGANISATION
  // Stored JSON is re-validated so a hand-edited or older row can never reach the UI malformed.
  const parsed = organisationInput.safeParse(JSON.parse(row.value))
  return parsed.success
    ? { ...parsed.data, updatedAt: row.updatedAt }
    : { ...DEFAULT_ORGANISATION, updatedAt: row.updatedAt }
}

export async function writeOrganisation(
  em: EntityManager,
  organisation: Omit<Organisation, 'updatedAt'>,
  now: Date,
): Promise<Organisation> {
  const updatedAt = now.toISOString()
  await em.save(SettingEntrySchema, { key: KEY, value: JSON.stringify(organisation), updatedAt })
  return { ...organisation, updatedAt }
}
