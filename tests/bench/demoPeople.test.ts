import { afterEach, describe, expect, it } from 'vitest'
import { generateDataset } from '../../src/main/demo/dataset'
import { loadDemoCentre } from '../../src/main/demo/demoCentre'
import { loadDemoPeople } from '../../src/main/demo/demoPeople'
import { startTestBackend, type TestBackend } from '../support/backend'
import { countRows } from '../support/database'

describe('demo people', () => {
  let backend: TestBackend | undefined
  afterEach(async () => {
    await backend?.dispose()
    backend = undefined
  })

  it('fill the register with searchable families in their groups, once, with one audit row', async () => {
    backend = await startTestBackend()
    await loadDemoCentre(backend.router, { transport: 'direct', key: 'demo' }, { force: false })
    const dataset = generateDataset({ people: 300, seed: 5, today: '2026-11-01' })
    expect(await loadDemoPeople(backend.database, dataset)).toBe(300)
    expect(await loadDemoPeople(backend.database, dataset)).toBe(0)

    const db = backend.database.dataSource
    expect(await countRows(db, 'person')).toBe(300)
    expect(await countRows(db, 'guardianship')).toBe(dataset.guardianships.length)
    const [{ n }] = await db.query("SELECT COUNT(*) AS n FROM audit_log WHERE command = 'demo/load-people'")
    expect(Number(n)).toBe(1)
    const flags = await db.query('SELECT COUNT(*) AS n FROM person WHERE member = ? AND photo_consent = ?', [
      true,
      false,
    ])
    expect(Number(flags[0].n)).toBeGreaterThan(0)

    const child = dataset.people.find((person) => person.role === 'participant')!
    const [hit] = await backend.call('people/search', { query: `${child.lastName} ${child.firstName}` })
    const file = await backend.call('people/get', { id: hit.id })
    expect(file.guardians.length).toBeGreaterThan(0)
    const units = await backend.call('units/list', {})
    expect(units.find((unit) => unit.id === file.person.unitId)?.parentId).not.toBeNull()

    // A row the database numbers itself (as a desk's registration is) gets the next id, not one
    // the bulk load took: on PostgreSQL the identity's sequence has moved past them.
    const columns =
      '"unit_id", "first_name", "last_name", "phones", "street", "city", "postal_code", "country", "school", "school_class", "health_notes", "dietary_notes", "photo_consent", "member", "notes", "billing", "created_at", "updated_at", "first_fold", "last_fold", "name_key", "sort_en", "sort_cs", "sort_sk", "sort_hu", "sort_pl"'
    await db.query(`INSERT INTO person (${columns}) SELECT ${columns} FROM person WHERE id = ?`, [hit.id])
    expect(await countRows(db, 'person')).toBe(301)
    const ids = await db.query('SELECT id FROM person ORDER BY id')
    expect(new Set(ids.map((row: { id: number }) => row.id)).size).toBe(301)
  })
})
