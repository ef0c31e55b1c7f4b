import { EntitySchema } from 'typeorm'

export interface UnitRow {
  id: number
  name: string
  parentId: number | null
  archivedAt: string | null
  createdAt: string
  version: number
}

export const UnitSchema = new EntitySchema<UnitRow>({
  name: 'Unit',
  tableName: 'unit',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    name: { type: 'varchar', length: 120 },
    parentId: { type: 'integer', name: 'parent_id', nullable: true },
    archivedAt: { type: 'varchar', name: 'archived_at', length: 30, nullable: true },
    createdAt: { type: 'varchar', name: 'created_at', length: 30 },
    version: { type: 'integer', version: true },
  },
})
