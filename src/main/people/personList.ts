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

/** Where clause and parameters of a register filter, limited to the units the viewer may see. */
function whereOf(filter: ListFilter, access: UnitAccess, today: string): { sql: string; params: unknown[] } {
  const clauses = ['p.anonymised_at IS NULL']
  const params: unknown[] = []
  if (!filter.includeArchived) clauses.push('p.archived_at IS NULL')
  const visible = access.unitsWith('people.view')
  const chosen = filter.unitId === undefined ? null : access.subtree(filter.unitId)
  const units = chosen && visible ? chosen.filter((id) => visible.includes(id)) : (chosen ?? visible)
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
  return { sql: clauses.join(' AND '), params }
}

/** One page of the register in the viewer's alphabet; the sort key index makes any page a short walk. */
export async function listPeople(
  em: EntityManager,
  filter: ListFilter,
  access: UnitAccess,
  today: string,
): Promise<PersonPage> {
  const where = whereOf(filter, access, today)
  const locale = sortLocaleFor(filter.locale)
  // The planner would rather filter first and sort 100 000 rows; walking the covering sort
  // index is what keeps every page, deep ones included, a few milliseconds.
  const rows: SummarySource[] = await em.query(
    `SELECT ${SUMMARY_COLUMNS} FROM person p WHERE p.id IN (
       SELECT id FROM person p INDEXED BY idx_person_sort_${locale}
       WHERE ${where.sql} ORDER BY p.sort_${locale}, p.id LIMIT ? OFFSET ?
     ) ORDER BY p.sort_${locale}, p.id`,
    [...where.params, filter.limit, filter.offset],
  )
  const [{ total }]: { total: number }[] = await em.query(
    `SELECT COUNT(*) AS total FROM person p WHERE ${where.sql}`,
    where.params,
  )
  return {
    total,
    offset: filter.offset,
    rows: rows.map((row) => ({
      ...summaryFromSql(row, access, today),
      activeMember: isActiveMember(row.member, row.member_until, today),
    })),
  }
}
