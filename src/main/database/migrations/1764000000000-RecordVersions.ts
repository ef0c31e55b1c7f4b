import type { MigrationInterface, QueryRunner } from 'typeorm'

/** Every table of a record someone edits in a form: its version counter guards against lost saves. */
const VERSIONED_TABLES = ['setting', 'unit', 'staff_user', 'role', 'person']

export class RecordVersions1764000000000 implements MigrationInterface {
  name = 'RecordVersions1764000000000'

  // Plain ADD / DROP COLUMN on both engines: no table rebuild, so no cascade can touch a row.
  async up(db: QueryRunner): Promise<void> {
    for (const table of VERSIONED_TABLES) {
      await db.query(`ALTER TABLE "${table}" ADD COLUMN "version" integer NOT NULL DEFAULT 1`)
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [...VERSIONED_TABLES].reverse()) {
      await db.query(`ALTER TABLE "${table}" DROP COLUMN "version"`)
    }
  }
}
