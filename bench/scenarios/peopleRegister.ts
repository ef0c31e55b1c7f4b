import { loadDemoCentre } from '../../src/main/demo/demoCentre'
import { loadDemoPeople } from '../../src/main/demo/demoPeople'
import { BENCH_CALLER, type BenchContext } from '../context'

export interface Register {
  /** Ids of people who are someone's child (participants), and of everybody. */
  childIds: number[]
  people: number
  guardianships: number
  loadSeconds: number | null
}

const loaded = new WeakMap<BenchContext, Promise<Register>>()

/** The demo centre and the generated families, loaded once per engine (or found in a reused --data-dir). */
export function register(bench: BenchContext): Promise<Register> {
  let once = loaded.get(bench)
  if (once) return once
  once = (async () => {
    const started = performance.now()
    await loadDemoCentre(bench.backend.router, BENCH_CALLER, { force: true })
    const inserted = await loadDemoPeople(bench.backend.database, bench.dataset())
    const loadSeconds = inserted > 0 ? (performance.now() - started) / 1000 : null
    if (inserted > 0) await bench.settle()
    const children = await bench.raw.all<{ id: number }>('SELECT DISTINCT participant_id AS id FROM guardianship')
    const [{ people }] = await bench.raw.all<{ people: number }>('SELECT COUNT(*) AS "people" FROM person')
    const [{ links }] = await bench.raw.all<{ links: number }>('SELECT COUNT(*) AS "links" FROM guardianship')
    // PostgreSQL's COUNT is a bigint, which the pg driver hands over as a string.
    return {
      childIds: children.map((row) => row.id),
      people: Number(people),
      guardianships: Number(links),
      loadSeconds,
    }
  })()
  loaded.set(bench, once)
  return once
}

/** Cycles through prepared inputs; the raw baseline reuses the input the app side just had. */
export class Rotation<T> {
  private index = -1
  constructor(private readonly items: readonly T[]) {}
  next(): T {
    this.index = (this.index + 1) % this.items.length
    return this.items[this.index]
  }
  get count(): number {
    return this.items.length
  }
  get current(): T {
    return this.items[Math.max(this.index, 0)]
  }
}
