import type { EntityManager } from 'typeorm'
import type { MembershipFilter, PersonPage } from '../../shared/contract/people'
import { yearsBefore } from '../../shared/calendarDate'
import { isActiveMember, SUMMARY_COLUMNS, summaryFromSql, type SummarySource } from './personMapping'
import { sortLocaleFor } from './sorting/collationKey'
import type { UnitAccess } from './unitAccess'

export interface ListFilter {
  locale: string
  unitId?: number
  membership: MembershipFilter
  minAge?: number
  maxAge?: number
  includeArchived: boolean
  offset: number
  limit: number
}

interface Statement {
  sql: string
  params: unknown[]
}

/** Units a filter covers: the chosen unit's subtree, within what the viewer may see (null: everything). */
export function listUnits(filter: ListFilter, access: UnitAccess): number[] | null {
  const visible = access.unitsWith('people.view')
  const chosen = filter.unitId === undefined ? null : access.subtree(filter.unitId)
  return chosen && visible ? chosen.filter((id) => visible.includes(id)) : (chosen ?? visible)
}

/**
 * The SQL of one register page and of its total. The planner would rather filter first and
 * sort 100 000 rows; walking the covering sort index keeps every page, deep ones included, a
 * few milliseconds. The benchmark runs exactly these statements as its raw-SQL baseline.
 */
export function listStatements(
  filter: ListFilter,
  units: number[] | null,
  today: string,
): { page: Statement; count: Statement } {
  const clauses = ['p.anonymised_at IS NULL']
  const params: unknown[] = []
  if (!filter.includeArchived) clauses.push('p.archived_at IS NULL')
  if (units) clauses.push(`p.unit_id IN (${units.join(', ') || 'NULL'})`)
  if (filter.membership !== 'all') {
    const active = '(p.member = 1 AND (p.member_until IS NULL OR p.member_until >= ?))'
    clauses.push(filter.membership === 'members' ? active : `NOT ${active}`)
    params.push(today)
  }
  if (filter.minAge !== undefined) {
    clauses.push('p.birth_date <= ?')
    params.push(yearsBefore(today, filter.minAge))
  }
  if (filter.maxAge !== undefined) {
    clauses.push('p.birth_date > ?')
    params.push(yearsBefore(today, filter.maxAge + 1))
  }
  const where = clauses.join(' AND ')
  const locale = sortLocaleFor(filter.locale)
  return {
    page: {
      sql: `SELECT ${SUMMARY_COLUMNS} FROM person p WHERE p.id IN (
              SELECT id FROM person p INDEXED BY idx_person_sort_${locale}
              WHERE ${where} ORDER BY p.sort_${locale}, p.id LIMIT ? OFFSET ?
            ) ORDER BY p.sort_${locale}, p.id`,
      params: [...params, filter.limit, filter.offset],
    },
    count: { sql: `SELECT COUNT(*) AS total FROM person p WHERE ${where}`, params },
  }
}

/** One page of the register in the viewer's alphabet. */
export async function listPeople(
  em: EntityManager,
  filter: ListFilter,
  access: UnitAccess,
  today: string,
): Promise<PersonPage> {
  const { page, count } = listStatements(filter, listUnits(filter, access), today)
  const rows: SummarySource[] = await em.query(page.sql, page.params)
  const [{ total }]: { total: number }[] = await em.query(count.sql, count.params)
  return {
    total,
    offset: filter.offset,
    rows: rows.map((row) => ({
      ...summaryFromSql(row, access, today),
      activeMember: isActiveMember(row.member, row.member_until, today),
    })),
  }
}
