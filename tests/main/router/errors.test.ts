import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { command } from '../../../src/shared/contract/define'
import { AppError } from '../../../src/shared/errors'
import type { HandlerContext } from '../../../src/main/core/handler'
import { SettingEntrySchema } from '../../../src/main/settings/settingEntry'
import { startTestBackend, type TestBackend } from '../../support/backend'
import { countRows } from '../../support/database'
import { testRouter, type TestRouter } from '../../support/router'

const SECRET_SQL = 'SELECT password_hash FROM staff_user WHERE login = ?'

const contract = {
  'test/leak-sql': command<null>()({ input: z.object({}), kind: 'write', access: 'signed-in' }),
  'test/bad-query': command<null>()({ input: z.object({}), kind: 'read', access: 'signed-in' }),
  'test/throw-string': command<null>()({ input: z.object({}), kind: 'read', access: 'signed-in' }),
  'test/refuse': command<null>()({ input: z.object({ key: z.string() }), kind: 'write', access: 'signed-in' }),
  'test/insert-then-crash': command<null>()({
    input: z.object({ key: z.string() }),
    kind: 'write',
    access: 'signed-in',
  }),
  'test/insert': command<string>()({ input: z.object({ key: z.string() }), kind: 'write', access: 'signed-in' }),
}

const insertRow = (ctx: HandlerContext, key: string) =>
  ctx.em.insert(SettingEntrySchema, { key, value: '{}', updatedAt: ctx.now.toISOString() })

const handlers = {
  'test/leak-sql': async function leakingHandler() {
    throw new Error(`SQLITE_CONSTRAINT: UNIQUE constraint failed while running ${SECRET_SQL}`)
  },
  // A real driver error: TypeORM puts the SQL and its parameters on the error it throws.
  'test/bad-query': async (_input: object, ctx: HandlerContext) => {
    await ctx.em.query('SELECT secret_column FROM no_such_table WHERE id = ?', ['parameter-value'])
    return null
  },
  'test/throw-string': async () => {
    throw 'a bare string thrown by a careless library'
  },
  'test/refuse': async ({ key }: { key: string }, ctx: HandlerContext) => {
    await insertRow(ctx, key)
    throw new AppError('CONFLICT', 'That key is taken', { key: { code: 'taken', message: 'Taken' } })
  },
  'test/insert-then-crash': async ({ key }: { key: string }, ctx: HandlerContext) => {
    await insertRow(ctx, key)
    await ctx.em.query(`INSERT INTO setting (key, value, updated_at) VALUES (?, '{}', 'now')`, [`${key}-raw`])
    throw new TypeError("Cannot read properties of undefined (reading 'id')")
  },
  'test/insert': async ({ key }: { key: string }, ctx: HandlerContext) => {
    await insertRow(ctx, key)
    ctx.audit.target = key
    ctx.audit.summary = `Inserted ${key}`
    return key
  },
}

