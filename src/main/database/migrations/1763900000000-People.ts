import type { MigrationInterface, QueryRunner } from 'typeorm'
import { ddl } from './portable'

const SORT_LOCALES = ['en', 'cs', 'sk', 'hu', 'pl']

export class People1763900000000 implements MigrationInterface {
  name = 'People1763900000000'

  async up(db: QueryRunner): Promise<void> {
    await ddl(
      db,
      `CREATE TABLE "person" (
      "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
      "unit_id" integer NOT NULL REFERENCES "unit" ("id") ON DELETE RESTRICT,
      "first_name" varchar(80) NOT NULL,
      "last_name" varchar(80) NOT NULL,
      "birth_date" varchar(10),
      "sex" varchar(10),
      "email" varchar(200),
      "phones" text NOT NULL,
      "street" varchar(200) NOT NULL,
      "city" varchar(120) NOT NULL,
      "postal_code" varchar(20) NOT NULL,
      "country" varchar(80) NOT NULL,
      "school" varchar(200) NOT NULL,
      "school_class" varchar(40) NOT NULL,
      "health_notes" text NOT NULL,
      "dietary_notes" text NOT NULL,
      "photo_consent" boolean NOT NULL,
      "member" boolean NOT NULL,
      "member_until" varchar(10),
      "notes" text NOT NULL,
      "billing" text NOT NULL,
      "archived_at" varchar(30),
      "anonymised_at" varchar(30),
      "created_at" varchar(30) NOT NULL,
      "updated_at" varchar(30) NOT NULL,
      "first_fold" varchar(80) NOT NULL,
      "last_fold" varchar(80) NOT NULL,
      "name_key" varchar(170) NOT NULL,
      ${SORT_LOCALES.map((locale) => `"sort_${locale}" varchar(400) NOT NULL`).join(',\n      ')}
    )`,
    )
    await db.query(`CREATE INDEX "idx_person_unit" ON "person" ("unit_id")`)
    // Covers a search by birth date or year with its name order: no table reads.
    await db.query(
      `CREATE INDEX "idx_person_birth_date" ON "person" ("birth_date", "last_fold", "first_fold", "unit_id")`,
    )
    await db.query(`CREATE INDEX "idx_person_name_key" ON "person" ("name_key", "birth_date")`)
    // The register's filters ride along in each sort index, so skipping to row 50 000 of a
    // filtered list walks one index without touching the table.
    const filters = '"anonymised_at", "archived_at", "unit_id", "member", "member_until", "birth_date"'
    for (const locale of SORT_LOCALES) {
      await db.query(`CREATE INDEX "idx_person_sort_${locale}" ON "person" ("sort_${locale}", "id", ${filters})`)
    }
    await db.query(`CREATE INDEX "idx_person_register" ON "person" (${filters})`)
    // Words of names, e-mails and phone numbers in search form. A prefix lookup is a range scan
    // of this key that already runs in result order (term, then the rest of the name), so a
    // search can stop after its first page instead of sorting every match.
    await ddl(
      db,
      `CREATE TABLE "person_search_term" (
      "field" integer NOT NULL,
      "term" varchar(200) NOT NULL,
      "tiebreak" varchar(170) NOT NULL,
      "person_id" integer NOT NULL REFERENCES "person" ("id") ON DELETE RESTRICT,
      PRIMARY KEY ("field", "term", "tiebreak", "person_id")
    ) WITHOUT ROWID`,
    )
    await db.query(`CREATE INDEX "idx_person_search_term_person" ON "person_search_term" ("person_id")`)
    await ddl(
      db,
      `CREATE TABLE "guardianship" (
      "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
      "guardian_id" integer NOT NULL REFERENCES "person" ("id") ON DELETE RESTRICT,
      "participant_id" integer NOT NULL REFERENCES "person" ("id") ON DELETE RESTRICT,
      "relation" varchar(20) NOT NULL,
      "primary_contact" boolean NOT NULL,
      "may_pick_up" boolean NOT NULL,
      "created_at" varchar(30) NOT NULL,
      UNIQUE ("guardian_id", "participant_id"),
      CHECK ("guardian_id" <> "participant_id")
    )`,
    )
    await db.query(`CREATE INDEX "idx_guardianship_participant" ON "guardianship" ("participant_id")`)
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "guardianship"`)
    await db.query(`DROP TABLE "person_search_term"`)
    await db.query(`DROP TABLE "person"`)
  }
}
