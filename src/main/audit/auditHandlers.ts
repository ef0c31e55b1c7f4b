import { AUDIT_PAGE_SIZE } from '../../shared/contract/audit'
import type { ContextHandlers } from '../core/handler'
import { AuditEntrySchema } from './auditEntry'

const DAY_MS = 24 * 60 * 60 * 1000

/** The UTC instant at which the desk's calendar day `date` begins. */
function startOfDeskDay(date: string, utcOffsetMinutes: number): string {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d) - utcOffsetMinutes * 60_000).toISOString()
}

export const auditHandlers: ContextHandlers<'audit'> = {
  // The trail spans every unit, so reading it is a centre-wide right.
  'audit/search': async (input, { em, authorizeCentre }) => {
    await authorizeCentre('audit.view')
    const query = em
      .createQueryBuilder(AuditEntrySchema, 'entry')
      .orderBy('entry.id', 'DESC')
      .take(AUDIT_PAGE_SIZE + 1)
    if (input.staffUserId !== null)
      query.andWhere('entry.staffUserId = :staffUserId', { staffUserId: input.staffUserId })
    if (input.command) query.andWhere('entry.command = :command', { command: input.command })
    if (input.text) {
      // SQLite's LIKE ignores ASCII case, PostgreSQL's does not. LOWER of a column folds ASCII only on both
      // (SQLite's LOWER; PostgreSQL's under the columns' "C" collation), so the text is folded the same way here.
      const folded = input.text.replace(/[A-Z]/g, (c) => c.toLowerCase())
      const like = `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
      query.andWhere(
        "(LOWER(entry.summary) LIKE :like ESCAPE '\\' OR LOWER(entry.target) LIKE :like ESCAPE '\\' OR LOWER(entry.staffName) LIKE :like ESCAPE '\\')",
        { like },
      )
    }
    if (input.from) query.andWhere('entry.at >= :from', { from: startOfDeskDay(input.from, input.utcOffsetMinutes) })
    if (input.to) {
      const end = new Date(Date.parse(startOfDeskDay(input.to, input.utcOffsetMinutes)) + DAY_MS).toISOString()
      query.andWhere('entry.at < :end', { end })
    }
    if (input.beforeId !== null) query.andWhere('entry.id < :beforeId', { beforeId: input.beforeId })
    const rows = await query.getMany()
    return { rows: rows.slice(0, AUDIT_PAGE_SIZE), hasMore: rows.length > AUDIT_PAGE_SIZE }
  },

  'audit/list-authors': async (_input, { em, authorizeCentre }) => {
    await authorizeCentre('audit.view')
    const rows: { staffUserId: number | null; staffName: string }[] = await em
      .createQueryBuilder(AuditEntrySchema, 'entry')
      .select('entry.staffUserId', 'staffUserId')
      .addSelect('MAX(entry.staffName)', 'staffName')
      .groupBy('entry.staffUserId')
      // Quoted: PostgreSQL folds an unquoted alias to lower case.
      .orderBy('"staffName"')
      .getRawMany()
    return rows
  },
}
