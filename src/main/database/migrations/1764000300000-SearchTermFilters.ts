import type { MigrationInterface, QueryRunner } from 'typeorm'
import { ddl } from './portable'

/**
 * Search terms carry their person's unit and archiving, kept in step by every write of the
 * person: the total of a register search is then counted from the term index alone, without
 * looking up each of thousands of matches (erased people have no terms, so no copy of that).
 */
export class SearchTermFilters1764000300000 implements MigrationInterface {
  name = 'SearchTermFilters1764000300000'

  async up(db: QueryRunner): Promise<void> {
    await ddl(db, `ALTER TABLE "person_search_term" ADD COLUMN "unit_id" integer`)
    await ddl(db, `ALTER TABLE "person_search_term" ADD COLUMN "archived_at" varchar(30)`)
    await db.query(
      `UPDATE "person_search_term" SET
         "unit_id" = (SELECT "unit_id" FROM "person" WHERE "person"."id" = "person_search_term"."person_id"),
         "archived_at" = (SELECT "archived_at" FROM "person" WHERE "person"."id" = "person_search_term"."person_id")`,
    )
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "person_search_term" DROP COLUMN "archived_at"`)
    await db.query(`ALTER TABLE "person_search_term" DROP COLUMN "unit_id"`)
  }
}
