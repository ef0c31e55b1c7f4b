import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ActivitySchema } from '../../../src/main/activities/activityEntities'
import { closedDays } from '../../../src/main/calendar/closedDays'
import { usualSchoolYear } from '../../../src/shared/contract/calendar'
import type { TestBackend } from '../../support/backend'
import { queryCommitted, rowCounts } from '../../support/database'
import {
  addStaff,
  centreTemplate,
  deskSignedInAs,
  type Centre,
  type CentreTemplate,
  type Desk,
} from '../../support/desks'
import { CZECH_SCHOOL_HOLIDAYS, czechSchoolHolidays } from '../../support/icalendar'
import { saveOrganisation, sampleOrganisation } from '../../support/organisation'

const HALVES: [string, string] = ['1. pololetí', '2. pololetí']

interface AuditLine {
  command: string
  target: string | null
  summary: string
}

const auditLines = (backend: TestBackend) =>
  queryCommitted<AuditLine>(
    backend,
    'SELECT command, target, summary FROM audit_log WHERE command LIKE ? ORDER BY id',
    ['calendar/%'],
  )

/** An activity running over a school year (or one of its terms): written as the activities context would. */
async function activityOver(backend: TestBackend, centre: Centre, schoolYearId: number, termId: number | null) {
  const now = '2026-08-01T08:00:00.000Z'
  await backend.database.dataSource.manager.insert(ActivitySchema, {
    unitId: centre.centreId,
    kind: 'club',
    parentId: null,
    code: `KER-${schoolYearId}-${termId ?? 0}`,
    name: 'Keramika pro děti',
    description: '',
    placeId: null,
    capacity: 12,
    minimum: 0,
    ageMin: null,
    ageMax: null,
    ageReferenceDate: null,
    schoolYearId,
    termId,
    startsOn: '2026-09-01',
    endsOn: '2027-01-31',
    startsAt: null,
    endsAt: null,
    registrationOpens: null,
    registrationCloses: null,
    public: true,
    membersOnly: false,
    approval: 'manual',
    seatOffers: 'manual',
    offerHours: 48,
    priorityRules: '[]',
    state: 'draft',
    cancelledAt: null,
    cancelReason: null,
    copiedFromId: null,
    createdAt: now,
    updatedAt: now,
  })
}

