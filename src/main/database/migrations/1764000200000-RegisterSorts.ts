import type { MigrationInterface, QueryRunner } from 'typeorm'
import { fold } from '../../../shared/text/fold'
import { phoneTerms } from '../../people/phoneNumbers'

const SORT_LOCALES = ['en', 'cs', 'sk', 'hu', 'pl']
const PHONE_FIELD = 4

/**
 * Indexes behind the register's column sorts, each carrying the filter columns so a page is
 * an index walk from a key: by birth date (then id), and by unit (then name in each language).
 * Phone numbers also get the search terms of their national and trunk-prefixed forms.
 */
export class RegisterSorts1764000200000 implements MigrationInterface {
  name = 'RegisterSorts1764000200000'

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX "idx_person_birth_sort" ON "person"
        ("birth_date", "id", "anonymised_at", "archived_at", "unit_id", "member", "member_until")`,
    )
    for (const locale of SORT_LOCALES) {
      await db.query(
        `CREATE INDEX "idx_person_unit_sort_${locale}" ON "person" ("unit_id", "sort_${locale}", "id",
          "anonymised_at", "archived_at", "member", "member_until", "birth_date")`,
      )
    }
    // Rewritten from the stored numbers with today's rules; later rule changes bring their own migration.
    const people: { id: number; last_name: string; phones: string }[] = await db.query(
      `SELECT "id", "last_name", "phones" FROM "person" WHERE "phones" <> '[]' AND "anonymised_at" IS NULL`,
    )
    await db.query(`DELETE FROM "person_search_term" WHERE "field" = ${PHONE_FIELD}`)
    for (const person of people) {
      const terms = [...new Set((JSON.parse(person.phones) as string[]).flatMap(phoneTerms))]
      if (terms.length === 0) continue
      await db.query(
        `INSERT INTO "person_search_term" ("field", "term", "tiebreak", "person_id")
         VALUES ${terms.map(() => '(?, ?, ?, ?)').join(', ')}`,
        terms.flatMap((term) => [PHONE_FIELD, term, fold(person.last_name), person.id]),
      )
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const locale of SORT_LOCALES) await db.query(`DROP INDEX "idx_person_unit_sort_${locale}"`)
    await db.query(`DROP INDEX "idx_person_birth_sort"`)
  }
}
