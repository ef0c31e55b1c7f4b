import type { EntityManager } from 'typeorm'
import { DEFAULT_SECURITY, securityInput, type SecuritySettings } from '../../shared/contract/settings'
import { jsonSetting } from './jsonSetting'

const security = jsonSetting('security', securityInput, DEFAULT_SECURITY)

export async function readSecurity(em: EntityManager): Promise<SecuritySettings> {
  return (await security.read(em)).value
}

export async function writeSecurity(em: EntityManager, value: SecuritySettings, now: Date): Promise<SecuritySettings> {
  return (await security.write(em, value, now)).value
}
