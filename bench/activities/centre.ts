import { BENCH_SEED, type BenchContext } from '../context'
import { register } from '../scenarios/peopleRegister'
import { loadActivities, type LoadedActivities } from './load'
import { activitySizes } from './plan'

export interface CentreActivities {
  schoolYearId: number
  /** What was loaded now, or null when a reused --data-dir already held it. */
  loaded: LoadedActivities | null
  loadSeconds: number | null
  /** The load summary is printed under the table once. */
  reported: boolean
}

const loaded = new WeakMap<BenchContext, Promise<CentreActivities>>()
const format = (n: number): string => Math.round(n).toLocaleString('en-US')

/** The register, then the school year 2026/27 with its activities and enrolments, once per engine. */
export function centreActivities(bench: BenchContext): Promise<CentreActivities> {
  let once = loaded.get(bench)
  if (once) return once
  once = (async () => {
    await register(bench)
    const started = performance.now()
    const result = await loadActivities(bench.backend.database, bench.dataset(), activitySizes(bench.people), {
      seed: BENCH_SEED,
    })
    const loadSeconds = result ? (performance.now() - started) / 1000 : null
    if (result) await bench.settle()
    const [year] = await bench.raw.all<{ id: number }>('SELECT "id" FROM "school_year" WHERE "name" = ?', ['2026/27'])
    if (!year) throw new Error('The data folder holds activities but not the school year 2026/27')
    return { schoolYearId: year.id, loaded: result, loadSeconds, reported: false }
  })()
  loaded.set(bench, once)
  return once
}

/** One line on the activities' data set and its load time, the first time a scenario asks. */
export function loadNote(centre: CentreActivities): string[] {
  if (centre.reported || !centre.loaded || centre.loadSeconds === null) return []
  centre.reported = true
  const { activities, sessions, enrolments, byState } = centre.loaded
  const states = Object.entries(byState)
    .sort((a, b) => b[1] - a[1])
    .map(([state, n]) => `${format(n)} ${state}`)
    .join(', ')
  return [
    `activities loaded in ${centre.loadSeconds.toFixed(1)} s: ${format(activities)} activities (and their turns), ` +
      `${format(sessions)} sessions, ${format(enrolments)} enrolments (${states}); seat counters checked`,
  ]
}
