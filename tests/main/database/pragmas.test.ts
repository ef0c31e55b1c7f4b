import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sqliteOptions } from '../../../src/main/database/dataSourceOptions'
import { withRawConnection } from '../../../src/main/database/rawConnection'
import { startTestBackend, type TestBackend } from '../../support/backend'
import { countRows } from '../../support/database'
import { sampleOrganisation, saveOrganisation } from '../../support/organisation'

describe('the database file is opened with the settings that keep data safe', () => {
  let backend: TestBackend
  beforeAll(async () => {
    backend = await startTestBackend()
    // Two audit rows, so the triggers below have rows to protect.
    for (const name of ['First name', 'Second name']) {
      await saveOrganisation(backend, sampleOrganisation(name))
    }
  })
  afterAll(() => backend.dispose())

  const pragma = async (name: string) => {
    const rows = (await backend.database.dataSource.query(`PRAGMA ${name}`)) as Record<string, unknown>[]
    return Object.values(rows[0])[0]
  }

  it('the journal is a write-ahead log', async () => {
    expect(await pragma('journal_mode')).toBe('wal')
  })

  it('every commit is synced to disk (synchronous = FULL)', async () => {
    expect(await pragma('synchronous')).toBe(2)
  })

  it('foreign keys are enforced', async () => {
    expect(await pragma('foreign_keys')).toBe(1)
  })

  it('a busy file is waited for at least five seconds', async () => {
    expect(await pragma('busy_timeout')).toBeGreaterThanOrEqual(5000)
  })

  it('the schema is never synchronised from entities and migrations are run explicitly', () => {
    expect(backend.database.dataSource.options.synchronize).toBe(false)
    expect(backend.database.dataSource.options.migrationsRun).toBe(false)
    for (const readOnly of [true, false]) {
      expect(sqliteOptions('/tmp/x.sqlite', { readOnly }).synchronize).toBe(false)
    }
  })

  it('the audit log refuses UPDATE through the app connection', async () => {
    await expect(
      backend.database.dataSource.query(`UPDATE audit_log SET summary = 'nothing happened'`),
    ).rejects.toThrow(/append-only/)
  })

  it('the audit log refuses DELETE through the app connection', async () => {
    await expect(backend.database.dataSource.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/)
  })

  it('the audit log refuses UPDATE and DELETE from any other connection too', async () => {
    await withRawConnection(backend.database.location.file, 'read-write', async (db) => {
      await expect(db.run(`UPDATE audit_log SET staff_name = 'someone else' WHERE id = 1`)).rejects.toThrow(
        /append-only/,
      )
      await expect(db.run('DELETE FROM audit_log WHERE id = 2')).rejects.toThrow(/append-only/)
    })
  })

  it('the audit rows are all still there, unchanged', async () => {
    expect(await countRows(backend.database.dataSource, 'audit_log')).toBe(2)
    const rows = await backend.database.dataSource.query('SELECT staff_name, summary FROM audit_log ORDER BY id')
    expect(rows.map((row: { summary: string }) => row.summary)).not.toContain('nothing happened')
    expect(rows.map((row: { staff_name: string }) => row.staff_name)).toEqual(['Test operator', 'Test operator'])
  })

  it('the app connection is left usable after a refused statement', async () => {
    const status = await backend.call('system/get-status', {})
    expect(status.database.mode).toBe('ok')
    expect(backend.database.dataSource.createQueryRunner().isTransactionActive).toBe(false)
  })
})
