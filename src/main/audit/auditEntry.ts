import { EntitySchema } from 'typeorm'

/** One row per write (and, later, per export of personal data). Append-only by trigger. */
export interface AuditEntry {
  id: number
  /** UTC instant, ISO 8601. */
  at: string
  staffUserId: number | null
  staffName: string
  command: string
  target: string | null
  summary: string
}

export const AuditEntrySchema = new EntitySchema<AuditEntry>({
  name: 'AuditEntry',
  tableName: 'audit_log',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    at: { type: 'varchar', length: 30 },
    staffUserId: { type: 'integer', name: 'staff_user_id', nullable: true },
    staffName: { type: 'varchar', name: 'staff_name', length: 200 },
    command: { type: 'varchar', length: 100 },
    target: { type: 'varchar', length: 200, nullable: true },
    summary: { type: 'text' },
  },
})
