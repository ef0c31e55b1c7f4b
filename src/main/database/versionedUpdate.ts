import type { EntityManager, EntitySchema, FindOptionsWhere, ObjectLiteral, QueryDeepPartialEntity } from 'typeorm'
import { AppError } from '../../shared/errors'

/**
 * Saves `changes` only if the record still has the version the form was filled from, and
 * counts the save: `UPDATE … SET …, version = version + 1 WHERE <key> AND version = ?`.
 * The check and the increment are one statement, so two desks can never both win, whatever
 * their clocks say. No row changed: NOT_FOUND if the record is gone, else CONFLICT stale_record.
 * Returns the new version.
 */
export async function versionedUpdate<T extends ObjectLiteral & { version: number }>(
  em: EntityManager,
  schema: EntitySchema<T>,
  key: FindOptionsWhere<T>,
  expectedVersion: number,
  changes: QueryDeepPartialEntity<T>,
): Promise<number> {
  const result = await em
    .createQueryBuilder()
    .update(schema)
    .set({ ...changes, version: () => '"version" + 1' } as QueryDeepPartialEntity<T>)
    .where({ ...key, version: expectedVersion })
    .execute()
  if (result.affected === 1) return expectedVersion + 1
  if (await em.existsBy(schema, key)) {
    throw AppError.conflict('stale_record', 'Someone else changed this record after the form was opened')
  }
  throw new AppError('NOT_FOUND', 'The record no longer exists')
}
