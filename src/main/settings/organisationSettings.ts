import type { EntityManager } from 'typeorm'
import { DEFAULT_ORGANISATION, organisationInput, type Organisation } from '../../shared/contract/settings'
import { jsonSetting } from './jsonSetting'

export type OrganisationValue = Omit<Organisation, 'updatedAt' | 'version'>

const { updatedAt: _never, version: _none, ...defaults } = DEFAULT_ORGANISATION
const organisation = jsonSetting('organisation', organisationInput, defaults)

export async function readOrganisation(em: EntityManager): Promise<Organisation> {
  const { value, updatedAt, version } = await organisation.read(em)
  return { ...value, updatedAt, version }
}

export async function writeOrganisation(
  em: EntityManager,
  value: OrganisationValue,
  expectedVersion: number,
  now: Date,
): Promise<Organisation> {
  const { updatedAt, version } = await organisation.write(em, value, expectedVersion, now)
  return { ...value, updatedAt, version }
}
