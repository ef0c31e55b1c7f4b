import type { FamilyLink, Person } from '../../../shared/contract/people'

/** Rows of another table that point at the person (guardianships today; enrolments, ledger … later). */
export interface RelatedRows {
  table: string
  rows: Record<string, unknown>[]
}

/** Everything stored about one person, as handed over on a data-access request. */
export interface PersonExport {
  format: 'frontdesk.person-export'
  version: 1
  exportedAt: string
  exportedBy: string
  organisation: { name: string; companyId: string }
  /** With contacts: an export is only made for staff allowed to see them. */
  person: Person
  guardians: FamilyLink[]
  children: FamilyLink[]
  related: RelatedRows[]
}
