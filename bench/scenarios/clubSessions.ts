import type { ActivityInput } from '../../src/shared/contract/activities'
import { CLUB_SPANS, GRID } from '../activities/calendar'
import { centreActivities, loadNote, type CentreActivities } from '../activities/centre'
import type { BenchContext } from '../context'
import { defineScenario } from '../scenario'

const CLUBS = 300

interface State {
  centre: CentreActivities
  inputs: ActivityInput[]
  /** The clubs the last run created (id, version), deleted before the next run and at the end. */
  created: { id: number; version: number }[]
  sessions: number
  run: number
}

/**
 * 300 clubs as a desk would enter them for a new year: over the school year 2026/27, one or two
 * weekly slots (every fifth club two) in the centre's places, a leader from the register, two
 * prices. Their sessions come from the calendar (public and school holidays, closures).
 * Places are shared with the loaded clubs, so some slots clash: saved with an override reason.
 */
async function clubInputs(bench: BenchContext, centre: CentreActivities): Promise<ActivityInput[]> {
  const places = await bench.raw.all<{ id: number }>('SELECT "id" FROM "place" ORDER BY "id"')
  const units = await bench.raw.all<{ id: number }>(
    'SELECT "id" FROM "unit" WHERE "parent_id" IS NOT NULL AND "id" NOT IN (SELECT "parent_id" FROM "unit" WHERE "parent_id" IS NOT NULL) ORDER BY "id"',
  )
  // Leaders who lead nothing yet: no leader clash beyond the places'.
  const leaders = await bench.raw.all<{ id: number }>(
    `SELECT p."id" FROM "person" p WHERE p."birth_date" < ? AND NOT EXISTS
       (SELECT 1 FROM "activity_leader" l WHERE l."person_id" = p."id") ORDER BY p."id" LIMIT ${CLUBS}`,
    ['1990-01-01'],
  )
  if (places.length === 0 || units.length === 0 || leaders.length < CLUBS)
    throw new Error('No places, units or leaders')
  return Array.from({ length: CLUBS }, (_, i): ActivityInput => {
    const first = GRID[(i * 7) % GRID.length]
    const second = GRID[(i * 7 + 13) % GRID.length]
    const slot = (grid: (typeof GRID)[number], n: number) => ({
      weekday: grid.weekday,
      startsAt: grid.startsAt,
      endsAt: grid.endsAt,
      placeId: places[(i + n) % places.length].id,
    })
    return {
      kind: 'club',
      unitId: units[i % units.length].id,
      code: `NOVY-${String(i + 1).padStart(3, '0')}`,
      name: `Nový kroužek ${i + 1}`,
      description: '',
      placeId: places[i % places.length].id,
      leaders: [{ personId: leaders[i].id }],
      capacity: 15,
      minimum: 5,
      ageMin: 7,
      ageMax: 15,
      ageReferenceDate: null,
      schoolYearId: centre.schoolYearId,
      termId: null,
      startsOn: CLUB_SPANS.year.startsOn,
      endsOn: CLUB_SPANS.year.endsOn,
      startsAt: null,
      endsAt: null,
      slots: i % 5 === 0 && second.weekday !== first.weekday ? [slot(first, 0), slot(second, 1)] : [slot(first, 0)],
      turns: [],
      priceOptions: [
        { label: 'Člen', audience: 'member', period: 'school_year', amount: 180_000 },
        { label: 'Nečlen', audience: 'non_member', period: 'school_year', amount: 230_000 },
      ],
      registrationOpens: '2026-06-01',
      registrationCloses: '2026-09-30',
      public: true,
      membersOnly: false,
      approval: 'manual',
      seatOffers: 'automatic',
      offerHours: 48,
      priorityRules: [],
    }
  })
}

/** The last run's clubs, through the app's own delete (nobody is enrolled): the data set stays as loaded. */
async function removeCreated(bench: BenchContext, state: State): Promise<void> {
  for (const club of state.created)
    await bench.call('activities/delete', { id: club.id, expectedVersion: club.version })
  state.created = []
}

export const clubSessionsScenario = defineScenario<State>({
  name: 'activities/create: 300 clubs, a year each',
  // Each run creates 300 clubs and some 10 000 sessions.
  maxRuns: 10,
  setup: async (bench) => {
    const centre = await centreActivities(bench)
    return { centre, inputs: await clubInputs(bench, centre), created: [], sessions: 0, run: 0 }
  },
  before: (bench, state) => removeCreated(bench, state),
  measure: async (bench, state) => {
    state.run++
    let sessions = 0
    for (const input of state.inputs) {
      const club = await bench.call('activities/create', {
        activity: { ...input, code: `${input.code}-${state.run}` },
        clashOverride: { reason: 'Benchmark: a new year of clubs' },
      })
      state.created.push({ id: club.id, version: club.version })
      sessions += club.sessions.promised
    }
    // A create that plans no sessions would time something else.
    if (sessions < CLUBS * 20) throw new Error(`300 clubs created only ${sessions} sessions`)
    state.sessions = sessions
  },
  after: (bench, state) => removeCreated(bench, state),
  notes: (_bench, state, medianMs) => [
    ...loadNote(state.centre),
    `activities/create: ${CLUBS} clubs with ${state.sessions.toLocaleString('en-US')} sessions a run, ` +
      `${Math.round(state.sessions / (medianMs / 1000)).toLocaleString('en-US')} sessions/s`,
  ],
})