describe('errors cross the boundary as data and leak nothing', () => {
  let backend: TestBackend
  let channel: TestRouter
  beforeEach(async () => {
    backend = await startTestBackend()
    channel = testRouter(backend.database, contract, handlers)
  })
  afterEach(() => backend.dispose())

  async function internalFailure(name: string, input: unknown = {}) {
    const result = await channel.send(name, input)
    expect(result.ok).toBe(false)
    if (result.ok) throw new Error('unreachable')
    expect(Object.keys(result.error).sort()).toEqual(['code', 'message', 'ref'])
    expect(result.error.code).toBe('INTERNAL')
    expect(result.error.ref).toMatch(/^[0-9a-f]{8}$/)
    expect(result.error.message).toContain(result.error.ref)
    return { error: result.error, wire: JSON.stringify(result) }
  }

  it('an unexpected error with SQL in it reaches the renderer only as INTERNAL with a reference', async () => {
    const { error, wire } = await internalFailure('test/leak-sql')
    for (const leak of [
      'SELECT',
      'password_hash',
      'staff_user',
      'SQLITE',
      'leakingHandler',
      'errors.test',
      '    at ',
    ]) {
      expect(wire).not.toContain(leak)
    }
    // Support finds the full story in the log under the same reference.
    const logged = channel.logger.lines.filter((line) => line.includes(`[ref ${error.ref}]`))
    expect(logged).toHaveLength(1)
    expect(logged[0]).toMatch(/^error Command test\/leak-sql failed/)
    expect(logged[0]).toContain(SECRET_SQL)
    expect(logged[0]).toContain('leakingHandler')
    expect(logged[0]).toMatch(/\n\s+at /)
  })

  it('a failing query does not send its SQL, table names or parameters', async () => {
    const { error, wire } = await internalFailure('test/bad-query')
    for (const leak of ['no_such_table', 'secret_column', 'parameter-value', 'QueryFailedError', 'SQLITE']) {
      expect(wire).not.toContain(leak)
    }
    const logged = channel.logger.lines.find((line) => line.includes(`[ref ${error.ref}]`))
    // Each engine words it its own way; the log keeps the driver's words for whoever reads it.
    expect(logged).toContain(
      backend.database.engine.kind === 'sqlite'
        ? 'no such table: no_such_table'
        : 'relation "no_such_table" does not exist',
    )
  })

  it('a thrown non-Error is still an INTERNAL error with a reference', async () => {
    const { wire } = await internalFailure('test/throw-string')
    expect(wire).not.toContain('careless library')
  })

  it('each internal failure gets its own reference', async () => {
    const first = await internalFailure('test/leak-sql')
    const second = await internalFailure('test/leak-sql')
    expect(first.error.ref).not.toBe(second.error.ref)
  })

  it('an AppError thrown by a handler crosses with its own code, message and fields', async () => {
    const result = await channel.send('test/refuse', { key: 'taken' })
    expect(result).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'That key is taken', fields: { key: { code: 'taken', message: 'Taken' } } },
    })
    // An expected refusal is not an incident: nothing is logged as an error.
    expect(channel.logger.lines.filter((line) => line.startsWith('error'))).toEqual([])
  })

  it('a write refused with an AppError keeps none of its rows and no audit row', async () => {
    await channel.send('test/refuse', { key: 'taken' })
    expect(await countRows(backend.database.dataSource, 'setting')).toBe(0)
    expect(await countRows(backend.database.dataSource, 'audit_log')).toBe(0)
  })

  it('a write that crashes after inserting rolls back every row it made and writes no audit row', async () => {
    await channel.send('test/insert', { key: 'kept' })
    await internalFailure('test/insert-then-crash', { key: 'lost' })
    const keys = await backend.database.dataSource.query('SELECT key FROM setting ORDER BY key')
    expect(keys).toEqual([{ key: 'kept' }])
    const audit = await backend.database.dataSource.query('SELECT command, target, summary FROM audit_log')
    expect(audit).toEqual([{ command: 'test/insert', target: 'kept', summary: 'Inserted kept' }])
  })

  it('a successful write stores its audit row with who, when and what', async () => {
    const before = Date.now()
    expect(await channel.send('test/insert', { key: 'k1' })).toEqual({ ok: true, data: 'k1' })
    const [row] = await backend.database.dataSource.query('SELECT * FROM audit_log')
    expect(row).toMatchObject({
      staff_user_id: null,
      staff_name: 'Test operator',
      command: 'test/insert',
      target: 'k1',
      summary: 'Inserted k1',
    })
    expect(Date.parse(row.at)).toBeGreaterThanOrEqual(before - 1)
    expect(row.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
  })

  it('the router keeps working after a failure', async () => {
    await internalFailure('test/insert-then-crash', { key: 'x' })
    expect(await channel.send('test/insert', { key: 'y' })).toEqual({ ok: true, data: 'y' })
    expect(await countRows(backend.database.dataSource, 'setting')).toBe(1)
  })
})
