import type { ExportedFile } from '../../../shared/contract/people'
import { localDate } from '../../../shared/calendarDate'
import type { HandlerContext } from '../../core/handler'
import { readOrganisation } from '../../settings/organisationSettings'
import { personFile } from '../family'
import type { PersonRow } from '../personEntities'
import { toPerson } from '../personMapping'
import { personReferences } from '../personReferences'
import { loadUnitAccess } from '../unitAccess'
import type { PersonExport, RelatedRows } from './personExport'
import { PERSON_PDF_TEXTS, personPdf } from './personPdf'

/** Shown in the family part of the export, or derived from the person: not repeated as raw rows. */
const NOT_RELATED = new Set(['guardianship', 'person_search_term'])

/** Rows of every other table that point at the person: whatever later versions add is exported too. */
async function relatedRows(ctx: HandlerContext, personId: number): Promise<RelatedRows[]> {
  const related: RelatedRows[] = []
  for (const reference of await personReferences(ctx.em)) {
    if (NOT_RELATED.has(reference.table)) continue
    const rows: Record<string, unknown>[] = await ctx.em.query(
      `SELECT * FROM "${reference.table}" WHERE "${reference.column}" = ?`,
      [personId],
    )
    if (rows.length > 0) related.push({ table: reference.table, rows })
  }
  return related
}

export async function personExport(ctx: HandlerContext, row: PersonRow): Promise<PersonExport> {
  const access = await loadUnitAccess(ctx.em, ctx.session)
  const today = localDate(ctx.now)
  const family = await personFile(ctx.em, row, access, today)
  const organisation = await readOrganisation(ctx.em)
  return {
    format: 'frontdesk.person-export',
    version: 1,
    exportedAt: ctx.now.toISOString(),
    exportedBy: ctx.session.displayName,
    organisation: { name: organisation.name, companyId: organisation.companyId },
    person: toPerson(row, access, today, true),
    guardians: family.guardians,
    children: family.children,
    related: await relatedRows(ctx, row.id),
  }
}

export async function exportPerson(
  ctx: HandlerContext,
  row: PersonRow,
  format: 'json' | 'pdf',
  locale: string,
): Promise<ExportedFile> {
  const data = await personExport(ctx, row)
  const baseName = `person-${row.id}-${localDate(ctx.now)}`
  if (format === 'json') {
    return {
      fileName: `${baseName}.json`,
      mimeType: 'application/json',
      base64: Buffer.from(JSON.stringify(data, null, 2), 'utf8').toString('base64'),
    }
  }
  const language = locale === 'cs' ? 'cs' : 'en'
  const tag = language === 'cs' ? 'cs-CZ' : 'en-GB'
  // Calendar dates stay dates; instants (exported, created, changed) keep their time of day.
  const formatDate = (iso: string) =>
    iso.length === 10
      ? new Date(`${iso}T12:00:00`).toLocaleDateString(tag)
      : new Date(iso).toLocaleString(tag, { dateStyle: 'medium', timeStyle: 'short' })
  const pdf = await personPdf(data, PERSON_PDF_TEXTS[language], formatDate)
  return { fileName: `${baseName}.pdf`, mimeType: 'application/pdf', base64: pdf.toString('base64') }
}
