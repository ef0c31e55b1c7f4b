import { In, IsNull, Not, type EntityManager } from 'typeorm'
import type { ActivityInput } from '../../shared/contract/activities'
import { AppError, type FieldError } from '../../shared/errors'
import { SchoolYearSchema, TermSchema } from '../calendar/calendarEntities'
import { PersonSchema } from '../people/personEntities'
import { StaffUserSchema } from '../staff/staffEntities'
import { ActivitySchema, type ActivityRow } from './activityEntities'
import { assertPlacesUsable } from './places'

type Fields = Record<string, FieldError>
const at = (field: string) => `activity.${field}`

/** The rules that need no database: dates, windows, ages, capacity, times, per kind. */
export function shapeErrors(input: ActivityInput): Fields {
  const fields: Fields = {}
  const fail = (path: string, code: string, message: string, params?: FieldError['params']) => {
    if (!fields[path]) fields[path] = params ? { code, message, params } : { code, message }
  }
  if (input.endsOn < input.startsOn) fail(at('endsOn'), 'ends_before_start', 'The activity ends before it starts')
  if (input.registrationOpens && input.registrationCloses && input.registrationCloses < input.registrationOpens)
    fail(at('registrationCloses'), 'window_upside_down', 'Registration closes before it opens')
  if (input.ageMin !== null && input.ageMax !== null && input.ageMax < input.ageMin)
    fail(at('ageMax'), 'age_upside_down', 'The oldest age is below the youngest')
  if (input.capacity !== null && input.minimum > input.capacity)
    fail(at('minimum'), 'minimum_above_capacity', 'The minimum is above the capacity')
  if (input.startsAt !== null && input.endsAt !== null && input.endsAt <= input.startsAt)
    fail(at('endsAt'), 'time_upside_down', 'The activity ends before it starts')
  input.slots.forEach((slot, index) => {
    if (slot.endsAt <= slot.startsAt)
      fail(at(`slots.${index}.endsAt`), 'time_upside_down', 'The slot ends before it starts')
  })
  if (input.kind === 'club') {
    if (input.schoolYearId === null) fail(at('schoolYearId'), 'required', 'A club runs over a school year')
    if (input.slots.length === 0) fail(at('slots'), 'required', 'A club meets at least once a week')
  }
  if (input.kind === 'event') {
    if (input.endsOn !== input.startsOn) fail(at('endsOn'), 'event_one_day', 'An event takes one day')
    if (input.startsAt === null) fail(at('startsAt'), 'required', 'An event has a time')
    if (input.endsAt === null) fail(at('endsAt'), 'required', 'An event has a time')
  }
  if (input.kind === 'camp') {
    if (input.capacity === null && input.turns.length === 0)
      fail(at('capacity'), 'required', 'A camp has a capacity or turns')
    input.turns.forEach((turn, index) => {
      const path = (field: string) => at(`turns.${index}.${field}`)
      if (turn.endsOn < turn.startsOn) fail(path('endsOn'), 'ends_before_start', 'The turn ends before it starts')
      if (turn.startsOn < input.startsOn || turn.startsOn > input.endsOn)
        fail(path('startsOn'), 'outside_camp', "The turn starts outside the camp's dates")
      if (turn.endsOn > input.endsOn || turn.endsOn < input.startsOn)
        fail(path('endsOn'), 'outside_camp', "The turn ends outside the camp's dates")
      if (turn.minimum > turn.capacity)
        fail(path('minimum'), 'minimum_above_capacity', 'The minimum is above the capacity')
    })
  } else if (input.turns.length > 0) {
    fail(at('turns'), 'invalid', 'Only a camp has turns')
  }
  return fields
}

