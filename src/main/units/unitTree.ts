import type { EntityManager } from 'typeorm'

/** The unit and every unit above it, nearest first. */
export async function unitWithAncestors(em: EntityManager, unitId: number): Promise<number[]> {
  const rows: { id: number }[] = await em.query(
    `WITH RECURSIVE up(id, parent_id, depth) AS (
       SELECT id, parent_id, 0 FROM unit WHERE id = ?
       UNION ALL SELECT unit.id, unit.parent_id, up.depth + 1 FROM unit JOIN up ON unit.id = up.parent_id
     ) SELECT id FROM up ORDER BY depth`,
    [unitId],
  )
  return rows.map((row) => row.id)
}
