import type { MigrationInterface, QueryRunner } from 'typeorm'
import { ddl } from './portable'

/**
 * What a merge removed, kept where it can be erased: audit rows never are, so they name
 * people only by number and point here for the details.
 */
export class PersonMerge1764000110000 implements MigrationInterface {
  name = 'PersonMerge1764000110000'

  async up(db: QueryRunner): Promise<void> {
    await ddl(
      db,
      `CREATE TABLE "person_merge" (
      "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
      "kept_person_id" integer NOT NULL REFERENCES "person" ("id") ON DELETE RESTRICT,
      "removed_person_id" integer NOT NULL,
      "merged_at" varchar(30) NOT NULL,
      "staff_user_id" integer REFERENCES "staff_user" ("id") ON DELETE RESTRICT,
      "snapshot" text NOT NULL
    )`,
    )
    await db.query(`CREATE INDEX "idx_person_merge_kept" ON "person_merge" ("kept_person_id")`)
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX "idx_person_merge_kept"`)
    await db.query(`DROP TABLE "person_merge"`)
  }
}
