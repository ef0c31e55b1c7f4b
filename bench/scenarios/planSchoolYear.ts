import { centreActivities, loadNote, type CentreActivities } from '../activities/centre'
import { defineScenario } from '../scenario'

interface State {
  centre: CentreActivities
  clubs: number
  sessions: number
}

/**
 * What a desk does after importing the holidays: every club of the data set's school year
 * (1 700 at 100 000 people, far more than the 300) planned again from its slots and
 * the calendar in one command. The plan equals what was loaded, so each run leaves the same
 * sessions (new rows, same dates) and the data set stays as it was.
 */
export const planSchoolYearScenario = defineScenario<State>({
  name: 'activities/plan-school-year: the year’s clubs',
  maxRuns: 20,
  setup: async (bench) => ({ centre: await centreActivities(bench), clubs: 0, sessions: 0 }),
  measure: async (bench, state) => {
    const answer = await bench.call('activities/plan-school-year', { schoolYearId: state.centre.schoolYearId })
    // Planning nothing would time something else.
    if (answer.clubs < 8 || answer.sessions < answer.clubs) throw new Error(`Planned only ${JSON.stringify(answer)}`)
    state.clubs = answer.clubs
    state.sessions = answer.sessions
  },
  notes: (_bench, state, medianMs) => [
    ...loadNote(state.centre),
    `activities/plan-school-year: ${state.clubs.toLocaleString('en-US')} clubs, ` +
      `${state.sessions.toLocaleString('en-US')} future sessions planned again a run, ` +
      `${Math.round(state.sessions / (medianMs / 1000)).toLocaleString('en-US')} sessions/s`,
  ],
})
