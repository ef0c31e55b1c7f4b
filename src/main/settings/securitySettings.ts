import type { EntityManager } from 'typeorm'
import { DEFAULT_SECURITY, securityInput, type SecuritySettings } from '../../shared/contract/settings'
import { jsonSetting } from './jsonSetting'

const { version: _none, ...defaults } = DEFAULT_SECURITY
const security = jsonSetting('security', securityInput, defaults)

export async function readSecurity(em: EntityManager): Promise<SecuritySettings> {
  const { value, version } = await security.read(em)
  return { ...value, version }
}

export async function writeSecurity(
  em: EntityManager,
  value: Omit<SecuritySettings, 'version'>,
  expectedVersion: number,
  now: Date,
): Promise<SecuritySettings> {
  const { version } = await security.write(em, value, expectedVersion, now)
  return { ...value, version }
}