/** The school year and term rules: a club lies inside its term, or its school year. */
async function calendarErrors(em: EntityManager, input: ActivityInput): Promise<Fields> {
  const fields: Fields = {}
  if (input.schoolYearId === null) {
    if (input.termId !== null)
      throw AppError.conflict('term_other_year', 'A term needs its school year', {
        [at('termId')]: { code: 'term_other_year', message: 'The term is not of the chosen school year' },
      })
    return fields
  }
  const year = await em.findOneBy(SchoolYearSchema, { id: input.schoolYearId })
  if (!year) return { [at('schoolYearId')]: { code: 'invalid', message: 'No such school year' } }
  let range = { startsOn: year.startsOn, endsOn: year.endsOn, code: 'outside_year', what: 'school year' }
  if (input.termId !== null) {
    const term = await em.findOneBy(TermSchema, { id: input.termId })
    if (!term) return { [at('termId')]: { code: 'invalid', message: 'No such term' } }
    if (term.schoolYearId !== year.id)
      throw AppError.conflict('term_other_year', 'The term belongs to another school year', {
        [at('termId')]: { code: 'term_other_year', message: 'The term is not of the chosen school year' },
      })
    range = { startsOn: term.startsOn, endsOn: term.endsOn, code: 'outside_term', what: 'term' }
  }
  // Only a club is bound to its term; an event or camp may name the year it belongs to and lie in the holidays.
  if (input.kind !== 'club') return fields
  const params = { from: range.startsOn, to: range.endsOn }
  if (input.startsOn < range.startsOn || input.startsOn > range.endsOn)
    fields[at('startsOn')] = { code: range.code, message: `Outside the ${range.what}`, params }
  if (input.endsOn > range.endsOn || input.endsOn < range.startsOn)
    fields[at('endsOn')] = { code: range.code, message: `Outside the ${range.what}`, params }
  return fields
}

async function leaderErrors(em: EntityManager, input: ActivityInput): Promise<Fields> {
  const fields: Fields = {}
  const staffIds = input.leaders.flatMap((l) => ('staffUserId' in l ? [l.staffUserId] : []))
  const personIds = input.leaders.flatMap((l) => ('personId' in l ? [l.personId] : []))
  const staff = new Set(
    staffIds.length === 0 ? [] : (await em.findBy(StaffUserSchema, { id: In(staffIds) })).map((s) => s.id),
  )
  const people = new Set(
    personIds.length === 0 ? [] : (await em.findBy(PersonSchema, { id: In(personIds) })).map((p) => p.id),
  )
  input.leaders.forEach((leader, index) => {
    const known = 'staffUserId' in leader ? staff.has(leader.staffUserId) : people.has(leader.personId)
    if (!known) fields[at(`leaders.${index}`)] = { code: 'invalid', message: 'No such staff member or person' }
  })
  return fields
}

/**
 * Every rule for saving `input` (as a new activity, or over `existing`): VALIDATION_FAILED with
 * each field's problem, or the CONFLICT a rule has its own reason for. Nothing is written.
 */
export async function validateActivity(
  em: EntityManager,
  input: ActivityInput,
  existing: ActivityRow | null,
): Promise<void> {
  // The plainer problem of a field wins: an end before the start says more than "outside the term".
  const fields = { ...(await calendarErrors(em, input)), ...(await leaderErrors(em, input)), ...shapeErrors(input) }
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', 'Some fields need attention', fields)
  const before = existing ? await placesOf(em, existing.id) : new Set<number>()
  await assertPlacesUsable(
    em,
    [
      { path: at('placeId'), placeId: input.placeId },
      ...input.slots.map((slot, index) => ({ path: at(`slots.${index}.placeId`), placeId: slot.placeId })),
    ],
    before,
  )
  await assertCodeFree(em, input, existing?.id ?? null)
}

async function placesOf(em: EntityManager, activityId: number): Promise<Set<number>> {
  const rows = (await em.query(
    `SELECT "place_id" AS "placeId" FROM "activity" WHERE "id" = ? AND "place_id" IS NOT NULL
     UNION SELECT "place_id" AS "placeId" FROM "activity_slot" WHERE "activity_id" = ? AND "place_id" IS NOT NULL`,
    [activityId, activityId],
  )) as { placeId: number }[]
  return new Set(rows.map((row) => Number(row.placeId)))
}

/** One code per school year (and one among the activities without a year); turns carry their camp's. */
export async function assertCodeFree(
  em: EntityManager,
  input: Pick<ActivityInput, 'code' | 'schoolYearId'>,
  selfId: number | null,
): Promise<void> {
  const taken = await em.existsBy(ActivitySchema, {
    code: input.code,
    schoolYearId: input.schoolYearId === null ? IsNull() : input.schoolYearId,
    parentId: IsNull(),
    ...(selfId !== null && { id: Not(selfId) }),
  })
  if (taken)
    throw AppError.conflict('code_taken', `The code ${input.code} is taken`, {
      [at('code')]: { code: 'code_taken', message: 'Another activity has this code' },
    })
}
