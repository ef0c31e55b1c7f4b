import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DataSource } from 'typeorm'
import { sqliteOptions } from '../../../src/main/database/dataSourceOptions'
import { migrations } from '../../../src/main/database/schema'
import { SearchTermFilters1764000300000 } from '../../../src/main/database/migrations/1764000300000-SearchTermFilters'
import { importPeople } from '../../../src/main/people/bulkImport'
import { personInput } from '../../../src/shared/contract/people'
import { tempDir } from '../../support/backend'
import { samplePerson } from '../../support/people'

describe('the migration copying unit and archiving onto search terms', () => {
  let dataDir: string | undefined
  afterEach(() => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('fills the copies of every existing term from its person', async () => {
    // Up to this migration: undoing the last one must undo this one, whatever came later.
    const upToThis = migrations.slice(0, migrations.indexOf(SearchTermFilters1764000300000) + 1)
    expect(upToThis.at(-1)).toBe(SearchTermFilters1764000300000)
    dataDir = tempDir()
    const source = new DataSource({
      ...sqliteOptions(join(dataDir, 'old.sqlite'), { readOnly: false }),
      migrations: upToThis,
    })
    await source.initialize()
    try {
      await source.runMigrations({ transaction: 'each' })
      await source.query(`INSERT INTO unit (name, created_at) VALUES ('Zpěv', '2025-09-01T08:00:00.000Z')`)
      const [{ id: unitId }]: { id: number }[] = await source.query(`SELECT MAX(id) AS id FROM unit`)
      const people = ['Novák', 'Svoboda', 'Dvořák'].map((lastName) =>
        personInput.parse(samplePerson(unitId, { lastName })),
      )
      await source.transaction((em) => importPeople(em, people, [], new Date()))
      await source.query(`UPDATE person SET archived_at = '2025-10-01T08:00:00.000Z' WHERE last_name = 'Svoboda'`)
      await source.undoLastMigration({ transaction: 'each' })
      await source.runMigrations({ transaction: 'each' })
      const [terms]: { same: number; all: number; archived: number }[] = await source.query(
        `SELECT SUM(CASE WHEN t.unit_id = p.unit_id AND t.archived_at IS p.archived_at THEN 1 ELSE 0 END) AS same,
           COUNT(*) AS "all", SUM(CASE WHEN t.archived_at IS NOT NULL THEN 1 ELSE 0 END) AS archived
         FROM person_search_term t JOIN person p ON p.id = t.person_id`,
      )
      // Names, e-mails and phones of three people, one of them archived.
      expect(terms.all).toBeGreaterThan(6)
      expect(terms.archived).toBeGreaterThan(0)
      expect(terms.same).toBe(terms.all)
    } finally {
      await source.destroy()
    }
  })
})
