import type { EntityManager } from 'typeorm'
import { DEFAULT_ORGANISATION, organisationInput, type Organisation } from '../../shared/contract/settings'
import { jsonSetting } from './jsonSetting'

const { updatedAt: _never, ...defaults } = DEFAULT_ORGANISATION
const organisation = jsonSetting('organisation', organisationInput, defaults)

export async function readOrganisation(em: EntityManager): Promise<Organisation> {
  const { value, updatedAt } = await organisation.read(em)
  return { ...value, updatedAt }
}

export async function writeOrganisation(
  em: EntityManager,
  value: Omit<Organisation, 'updatedAt'>,
  now: Date,
): Promise<Organisation> {
  const { updatedAt } = await organisation.write(em, value, now)
  return { ...value, updatedAt }
}
