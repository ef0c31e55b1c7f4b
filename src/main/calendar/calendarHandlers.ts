import type { EntityManager } from 'typeorm'
import { AppError } from '../../shared/errors'
import { RANGE_DAYS_MAX } from '../../shared/contract/calendar'
import { ActivitySchema } from '../activities/activityEntities'
import type { ContextHandlers } from '../core/handler'
import { versionedUpdate } from '../database/versionedUpdate'
import { SchoolYearSchema, TermSchema } from './calendarEntities'
import { readCalendarSettings, writeCalendarSettings } from './calendarSettings'
import { closedDaysIn } from './closedDays'
import { closureHandlers } from './closureHandlers'
import { addDays } from './publicHolidays'
import { checkNoYearOverlap, checkSpan, checkTerms, listSchoolYears, schoolYearOrFail } from './schoolYears'

function refuseInUse(name: string): never {
  throw new AppError('CONFLICT', `Activities run over ${name}`, undefined, {
    reason: 'school_year_in_use',
    params: { name },
  })
}

async function termOrFail(em: EntityManager, id: number) {
  const term = await em.findOneBy(TermSchema, { id })
  if (!term) throw new AppError('NOT_FOUND', `No term ${id}`)
  return term
}

export const calendarHandlers: ContextHandlers<'calendar'> = {
  'calendar/list-school-years': (_input, { em }) => listSchoolYears(em),

  'calendar/create-school-year': async ({ name, startsOn, endsOn, terms }, { em, authorizeCentre, audit, now }) => {
    await authorizeCentre('activities.edit')
    checkSpan({ startsOn, endsOn })
    terms.forEach((term, index) => checkSpan(term, `terms.${index}.endsOn`))
    checkTerms({ startsOn, endsOn }, terms, (index, field) => `terms.${index}.${field}`)
    await checkNoYearOverlap(em, { startsOn, endsOn })
    const year = await em.save(SchoolYearSchema, { name, startsOn, endsOn, createdAt: now.toISOString() })
    for (const term of terms) await em.save(TermSchema, { ...term, schoolYearId: year.id })
    audit.target = `school_year:${year.id}`
    audit.summary = `Created school year ${name} (${startsOn} – ${endsOn}) with ${terms.length} terms`
    return schoolYearOrFail(em, year.id)
  },

  'calendar/update-school-year': async ({ id, name, startsOn, endsOn, expectedVersion }, ctx) => {
    const { em, authorizeCentre, audit } = ctx
    await authorizeCentre('activities.edit')
    checkSpan({ startsOn, endsOn })
    const year = await schoolYearOrFail(em, id)
    checkTerms({ startsOn, endsOn }, year.terms)
    await checkNoYearOverlap(em, { startsOn, endsOn }, id)
    await versionedUpdate(em, SchoolYearSchema, { id }, expectedVersion, { name, startsOn, endsOn })
    audit.target = `school_year:${id}`
    audit.summary = `Changed school year ${year.name} to ${name} (${startsOn} – ${endsOn})`
    return schoolYearOrFail(em, id)
  },

  'calendar/delete-school-year': async ({ id, expectedVersion }, { em, authorizeCentre, audit }) => {
    await authorizeCentre('activities.edit')
    const year = await schoolYearOrFail(em, id)
    if (year.inUse) refuseInUse(year.name)
    if (year.version !== expectedVersion) {
      throw AppError.conflict('stale_record', 'Someone else changed this school year after the form was opened')
    }
    await em.delete(TermSchema, { schoolYearId: id })
    await em.delete(SchoolYearSchema, { id, version: expectedVersion })
    audit.target = `school_year:${id}`
    audit.summary = `Deleted school year ${year.name} and its ${year.terms.length} terms`
    return { id }
  },

  'calendar/create-term': async ({ schoolYearId, name, startsOn, endsOn }, { em, authorizeCentre, audit }) => {
    await authorizeCentre('activities.edit')
    checkSpan({ startsOn, endsOn })
    const year = await schoolYearOrFail(em, schoolYearId)
    checkTerms(
      year,
      [...year.terms, { name, startsOn, endsOn }],
      (index, field) => (index === year.terms.length ? field : `terms.${index}.${field}`),
      year.terms.length,
    )
    const term = await em.save(TermSchema, { schoolYearId, name, startsOn, endsOn })
    audit.target = `term:${term.id}`
    audit.summary = `Added term ${name} (${startsOn} – ${endsOn}) to school year ${year.name}`
    return schoolYearOrFail(em, schoolYearId)
  },

  'calendar/update-term': async ({ id, name, startsOn, endsOn, expectedVersion }, { em, authorizeCentre, audit }) => {
    await authorizeCentre('activities.edit')
    checkSpan({ startsOn, endsOn })
    const term = await termOrFail(em, id)
    const year = await schoolYearOrFail(em, term.schoolYearId)
    const others = year.terms.filter((other) => other.id !== id)
    checkTerms(
      year,
      [{ name, startsOn, endsOn }, ...others],
      (index, field) => (index === 0 ? field : `terms.${index}.${field}`),
      0,
    )
    await versionedUpdate(em, TermSchema, { id }, expectedVersion, { name, startsOn, endsOn })
    audit.target = `term:${id}`
    audit.summary = `Changed term ${term.name} of ${year.name} to ${name} (${startsOn} – ${endsOn})`
    return schoolYearOrFail(em, term.schoolYearId)
  },

  'calendar/delete-term': async ({ id, expectedVersion }, { em, authorizeCentre, audit }) => {
    await authorizeCentre('activities.edit')
    const term = await termOrFail(em, id)
    if (await em.existsBy(ActivitySchema, { termId: id })) refuseInUse(term.name)
    if (term.version !== expectedVersion) {
      throw AppError.conflict('stale_record', 'Someone else changed this term after the form was opened')
    }
    await em.delete(TermSchema, { id, version: expectedVersion })
    const year = await schoolYearOrFail(em, term.schoolYearId)
    audit.target = `term:${id}`
    audit.summary = `Deleted term ${term.name} of ${year.name}`
    return year
  },

  ...closureHandlers,

  'calendar/range': async ({ from, to }, { em }) => {
    checkSpan({ startsOn: from, endsOn: to }, 'to')
    if (addDays(from, RANGE_DAYS_MAX - 1) < to) {
      throw new AppError('VALIDATION_FAILED', 'Too long a span', {
        to: { code: 'too_big_array', message: 'Too long', params: { limit: RANGE_DAYS_MAX } },
      })
    }
    const { country } = await readCalendarSettings(em)
    const closed = await closedDaysIn(em, from, to, country)
    const days = [...closed.entries()]
      .map(([date, day]) => ({ date, ...day }))
      .sort((a, b) => a.date.localeCompare(b.date))
    return { country, days }
  },

  'calendar/get-settings': (_input, { em }) => readCalendarSettings(em),

  'calendar/update-settings': async ({ country, expectedVersion }, { em, authorizeCentre, audit, now }) => {
    await authorizeCentre('activities.edit')
    audit.target = 'calendar'
    audit.summary = country ? `Public holidays of ${country}` : 'Public holidays from the currency'
    return writeCalendarSettings(em, country, expectedVersion, now)
  },
}
