import { z } from 'zod'
import { command } from './define'

export interface AuditRow {
  id: number
  at: string
  staffUserId: number | null
  staffName: string
  command: string
  target: string | null
  summary: string
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date_format' })

export const AUDIT_PAGE_SIZE = 100

export const auditContract = {
  /** Newest first; `beforeId` pages further back. Dates are local calendar days of the desk. */
  'audit/search': command<{ rows: AuditRow[]; hasMore: boolean }>()({
    input: z.object({
      staffUserId: z.number().int().positive().nullable(),
      command: z.string().max(100).nullable(),
      /** Matches the target and the summary: a person's name, a unit, a receipt number. */
      text: z.string().trim().max(100),
      from: isoDate.nullable(),
      to: isoDate.nullable(),
      /** Minutes east of UTC of the desk, so a calendar day means the desk's day. */
      utcOffsetMinutes: z.number().int().min(-840).max(840),
      beforeId: z.number().int().positive().nullable(),
    }),
    kind: 'read',
    access: 'audit.view',
  }),
  /** Everyone who appears in the trail, for the filter: deactivated staff included. */
  'audit/list-authors': command<{ staffUserId: number | null; staffName: string }[]>()({
    input: z.object({}),
    kind: 'read',
    access: 'audit.view',
  }),
}