describe('the centre calendar', () => {
  let template: CentreTemplate<{ musicId: number; leaderId: number; accountantId: number }>
  let backend: TestBackend
  let centre: Centre
  let admin: Desk

  beforeAll(async () => {
    template = await centreTemplate(async ({ admin, centreId, roles }) => {
      const music = await admin.call('units/create', { name: 'Hudební oddělení', parentId: centreId })
      // A leader of one department: may edit its activities, not the centre's calendar.
      const leader = await addStaff(
        admin,
        { username: 'lenka.vedouci', displayName: 'Lenka Vedoucí', password: 'Keramika-2026!' },
        [{ roleId: roles.leader, unitId: music.id, includeSubUnits: true }],
      )
      const accountant = await addStaff(
        admin,
        { username: 'ucetni', displayName: 'Účetní', password: 'Penize-2026!' },
        [{ roleId: roles.accountant, unitId: centreId, includeSubUnits: true }],
      )
      return { musicId: music.id, leaderId: leader.id, accountantId: accountant.id }
    })
  })
  afterAll(() => template?.dispose())
  beforeEach(async () => {
    ;({ backend, centre } = await template.start())
    admin = centre.admin
  })
  afterEach(() => backend?.dispose())

  const createYear = (startYear: number) =>
    admin.call('calendar/create-school-year', usualSchoolYear(startYear, HALVES))

  describe('school years and terms', () => {
    it('a school year comes with its two halves, listed newest first, each change audited', async () => {
      const first = await createYear(2026)
      expect(first).toMatchObject({
        name: '2026/2027',
        startsOn: '2026-09-01',
        endsOn: '2027-06-30',
        inUse: false,
        version: 1,
        terms: [
          { name: '1. pololetí', startsOn: '2026-09-01', endsOn: '2027-01-31', version: 1 },
          { name: '2. pololetí', startsOn: '2027-02-01', endsOn: '2027-06-30', version: 1 },
        ],
      })
      const second = await createYear(2027)
      expect((await admin.call('calendar/list-school-years', {})).map((year) => year.name)).toEqual([
        '2027/2028',
        '2026/2027',
      ])
      // The second half starts a week later; the first ends the day before.
      const [firstHalf, secondHalf] = first.terms
      await admin.call('calendar/update-term', {
        id: secondHalf.id,
        name: secondHalf.name,
        startsOn: '2027-02-08',
        endsOn: secondHalf.endsOn,
        expectedVersion: secondHalf.version,
      })
      const after = await admin.call('calendar/update-term', {
        id: firstHalf.id,
        name: firstHalf.name,
        startsOn: firstHalf.startsOn,
        endsOn: '2027-02-07',
        expectedVersion: firstHalf.version,
      })
      expect(after.terms.map((term) => [term.endsOn, term.version])).toEqual([
        ['2027-02-07', 2],
        ['2027-06-30', 2],
      ])
      const renamed = await admin.call('calendar/update-school-year', {
        id: second.id,
        name: 'Školní rok 2027/28',
        startsOn: second.startsOn,
        endsOn: second.endsOn,
        expectedVersion: second.version,
      })
      expect(renamed).toMatchObject({ name: 'Školní rok 2027/28', version: 2 })
      expect((await auditLines(backend)).map((line) => [line.command, line.target])).toEqual([
        ['calendar/create-school-year', `school_year:${first.id}`],
        ['calendar/create-school-year', `school_year:${second.id}`],
        ['calendar/update-term', `term:${secondHalf.id}`],
        ['calendar/update-term', `term:${firstHalf.id}`],
        ['calendar/update-school-year', `school_year:${second.id}`],
      ])
    })

    it.each([
      {
        rule: 'a school year overlapping another',
        input: {
          name: '2027',
          startsOn: '2027-06-01',
          endsOn: '2028-06-30',
          terms: [{ name: 'Celý rok', startsOn: '2027-06-01', endsOn: '2028-06-30' }],
        },
        changed: {},
        reason: 'school_year_overlap',
        field: 'startsOn',
      },
      {
        rule: 'a term outside its year',
        input: usualSchoolYear(2027, HALVES),
        changed: { endsOn: '2028-06-29' },
        reason: 'term_outside_year',
        field: 'terms.1.endsOn',
      },
      {
        rule: 'terms overlapping each other',
        input: usualSchoolYear(2027, HALVES),
        changed: {
          terms: [
            { name: 'Podzim', startsOn: '2027-09-01', endsOn: '2028-02-15' },
            { name: 'Jaro', startsOn: '2028-02-01', endsOn: '2028-06-30' },
          ],
        },
        reason: 'term_overlap',
        field: 'terms.1.startsOn',
      },
    ])('refuses $rule, saying where, and writes nothing', async ({ input, changed, reason, field }) => {
      await createYear(2026)
      const before = await rowCounts(backend)
      const result = await admin.result('calendar/create-school-year', { ...input, ...changed })
      expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason } })
      expect(!result.ok && Object.keys(result.error.fields ?? {})).toEqual([field])
      expect(await rowCounts(backend)).toEqual(before)
    })

    it('an end before the start is refused at that field', async () => {
      const year = await createYear(2026)
      const backwards = await admin.result('calendar/create-school-year', {
        ...usualSchoolYear(2028, HALVES),
        startsOn: '2029-06-30',
        endsOn: '2028-09-01',
      })
      expect(backwards).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED', fields: { endsOn: { code: 'ends_before_start' } } },
      })
      const term = year.terms[0]
      const backwardsTerm = await admin.result('calendar/update-term', {
        id: term.id,
        name: term.name,
        startsOn: '2026-12-01',
        endsOn: '2026-11-30',
        expectedVersion: term.version,
      })
      expect(backwardsTerm).toMatchObject({ ok: false, error: { fields: { endsOn: { code: 'ends_before_start' } } } })
      const closure = await admin.result('calendar/create-closure', {
        kind: 'closure',
        name: 'Sanitární den',
        startsOn: '2026-10-02',
        endsOn: '2026-10-01',
      })
      expect(closure).toMatchObject({ ok: false, error: { fields: { endsOn: { code: 'ends_before_start' } } } })
    })

    it('a school year cannot shrink away from its terms, nor a term grow into the next', async () => {
      const year = await createYear(2026)
      const shrunk = await admin.result('calendar/update-school-year', {
        id: year.id,
        name: year.name,
        startsOn: year.startsOn,
        endsOn: '2027-06-15',
        expectedVersion: year.version,
      })
      expect(shrunk).toMatchObject({ ok: false, error: { reason: 'term_outside_year' } })
      const [firstHalf] = year.terms
      const grown = await admin.result('calendar/update-term', {
        id: firstHalf.id,
        name: firstHalf.name,
        startsOn: firstHalf.startsOn,
        endsOn: '2027-02-01',
        expectedVersion: firstHalf.version,
      })
      // Said at the term being saved, naming the one it would run into.
      expect(grown).toMatchObject({
        ok: false,
        error: {
          reason: 'term_overlap',
          params: { name: '2. pololetí' },
          fields: { endsOn: { code: 'term_overlap', params: { name: '2. pololetí' } } },
        },
      })
      const added = await admin.result('calendar/create-term', {
        schoolYearId: year.id,
        name: 'Léto',
        startsOn: '2027-06-20',
        endsOn: '2027-07-10',
      })
      expect(added).toMatchObject({ ok: false, error: { reason: 'term_outside_year', fields: { endsOn: {} } } })
      expect(await admin.call('calendar/list-school-years', {})).toEqual([year])
    })

    it('a year or term some activity runs over cannot be deleted; a free one goes with its terms', async () => {
      const used = await createYear(2026)
      const free = await createYear(2027)
      await activityOver(backend, centre, used.id, used.terms[1].id)
      const [listed] = (await admin.call('calendar/list-school-years', {})).filter((year) => year.id === used.id)
      expect(listed.inUse).toBe(true)

      const before = await rowCounts(backend)
      const refused = await admin.result('calendar/delete-school-year', { id: used.id, expectedVersion: used.version })
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', reason: 'school_year_in_use', params: { name: '2026/2027' } },
      })
      const refusedTerm = await admin.result('calendar/delete-term', {
        id: used.terms[1].id,
        expectedVersion: used.terms[1].version,
      })
      expect(refusedTerm).toMatchObject({ ok: false, error: { reason: 'school_year_in_use' } })
      expect(await rowCounts(backend)).toEqual(before)

      // The term no activity uses may go.
      const left = await admin.call('calendar/delete-term', { id: used.terms[0].id, expectedVersion: 1 })
      expect(left.terms.map((term) => term.name)).toEqual(['2. pololetí'])

      const stale = await admin.result('calendar/delete-school-year', { id: free.id, expectedVersion: 7 })
      expect(stale).toMatchObject({ ok: false, error: { reason: 'stale_record' } })
      await admin.call('calendar/delete-school-year', { id: free.id, expectedVersion: free.version })
      expect((await admin.call('calendar/list-school-years', {})).map((year) => year.id)).toEqual([used.id])
      const terms = await queryCommitted<{ n: number }>(
        backend,
        'SELECT CAST(COUNT(*) AS integer) AS "n" FROM "term" WHERE "school_year_id" = ?',
        [free.id],
      )
      expect(Number(terms[0].n)).toBe(0)
    })

    it('only activities.edit on the whole centre changes the calendar; every staff member reads it', async () => {
      const leader = await deskSignedInAs(backend, 'leader-desk', template.extra.leaderId)
      const accountant = await deskSignedInAs(backend, 'accountant-desk', template.extra.accountantId)
      for (const desk of [leader, accountant]) {
        const result = await desk.result('calendar/create-school-year', usualSchoolYear(2026, HALVES))
        expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
        const closure = await desk.result('calendar/import-ical', {
          kind: 'school_holiday',
          text: czechSchoolHolidays(),
        })
        expect(closure).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      }
      await createYear(2026)
      expect(await accountant.call('calendar/list-school-years', {})).toHaveLength(1)
      expect((await leader.call('calendar/range', { from: '2026-12-24', to: '2026-12-26' })).days).toHaveLength(3)
    })
  })

  describe('closures and the iCalendar import', () => {
    it('the centre adds, edits and removes a closure, each with its audit row', async () => {
      const closure = await admin.call('calendar/create-closure', {
        kind: 'closure',
        name: 'Sanitární den',
        startsOn: '2026-11-13',
        endsOn: '2026-11-13',
      })
      const { sourceUid: _none, version: _first, ...fields } = closure
      const moved = await admin.call('calendar/update-closure', {
        ...fields,
        startsOn: '2026-11-12',
        expectedVersion: closure.version,
      })
      expect(moved).toMatchObject({ startsOn: '2026-11-12', endsOn: '2026-11-13', version: 2, sourceUid: null })
      const stale = await admin.result('calendar/update-closure', { ...fields, name: 'x', expectedVersion: 1 })
      expect(stale).toMatchObject({ ok: false, error: { reason: 'stale_record' } })
      expect(await admin.call('calendar/list-closures', { from: '2026-11-13', to: null })).toEqual([moved])
      expect(await admin.call('calendar/list-closures', { from: '2026-11-14', to: null })).toEqual([])
      await admin.call('calendar/delete-closure', { id: closure.id, expectedVersion: 2 })
      expect(await admin.call('calendar/list-closures', { from: null, to: null })).toEqual([])
      expect((await auditLines(backend)).map((line) => line.summary)).toEqual([
        'Added closure Sanitární den (2026-11-13 – 2026-11-13)',
        'Changed closure Sanitární den to closure Sanitární den (2026-11-12 – 2026-11-13)',
        'Removed closure Sanitární den (2026-11-12 – 2026-11-13)',
      ])
    })

    it('imports a school-holiday calendar; the same file again changes nothing; a changed event is updated', async () => {
      const first = await admin.call('calendar/import-ical', { kind: 'school_holiday', text: czechSchoolHolidays() })
      expect(first).toEqual({ created: 6, updated: 0, unchanged: 0, skipped: 0 })
      const closures = await admin.call('calendar/list-closures', { from: null, to: null })
      expect(closures.map((closure) => [closure.name, closure.startsOn, closure.endsOn])).toEqual(CZECH_SCHOOL_HOLIDAYS)
      expect(closures.every((closure) => closure.kind === 'school_holiday' && closure.sourceUid)).toBe(true)

      const before = await rowCounts(backend)
      const again = await admin.call('calendar/import-ical', { kind: 'school_holiday', text: czechSchoolHolidays() })
      expect(again).toEqual({ created: 0, updated: 0, unchanged: 6, skipped: 0 })
      expect(await rowCounts(backend)).toEqual({ ...before, audit_log: before.audit_log + 1 })
      expect(await admin.call('calendar/list-closures', { from: null, to: null })).toEqual(closures)

      const renamed = czechSchoolHolidays({ autumnSummary: 'Podzimní prázdniny (29. a 30. 10.)' })
      const third = await admin.call('calendar/import-ical', { kind: 'school_holiday', text: renamed })
      expect(third).toEqual({ created: 0, updated: 1, unchanged: 5, skipped: 0 })
      const [autumn] = await admin.call('calendar/list-closures', { from: '2026-10-29', to: '2026-10-29' })
      expect(autumn).toMatchObject({ id: closures[0].id, name: 'Podzimní prázdniny (29. a 30. 10.)', version: 2 })
      expect((await auditLines(backend)).map((line) => line.summary)).toEqual([
        'Imported 6 school_holiday events from iCalendar: 6 new, 0 changed, 0 unchanged, 0 skipped',
        'Imported 6 school_holiday events from iCalendar: 0 new, 0 changed, 6 unchanged, 0 skipped',
        'Imported 6 school_holiday events from iCalendar: 0 new, 1 changed, 5 unchanged, 0 skipped',
      ])
    })

    it('a file that is not iCalendar, or breaks it halfway, is refused with nothing written', async () => {
      const before = await rowCounts(backend)
      const csv = await admin.result('calendar/import-ical', {
        kind: 'school_holiday',
        text: 'název;od;do\nPodzimní prázdniny;29.10.2026;30.10.2026',
      })
      expect(csv).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', reason: 'ical_unreadable', params: { line: 1 } },
      })
      // The first five events are fine; the broken last one refuses the whole file.
      const broken = czechSchoolHolidays().replace('DTSTART;VALUE=DATE:20270701', 'DTSTART;VALUE=DATE:20270732')
      const half = await admin.result('calendar/import-ical', { kind: 'school_holiday', text: broken })
      expect(half).toMatchObject({ ok: false, error: { reason: 'ical_unreadable' } })
      expect(await rowCounts(backend)).toEqual(before)
    })

    it('refuses a file of more events than one import takes', async () => {
      const event = (n: number) =>
        `BEGIN:VEVENT\r\nUID:${n}\r\nSUMMARY:Den ${n}\r\nDTSTART;VALUE=DATE:20270101\r\nEND:VEVENT`
      const text = ['BEGIN:VCALENDAR', ...Array.from({ length: 3001 }, (_, n) => event(n)), 'END:VCALENDAR'].join(
        '\r\n',
      )
      const before = await rowCounts(backend)
      const result = await admin.result('calendar/import-ical', { kind: 'closure', text })
      expect(result).toMatchObject({ ok: false, error: { reason: 'batch_too_large', params: { limit: 3000 } } })
      expect(await rowCounts(backend)).toEqual(before)
    })
  })

  describe('closed days and the holiday country', () => {
    it('the range gives public holidays of the chosen country, school holidays and closures', async () => {
      await admin.call('calendar/import-ical', { kind: 'school_holiday', text: czechSchoolHolidays() })
      await admin.call('calendar/create-closure', {
        kind: 'closure',
        name: 'Sanitární den',
        startsOn: '2026-10-27',
        endsOn: '2026-10-28',
      })
      const range = await admin.call('calendar/range', { from: '2026-10-26', to: '2026-11-17' })
      expect(range.country).toBe('CZ')
      expect(range.days).toEqual([
        { date: '2026-10-27', kind: 'closure', name: 'Sanitární den' },
        // 28 October is a public holiday in Czechia: it counts as that.
        { date: '2026-10-28', kind: 'public_holiday', name: 'independence_day' },
        { date: '2026-10-29', kind: 'school_holiday', name: 'Podzimní prázdniny' },
        { date: '2026-10-30', kind: 'school_holiday', name: 'Podzimní prázdniny' },
        { date: '2026-11-17', kind: 'public_holiday', name: 'freedom_day' },
      ])
    })

    it('the country follows the currency until the centre chooses one; closedDays then uses it', async () => {
      const manager = backend.database.dataSource.manager
      expect(await admin.call('calendar/get-settings', {})).toEqual({
        country: 'CZ',
        fromCurrency: true,
        updatedAt: null,
        version: 0,
      })
      await saveOrganisation(admin, { ...sampleOrganisation(), currency: 'EUR' })
      expect(await admin.call('calendar/get-settings', {})).toMatchObject({ country: 'SK', fromCurrency: true })
      expect([...(await closedDays(manager, '2026-09-01', '2026-09-15')).keys()]).toEqual(['2026-09-15'])

      const chosen = await admin.call('calendar/update-settings', { country: 'PL', expectedVersion: 0 })
      expect(chosen).toMatchObject({ country: 'PL', fromCurrency: false, version: 1 })
      expect(await closedDays(manager, '2026-11-01', '2026-11-30')).toEqual(
        new Map([
          ['2026-11-01', { kind: 'public_holiday', name: 'all_saints' }],
          ['2026-11-11', { kind: 'public_holiday', name: 'independence_day' }],
        ]),
      )
      const stale = await admin.result('calendar/update-settings', { country: 'HU', expectedVersion: 0 })
      expect(stale).toMatchObject({ ok: false, error: { reason: 'stale_record' } })
      await admin.call('calendar/update-settings', { country: null, expectedVersion: 1 })
      expect(await admin.call('calendar/get-settings', {})).toMatchObject({ country: 'SK', fromCurrency: true })
      expect((await auditLines(backend)).map((line) => line.summary)).toEqual([
        'Public holidays of PL',
        'Public holidays from the currency',
      ])
    })

    it('a range longer than two years, or upside down, is refused at its field', async () => {
      const long = await admin.result('calendar/range', { from: '2026-01-01', to: '2028-01-02' })
      expect(long).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { to: {} } } })
      const backwards = await admin.result('calendar/range', { from: '2026-02-01', to: '2026-01-31' })
      expect(backwards).toMatchObject({ ok: false, error: { fields: { to: { code: 'ends_before_start' } } } })
      expect((await admin.call('calendar/range', { from: '2026-01-01', to: '2027-12-31' })).days.length).toBe(26)
    })
  })
})
