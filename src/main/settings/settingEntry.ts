import { EntitySchema } from 'typeorm'

/** Installation-wide settings as JSON values under stable keys (`organisation`, …). */
export interface SettingEntry {
  key: string
  value: string
  updatedAt: string
  version: number
}

export const SettingEntrySchema = new EntitySchema<SettingEntry>({
  name: 'SettingEntry',
  tableName: 'setting',
  columns: {
    key: { type: 'varchar', length: 100, primary: true },
    value: { type: 'text' },
    updatedAt: { type: 'varchar', name: 'updated_at', length: 30 },
    version: { type: 'integer', version: true },
  },
})
