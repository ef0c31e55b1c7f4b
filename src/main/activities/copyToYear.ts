import type { EntityManager } from 'typeorm'
import type { ActivityInput } from '../../shared/contract/activities'
import { AppError } from '../../shared/errors'
import { SchoolYearSchema, TermSchema } from '../calendar/calendarEntities'
import { ActivityLeaderSchema, ActivitySlotSchema, PriceOptionSchema, type ActivityRow } from './activityEntities'
import { createActivity } from './activityWrite'
import { assertCodeFree } from './activityValidation'
import { slotOf } from './activityStore'

/** A date moved by whole years; 29 February becomes the 28th in a common year. */
export function shiftYears(date: string | null, years: number): string | null {
  if (date === null) return null
  const year = Number(date.slice(0, 4)) + years
  const monthDay = date.slice(5)
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  return `${year}-${monthDay === '02-29' && !leap ? '02-28' : monthDay}`
}

/**
 * A draft copy of a club in another school year (and term): the same fields, slots, leaders and
 * current price options as new rows, dates from the target year or term, registration and age
 * dates moved by the same number of years, sessions from that year's calendar. Answers its id.
 */
export async function copyToYear(
  em: EntityManager,
  source: ActivityRow,
  schoolYearId: number,
  termId: number | null,
  now: Date,
): Promise<number> {
  if (source.kind !== 'club' || source.parentId !== null)
    throw AppError.conflict('not_a_club', 'Only a club is copied into another school year')
  const year = await em.findOneBy(SchoolYearSchema, { id: schoolYearId })
  if (!year) throw new AppError('NOT_FOUND', `No school year ${schoolYearId}`)
  let range = { startsOn: year.startsOn, endsOn: year.endsOn }
  if (termId !== null) {
    const term = await em.findOneBy(TermSchema, { id: termId })
    if (!term) throw new AppError('NOT_FOUND', `No term ${termId}`)
    if (term.schoolYearId !== schoolYearId)
      throw AppError.conflict('term_other_year', 'The term belongs to another school year', {
        termId: { code: 'term_other_year', message: 'The term is not of the chosen school year' },
      })
    range = { startsOn: term.startsOn, endsOn: term.endsOn }
  }
  await assertCodeFree(em, { code: source.code, schoolYearId }, null).catch((error: unknown) => {
    throw error instanceof AppError
      ? AppError.conflict('code_taken', error.message, { code: error.fields!['activity.code'] })
      : error
  })
  const years = Number(range.startsOn.slice(0, 4)) - Number(source.startsOn.slice(0, 4))
  const slots = await em.findBy(ActivitySlotSchema, { activityId: source.id })
  const leaders = await em.findBy(ActivityLeaderSchema, { activityId: source.id })
  const prices = await em.find(PriceOptionSchema, {
    where: { activityId: source.id },
    order: { position: 'ASC', id: 'ASC' },
  })
  const input: ActivityInput = {
    kind: 'club',
    unitId: source.unitId,
    code: source.code,
    name: source.name,
    description: source.description,
    placeId: source.placeId,
    leaders: leaders.map((l) => (l.staffUserId !== null ? { staffUserId: l.staffUserId } : { personId: l.personId! })),
    capacity: source.capacity,
    minimum: source.minimum,
    ageMin: source.ageMin,
    ageMax: source.ageMax,
    ageReferenceDate: shiftYears(source.ageReferenceDate, years),
    schoolYearId,
    termId,
    startsOn: range.startsOn,
    endsOn: range.endsOn,
    startsAt: source.startsAt,
    endsAt: source.endsAt,
    slots: slots.sort((a, b) => a.id - b.id).map(slotOf),
    turns: [],
    priceOptions: prices
      .filter((price) => price.archivedAt === null)
      .map(({ label, audience, period, amount }) => ({ label, audience, period, amount })),
    registrationOpens: shiftYears(source.registrationOpens, years),
    registrationCloses: shiftYears(source.registrationCloses, years),
    public: source.public,
    membersOnly: source.membersOnly,
    approval: source.approval,
    seatOffers: source.seatOffers,
    offerHours: source.offerHours,
    priorityRules: JSON.parse(source.priorityRules) as ActivityInput['priorityRules'],
  }
  return createActivity(em, input, now, source.id)
}
