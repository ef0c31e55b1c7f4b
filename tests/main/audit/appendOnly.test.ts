import { afterEach, describe, expect, it } from 'vitest'
import { startTestBackend, type TestBackend } from '../../support/backend'
import { queryCommitted } from '../../support/database'
import { sampleOrganisation, saveOrganisation } from '../../support/organisation'

const TRAIL = 'SELECT id, at, staff_user_id, staff_name, command, target, summary FROM audit_log ORDER BY id'

describe('the audit trail cannot be rewritten', () => {
  let backend: TestBackend
  afterEach(() => backend?.dispose())

  it('the database itself refuses to change or delete an audit row, even in raw SQL from the desk’s own connection', async () => {
    backend = await startTestBackend()
    await saveOrganisation(backend, sampleOrganisation('První'))
    await saveOrganisation(backend, sampleOrganisation('Druhý'))
    const before = await queryCommitted<{ id: number }>(backend, TRAIL)
    expect(before).toHaveLength(2)
    // The desk's connection: on a server the desk role, which may write rows but not touch the triggers.
    const source = backend.database.dataSource
    if (backend.serverDatabase) {
      const [{ user }] = await source.query('SELECT current_user AS "user"')
      expect(user).toBe(backend.serverDatabase.desk.user)
    }

    for (const [sql, params] of [
      ["UPDATE audit_log SET summary = 'Nothing happened'", []],
      ['UPDATE audit_log SET staff_name = ? WHERE id = ?', ['Někdo jiný', before[0].id]],
      ['DELETE FROM audit_log WHERE id = ?', [before[1].id]],
      ['DELETE FROM audit_log', []],
    ] as const) {
      await expect(source.query(sql, [...params]), sql).rejects.toThrow(/audit_log is append-only/)
    }
    // Nor inside a transaction that also writes something allowed: it all rolls back.
    await expect(
      source.transaction(async (em) => {
        await em.query("INSERT INTO audit_log (at, staff_name, command, summary) VALUES (?, 'x', 'x', 'x')", [
          new Date().toISOString(),
        ])
        await em.query('DELETE FROM audit_log WHERE id = ?', [before[0].id])
      }),
    ).rejects.toThrow(/append-only/)

    expect(await queryCommitted(backend, TRAIL)).toEqual(before)
    // Appending stays possible: that is how every write is recorded.
    await saveOrganisation(backend, sampleOrganisation('Třetí'))
    expect(await queryCommitted(backend, TRAIL)).toHaveLength(3)
  })
})
