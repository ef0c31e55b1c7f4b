import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { command } from '../../../src/shared/contract/define'
import type { HandlerContext } from '../../../src/main/core/handler'
import type { TaskQueue } from '../../../src/main/database/writeQueue'
import { SettingEntrySchema } from '../../../src/main/settings/settingEntry'
import { startTestBackend, type TestBackend } from '../../support/backend'
import { queryFile } from '../../support/database'
import { seededRandom } from '../../support/random'
import { testRouter } from '../../support/router'

const contract = {
  'test/add-row': command<string>()({
    input: z.object({ key: z.string(), fail: z.boolean(), pause: z.number() }),
    kind: 'write',
    access: 'signed-in',
  }),
  'test/hold': command<null>()({ input: z.object({ key: z.string() }), kind: 'write', access: 'signed-in' }),
  'test/count-rows': command<number>()({ input: z.object({}), kind: 'read', access: 'signed-in' }),
}

/** Lets a test keep a write open (and so the queue busy) for as long as it likes. */
function gate() {
  let open!: () => void
  const opened = new Promise<void>((resolve) => (open = resolve))
  return { open, opened }
}

function handlersWith(holdUntil: Promise<void> = Promise.resolve(), started: string[] = []) {
  return {
    // Inserts its row first and only then fails, so a failure has something to roll back.
    'test/add-row': async (input: { key: string; fail: boolean; pause: number }, ctx: HandlerContext) => {
      await ctx.em.insert(SettingEntrySchema, { key: input.key, value: 'row', updatedAt: ctx.now.toISOString() })
      await sleep(input.pause)
      if (input.fail) throw new Error(`injected failure after inserting ${input.key}`)
      ctx.audit.target = input.key
      return input.key
    },
    'test/hold': async ({ key }: { key: string }, ctx: HandlerContext) => {
      started.push(key)
      await ctx.em.insert(SettingEntrySchema, { key, value: 'held', updatedAt: ctx.now.toISOString() })
      await holdUntil
      ctx.audit.target = key
      return null
    },
    'test/count-rows': async (_input: object, ctx: HandlerContext) =>
      ((await ctx.em.query('SELECT COUNT(*) AS n FROM setting')) as { n: number }[])[0].n,
  }
}

interface Outcome {
  succeeded: string[]
  failed: string[]
  /** What another connection sees in the file: what was really committed. */
  committedRows: string[]
  committedAuditTargets: string[]
  loggedErrors: string[]
  leftInTransaction: boolean
}

/** Fifty writes arriving within 30 ms, about a third failing after they inserted their row. */
async function runWorkload(backend: TestBackend, queue?: TaskQueue): Promise<Outcome & { planned: string[] }> {
  const { send, logger } = testRouter(backend.database, contract, handlersWith(), { queue })
  const random = seededRandom(20251121)
  const plan = Array.from({ length: 50 }, (_, i) => ({
    key: `row-${String(i).padStart(2, '0')}`,
    fail: random() < 1 / 3,
    pause: Math.floor(random() * 4),
    arrival: Math.floor(random() * 30),
  }))
  const results = await Promise.all(
    plan.map(async ({ arrival, ...input }) => {
      await sleep(arrival)
      return send('test/add-row', input)
    }),
  )
  const file = backend.database.location.file
  const committedRows = (await queryFile<{ key: string }>(file, 'SELECT key FROM setting ORDER BY key')).map(
    (r) => r.key,
  )
  const committedAuditTargets = (
    await queryFile<{ target: string }>(
      file,
      "SELECT target FROM audit_log WHERE command = 'test/add-row' ORDER BY target",
    )
  ).map((r) => r.target)
  return {
    planned: plan.filter((p) => !p.fail).map((p) => p.key),
    succeeded: plan.filter((_, i) => results[i].ok).map((p) => p.key),
    failed: plan.filter((_, i) => !results[i].ok).map((p) => p.key),
    committedRows,
    committedAuditTargets,
    loggedErrors: logger.lines.filter((line) => line.startsWith('error ')),
    leftInTransaction: backend.database.dataSource.createQueryRunner().isTransactionActive,
  }
}

