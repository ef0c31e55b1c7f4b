import type { EntityManager } from 'typeorm'
import type { MergeHistoryEntry } from '../../shared/contract/people'

interface HistoryRow {
  removed_person_id: number
  merged_at: string
  snapshot: string
  merged_by: string | null
}

/** The records merged into `keptPersonId`, newest first, named as they were when removed. */
export async function mergeHistory(em: EntityManager, keptPersonId: number): Promise<MergeHistoryEntry[]> {
  const rows: HistoryRow[] = await em.query(
    `SELECT m.removed_person_id, m.merged_at, m.snapshot, s.display_name AS merged_by
       FROM person_merge m LEFT JOIN staff_user s ON s.id = m.staff_user_id
      WHERE m.kept_person_id = ?
      ORDER BY m.merged_at DESC, m.id DESC`,
    [keptPersonId],
  )
  return rows.map((row) => {
    const snapshot = JSON.parse(row.snapshot) as { firstName?: string; lastName?: string; birthDate?: string | null }
    return {
      removedPersonId: Number(row.removed_person_id),
      firstName: snapshot.firstName ?? '',
      lastName: snapshot.lastName ?? '',
      birthDate: snapshot.birthDate ?? null,
      mergedAt: row.merged_at,
      mergedBy: row.merged_by,
    }
  })
}
