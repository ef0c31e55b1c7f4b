import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Database } from '../../../../src/main/database/database'
import { schemaDifferences, type SchemaDescription } from '../../../../src/main/database/engines'
import { postgresEngine } from '../../../../src/main/database/engines/postgresEngine'
import { sqliteEngine } from '../../../../src/main/database/engines/sqliteEngine'
import { connectServer } from '../../../../src/main/database/postgresServer'
import { recordingLogger, tempDir } from '../../../support/backend'
import { createServerDatabase, testEngine, type ServerDatabase } from '../../../support/testServer'

/** The schema of a fresh copy of the migrated template, read as the owner (or after `change`, as the owner). */
async function serverSchema(server: ServerDatabase, change?: string): Promise<SchemaDescription> {
  const source = await connectServer(server.owner)
  try {
    if (change) await source.query(change)
    return await postgresEngine.describeSchema(source.manager)
  } finally {
    await source.destroy()
  }
}

// Compares the two engines, so it needs the throw-away cluster: it runs once, in the postgres project.
describe.skipIf(testEngine !== 'postgres')('one schema on two engines', () => {
  let dir: string
  let file: Database
  let server: ServerDatabase
  let sqlite: SchemaDescription
  let postgres: SchemaDescription

  beforeAll(async () => {
    dir = tempDir()
    file = await Database.open(
      { file: join(dir, 'frontdesk.sqlite'), backupDir: join(dir, 'backups') },
      recordingLogger(),
    )
    server = await createServerDatabase()
    sqlite = await sqliteEngine.describeSchema(file.readManager)
    postgres = await serverSchema(server)
  })

  afterAll(async () => {
    await file?.close()
    await server?.drop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('the same migrations give the same tables, columns, keys, indexes and triggers on SQLite and PostgreSQL', () => {
    const differences = schemaDifferences(sqlite, postgres, ['SQLite', 'PostgreSQL'])
    expect(differences, `The schemas differ:\n${differences.join('\n')}`).toEqual([])
    expect(postgres).toEqual(sqlite)
  })

  it('describes what the migrations made, not an empty shape that would trivially match', () => {
    const audit = sqlite.tables.find((table) => table.name === 'audit_log')
    expect(audit?.triggers.map((trigger) => `${trigger.name} ${trigger.event}`)).toEqual([
      'audit_log_no_delete BEFORE DELETE',
      'audit_log_no_update BEFORE UPDATE',
    ])
    const person = postgres.tables.find((table) => table.name === 'person')
    expect(person?.columns.find((column) => column.name === 'id')).toEqual({
      name: 'id',
      type: 'integer',
      notNull: true,
      default: 'identity',
    })
    expect(person?.columns.find((column) => column.name === 'version')?.default).toBe('1')
    expect(person?.indexes.find((index) => index.name === 'idx_person_name_key')?.columns).toEqual([
      'name_key',
      'birth_date',
    ])
    const staff = postgres.tables.find((table) => table.name === 'staff_user')
    expect(staff?.uniques).toEqual([['username_key']])
    expect(staff?.columns.find((column) => column.name === 'active')?.default).toBe('true')
    const guardianship = postgres.tables.find((table) => table.name === 'guardianship')
    expect(guardianship?.foreignKeys).toContainEqual({
      columns: ['guardian_id'],
      table: 'person',
      references: ['id'],
      onDelete: 'RESTRICT',
      onUpdate: 'NO ACTION',
    })
    const terms = postgres.tables.find((table) => table.name === 'person_search_term')
    expect(terms?.primaryKey).toEqual(['field', 'term', 'tiebreak', 'person_id'])
  })

  it('a desk role, which owns nothing, reads the same description (triggers included)', async () => {
    const desk = await connectServer(server.desk)
    try {
      expect(await postgresEngine.describeSchema(desk.manager)).toEqual(postgres)
    } finally {
      await desk.destroy()
    }
  })

  it('an index made on one engine only is a difference, named in the diff', async () => {
    const other = await createServerDatabase()
    try {
      const changed = await serverSchema(other, 'CREATE INDEX "idx_person_email" ON "person" ("email")')
      expect(schemaDifferences(sqlite, changed, ['SQLite', 'PostgreSQL'])).toEqual([
        'only on PostgreSQL: index idx_person_email ON person (email)',
      ])
    } finally {
      await other.drop()
    }
  })

  it('a different default, nullability, foreign key action or a missing trigger is a difference', async () => {
    const other = await createServerDatabase()
    try {
      const changed = await serverSchema(
        other,
        `ALTER TABLE "person" ALTER COLUMN "version" SET DEFAULT 2;
         ALTER TABLE "person" ALTER COLUMN "email" SET NOT NULL;
         ALTER TABLE "guardianship" DROP CONSTRAINT "guardianship_guardian_id_fkey";
         ALTER TABLE "guardianship" ADD FOREIGN KEY ("guardian_id") REFERENCES "person" ("id") ON DELETE CASCADE;
         DROP TRIGGER "audit_log_no_delete" ON "audit_log"`,
      )
      expect(schemaDifferences(sqlite, changed, ['SQLite', 'PostgreSQL']).sort()).toEqual(
        [
          'only on SQLite: column person.version integer NOT NULL DEFAULT 1',
          'only on PostgreSQL: column person.version integer NOT NULL DEFAULT 2',
          'only on SQLite: column person.email text(200) NULL',
          'only on PostgreSQL: column person.email text(200) NOT NULL',
          'only on SQLite: foreign key guardianship (guardian_id) -> person (id) ON DELETE RESTRICT ON UPDATE NO ACTION',
          'only on PostgreSQL: foreign key guardianship (guardian_id) -> person (id) ON DELETE CASCADE ON UPDATE NO ACTION',
          'only on SQLite: trigger audit_log_no_delete BEFORE DELETE ON audit_log',
        ].sort(),
      )
    } finally {
      await other.drop()
    }
  })

  it('an index made on SQLite only is a difference the other way round', async () => {
    await file.dataSource.query('CREATE UNIQUE INDEX "idx_unit_name" ON "unit" ("name")')
    try {
      const changed = await sqliteEngine.describeSchema(file.readManager)
      expect(schemaDifferences(changed, postgres, ['SQLite', 'PostgreSQL'])).toEqual([
        'only on SQLite: unique index idx_unit_name ON unit (name)',
      ])
    } finally {
      await file.dataSource.query('DROP INDEX "idx_unit_name"')
    }
  })
})
