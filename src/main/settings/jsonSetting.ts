import type { EntityManager } from 'typeorm'
import type { z } from 'zod'
import { versionedUpdate } from '../database/versionedUpdate'
import { SettingEntrySchema } from './settingEntry'

export interface Stored<T> {
  value: T
  updatedAt: string | null
  /** 0 while the setting was never saved. */
  version: number
}

/**
 * One installation-wide setting kept as JSON under a key. Stored JSON is validated again on
 * the way out, so a hand-edited or older row can never reach the UI malformed.
 */
export function jsonSetting<T>(key: string, schema: z.ZodType<T>, fallback: T) {
  return {
    async read(em: EntityManager): Promise<Stored<T>> {
      const row = await em.findOneBy(SettingEntrySchema, { key })
      if (!row) return { value: fallback, updatedAt: null, version: 0 }
      const parsed = schema.safeParse(JSON.parse(row.value))
      return { value: parsed.success ? parsed.data : fallback, updatedAt: row.updatedAt, version: row.version }
    },

    /** Saves over the version the form was filled from (0: never saved); any other is stale_record. */
    async write(em: EntityManager, value: T, expectedVersion: number, now: Date): Promise<Stored<T>> {
      const updatedAt = now.toISOString()
      const json = JSON.stringify(value)
      if (expectedVersion === 0) {
        // A first save creates the row at version 0 and then counts like any other save. Had
        // another desk saved first, the row is there already and the update below refuses.
        await em
          .createQueryBuilder()
          .insert()
          .into(SettingEntrySchema)
          .values({ key, value: json, updatedAt, version: 0 })
          .orIgnore()
          .execute()
      }
      const version = await versionedUpdate(em, SettingEntrySchema, { key }, expectedVersion, {
        value: json,
        updatedAt,
      })
      return { value, updatedAt, version }
    },
  }
}
