import type { EntityManager } from 'typeorm'
import type { z } from 'zod'
import { SettingEntrySchema } from './settingEntry'

export interface Stored<T> {
  value: T
  updatedAt: string | null
}

/**
 * One installation-wide setting kept as JSON under a key. Stored JSON is validated again on
 * the way out, so a hand-edited or older row can never reach the UI malformed.
 */
export function jsonSetting<T>(key: string, schema: z.ZodType<T>, fallback: T) {
  return {
    async read(em: EntityManager): Promise<Stored<T>> {
      const row = await em.findOneBy(SettingEntrySchema, { key })
      if (!row) return { value: fallback, updatedAt: null }
      const parsed = schema.safeParse(JSON.parse(row.value))
      return { value: parsed.success ? parsed.data : fallback, updatedAt: row.updatedAt }
    },

    async write(em: EntityManager, value: T, now: Date): Promise<Stored<T>> {
      const updatedAt = now.toISOString()
      await em.save(SettingEntrySchema, { key, value: JSON.stringify(value), updatedAt })
      return { value, updatedAt }
    },
  }
}
