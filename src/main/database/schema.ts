import { AuditEntrySchema } from '../audit/auditEntry'
import { SettingEntrySchema } from '../settings/settingEntry'
import { Initial1763700000000 } from './migrations/1763700000000-Initial'

/** Listed explicitly: bundling breaks TypeORM's glob loading. */
export const entities = [SettingEntrySchema, AuditEntrySchema]
export const migrations = [Initial1763700000000]
