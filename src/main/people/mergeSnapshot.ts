import { EntitySchema, type EntityManager } from 'typeorm'

/** What a merge removed: erasable, unlike the audit row that points at it. */
export interface PersonMergeRow {
  id: number
  keptPersonId: number
  removedPersonId: number
  mergedAt: string
  staffUserId: number | null
  /** JSON of the removed record's fields as they were just before the merge. */
  snapshot: string
}

export const PersonMergeSchema = new EntitySchema<PersonMergeRow>({
  name: 'PersonMerge',
  tableName: 'person_merge',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    keptPersonId: { type: 'integer', name: 'kept_person_id' },
    removedPersonId: { type: 'integer', name: 'removed_person_id' },
    mergedAt: { type: 'varchar', name: 'merged_at', length: 30 },
    staffUserId: { type: 'integer', name: 'staff_user_id', nullable: true },
    snapshot: { type: 'text' },
  },
})

export async function saveMergeSnapshot(em: EntityManager, row: Omit<PersonMergeRow, 'id'>): Promise<number> {
  const { identifiers } = await em.insert(PersonMergeSchema, row)
  return Number(identifiers[0].id)
}

/** Erasing a person erases what was merged into them too: it names them just as well. */
export async function eraseMergeSnapshots(em: EntityManager, keptPersonId: number): Promise<void> {
  await em.delete(PersonMergeSchema, { keptPersonId })
}
