import { In, LessThanOrEqual, MoreThanOrEqual, Not, type EntityManager } from 'typeorm'
import type { SchoolYear, Term } from '../../shared/contract/calendar'
import { AppError } from '../../shared/errors'
import { ActivitySchema } from '../activities/activityEntities'
import { SchoolYearSchema, TermSchema, type SchoolYearRow, type TermRow } from './calendarEntities'

interface Span {
  startsOn: string
  endsOn: string
}

/** Field `endsOn` refused with `ends_before_start`; an equal start and end is one day. */
export function checkSpan({ startsOn, endsOn }: Span, field = 'endsOn'): void {
  if (endsOn < startsOn) {
    throw new AppError('VALIDATION_FAILED', 'The end is before the start', {
      [field]: { code: 'ends_before_start', message: 'Ends before it starts' },
    })
  }
}

const toTerm = (row: TermRow): Term => ({
  id: row.id,
  schoolYearId: row.schoolYearId,
  name: row.name,
  startsOn: row.startsOn,
  endsOn: row.endsOn,
  version: row.version,
})

/** Ids of the school years some activity runs over, directly or through one of their terms. */
async function yearsInUse(em: EntityManager, years: SchoolYearRow[], terms: TermRow[]): Promise<Set<number>> {
  const used = new Set<number>()
  if (years.length === 0) return used
  const byYear = await em.find(ActivitySchema, {
    select: { schoolYearId: true },
    where: { schoolYearId: In(years.map((year) => year.id)) },
  })
  for (const row of byYear) if (row.schoolYearId !== null) used.add(row.schoolYearId)
  if (terms.length > 0) {
    const yearOfTerm = new Map(terms.map((term) => [term.id, term.schoolYearId]))
    const byTerm = await em.find(ActivitySchema, {
      select: { termId: true },
      where: { termId: In(terms.map((term) => term.id)) },
    })
    for (const row of byTerm) if (row.termId !== null) used.add(yearOfTerm.get(row.termId)!)
  }
  return used
}

/** School years with their terms, newest first. */
export async function listSchoolYears(em: EntityManager, ids?: number[]): Promise<SchoolYear[]> {
  const years = await em.find(SchoolYearSchema, {
    where: ids ? { id: In(ids) } : {},
    order: { startsOn: 'DESC', id: 'DESC' },
  })
  const terms = years.length
    ? await em.find(TermSchema, {
        where: { schoolYearId: In(years.map((year) => year.id)) },
        order: { startsOn: 'ASC', id: 'ASC' },
      })
    : []
  const used = await yearsInUse(em, years, terms)
  return years.map((year) => ({
    id: year.id,
    name: year.name,
    startsOn: year.startsOn,
    endsOn: year.endsOn,
    terms: terms.filter((term) => term.schoolYearId === year.id).map(toTerm),
    inUse: used.has(year.id),
    version: year.version,
  }))
}

export async function schoolYearOrFail(em: EntityManager, id: number): Promise<SchoolYear> {
  const [year] = await listSchoolYears(em, [id])
  if (!year) throw new AppError('NOT_FOUND', `No school year ${id}`)
  return year
}

/** School years may not share a day: a club's "this year" must mean one year. */
export async function checkNoYearOverlap(em: EntityManager, span: Span, exceptId?: number): Promise<void> {
  const other = await em.findOne(SchoolYearSchema, {
    where: {
      startsOn: LessThanOrEqual(span.endsOn),
      endsOn: MoreThanOrEqual(span.startsOn),
      ...(exceptId !== undefined ? { id: Not(exceptId) } : {}),
    },
    order: { startsOn: 'ASC' },
  })
  if (other) {
    throw new AppError(
      'CONFLICT',
      `The dates overlap the school year ${other.name}`,
      { startsOn: { code: 'school_year_overlap', message: other.name, params: { name: other.name } } },
      { reason: 'school_year_overlap', params: { name: other.name } },
    )
  }
}

/**
 * Terms lie inside their year and do not overlap each other. `fieldOf` names the form's field
 * of a term (`terms.1.startsOn` when the year is created with its terms); `subject` is the index
 * of the term being saved, at whose fields an overlap is said.
 */
export function checkTerms(
  year: Span,
  terms: (Span & { name: string })[],
  fieldOf: (index: number, field: 'startsOn' | 'endsOn') => string = (_index, field) => field,
  subject?: number,
): void {
  for (const [index, term] of terms.entries()) {
    if (term.startsOn < year.startsOn || term.endsOn > year.endsOn) {
      const field = fieldOf(index, term.startsOn < year.startsOn ? 'startsOn' : 'endsOn')
      throw new AppError(
        'CONFLICT',
        `The term ${term.name} lies outside its school year`,
        { [field]: { code: 'outside_year', message: term.name } },
        { reason: 'term_outside_year', params: { name: term.name } },
      )
    }
  }
  const sorted = [...terms.entries()].sort(([, a], [, b]) => a.startsOn.localeCompare(b.startsOn))
  for (let i = 1; i < sorted.length; i++) {
    const [index, term] = sorted[i]
    const [previousIndex, previous] = sorted[i - 1]
    if (term.startsOn <= previous.endsOn) {
      // Said at the term being saved, naming the other one; else at the later one's start.
      const [field, name] =
        previousIndex === subject
          ? [fieldOf(previousIndex, 'endsOn'), term.name]
          : [fieldOf(index, 'startsOn'), previous.name]
      throw new AppError(
        'CONFLICT',
        `The terms ${previous.name} and ${term.name} overlap`,
        { [field]: { code: 'term_overlap', message: name, params: { name } } },
        { reason: 'term_overlap', params: { name } },
      )
    }
  }
}
