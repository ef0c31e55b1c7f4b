import type { TestBackend } from '../../support/backend'
import { startDeskProcess, type DeskProcess } from '../../support/deskProcess'
import { recordingThrottle, setUpCentre, startDeskBackend, type Centre, type Desk } from '../../support/desks'

/** Two reception desks as two processes on one PostgreSQL database: A is this test process, B a child. */
export interface TwoDesks {
  /** Desk A's backend, in the test process (its own clock, `clockA`). */
  backendA: TestBackend
  centre: Centre
  /** The administrator at desk A. */
  deskA: Desk
  /** Desk B's backend, in a process of its own. */
  processB: DeskProcess
  /** The administrator at desk B. */
  deskB: Desk
  /** Desk A's sign-in throttle: every wait it asked for (desk B's: `processB.throttleWaits()`). */
  throttleA: ReturnType<typeof recordingThrottle>
  /** Moves desk A's clock (desk B's moves with `processB.advanceClock`). */
  advanceClockA(ms: number): void
  dispose(): Promise<void>
}

export async function startTwoDesks(): Promise<TwoDesks> {
  let offsetA = 0
  const clockA = () => new Date(Date.now() + offsetA)
  const throttleA = recordingThrottle(() => clockA().getTime())
  const backendA = await startDeskBackend({ clock: clockA, throttle: throttleA })
  try {
    const centre = await setUpCentre(backendA)
    if (!backendA.serverDatabase) throw new Error('Two desk processes need the PostgreSQL half')
    const processB = await startDeskProcess(backendA.serverDatabase.desk)
    const deskB = await processB.signInAs('admin-desk-b', centre.adminId)
    return {
      backendA,
      centre,
      deskA: centre.admin,
      processB,
      deskB,
      throttleA,
      advanceClockA: (ms) => {
        offsetA += ms
      },
      async dispose() {
        await processB.close()
        await backendA.dispose()
      },
    }
  } catch (error) {
    await backendA.dispose()
    throw error
  }
}

/** Rows of a query on desk A's pool, committed by either desk. */
export function query<T>(desks: TwoDesks, sql: string, params: unknown[] = []): Promise<T[]> {
  return desks.backendA.database.dataSource.query(sql, params)
}

/** How many audit rows a command wrote, on either desk. */
export async function auditRowsOf(desks: TwoDesks, command: string): Promise<number> {
  const [{ n }] = await query<{ n: number }>(
    desks,
    'SELECT CAST(COUNT(*) AS integer) AS n FROM audit_log WHERE command = ?',
    [command],
  )
  return n
}