describe('the write queue', () => {
  let backend: TestBackend
  afterEach(() => backend?.dispose())

  it('fifty concurrent writes keep exactly the successful ones, each with one audit row', async () => {
    backend = await startTestBackend()
    const outcome = await runWorkload(backend)

    // The seed gives a real mix, not a degenerate all-pass or all-fail run.
    expect(outcome.planned.length).toBeGreaterThan(25)
    expect(outcome.planned.length).toBeLessThan(45)
    expect(outcome.succeeded).toEqual(outcome.planned)
    expect(outcome.committedRows).toEqual(outcome.succeeded)
    expect(outcome.committedAuditTargets).toEqual(outcome.succeeded)
    expect(outcome.failed.every((key) => !outcome.committedRows.includes(key))).toBe(true)
    expect(outcome.loggedErrors).toHaveLength(outcome.failed.length)
    expect(outcome.loggedErrors.every((line) => line.includes('injected failure'))).toBe(true)
    expect(outcome.leftInTransaction).toBe(false)
  })

  it('without the queue the same workload breaks: TypeORM interleaves transactions on its one connection', async () => {
    backend = await startTestBackend()
    const outcome = await runWorkload(backend, { run: (task) => task() })

    const anomalies: string[] = []
    const interleaved = outcome.loggedErrors.filter((line) =>
      /cannot start a transaction within a transaction|no such savepoint|no transaction is active|Transaction is not started/.test(
        line,
      ),
    )
    if (interleaved.length) anomalies.push(`${interleaved.length} calls failed on another call's transaction`)
    if (outcome.succeeded.length !== outcome.planned.length) {
      anomalies.push(`${outcome.succeeded.length} of ${outcome.planned.length} healthy writes reported success`)
    }
    if (outcome.committedRows.join() !== outcome.succeeded.join()) {
      anomalies.push(`committed rows ${outcome.committedRows.length} ≠ successful writes ${outcome.succeeded.length}`)
    }
    if (outcome.committedAuditTargets.join() !== outcome.succeeded.join()) {
      anomalies.push(
        `audit rows ${outcome.committedAuditTargets.length} ≠ successful writes ${outcome.succeeded.length}`,
      )
    }
    if (outcome.leftInTransaction) anomalies.push('the shared connection was left inside an open transaction')

    // Observed with TypeORM 0.3.31: "cannot start a transaction within a transaction" and
    // "no such savepoint" failures, almost every healthy write reported as failed, rows of
    // failed writes visible on the app's connection and the connection left mid-transaction.
    expect(anomalies, 'expected the unqueued workload to go wrong').not.toEqual([])
    expect(interleaved.length > 0 || outcome.committedRows.join() !== outcome.succeeded.join()).toBe(true)
  })

  it('reads run while a write waits in the queue', async () => {
    backend = await startTestBackend()
    const release = gate()
    const started: string[] = []
    const { send } = testRouter(backend.database, contract, handlersWith(release.opened, started))

    const first = send('test/hold', { key: 'first' })
    const second = send('test/hold', { key: 'second' })
    await vi.waitFor(() => expect(started).toEqual(['first']))
    await sleep(20) // time enough for `second` to start, were the queue not holding it back
    expect(started).toEqual(['first'])

    // The queue is busy with `first` and holds `second`, yet a read answers at once, and it
    // sees only committed rows: not the row `first` inserted in its still-open transaction.
    const read = await send('test/count-rows', {})
    expect(read).toEqual({ ok: true, data: 0 })
    expect(started).toEqual(['first'])

    release.open()
    expect(await first).toEqual({ ok: true, data: null })
    expect(await second).toEqual({ ok: true, data: null })
    expect(started).toEqual(['first', 'second'])
    expect(await send('test/count-rows', {})).toEqual({ ok: true, data: 2 })
    const file = backend.database.location.file
    expect(await queryFile(file, 'SELECT key FROM setting ORDER BY key')).toEqual([{ key: 'first' }, { key: 'second' }])
  })

  it('a failed write does not stop the queue for the writes behind it', async () => {
    backend = await startTestBackend()
    const { send } = testRouter(backend.database, contract, handlersWith())
    const results = await Promise.all([
      send('test/add-row', { key: 'a', fail: true, pause: 0 }),
      send('test/add-row', { key: 'b', fail: false, pause: 0 }),
    ])
    expect(results.map((result) => result.ok)).toEqual([false, true])
    expect(await queryFile(backend.database.location.file, 'SELECT key FROM setting')).toEqual([{ key: 'b' }])
  })
})
