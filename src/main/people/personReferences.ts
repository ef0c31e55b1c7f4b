import type { EntityManager } from 'typeorm'

export interface PersonReference {
  table: string
  column: string
}

/**
 * Every column in the schema that points at a person, read from the database's own foreign
 * keys: a table added by a later migration (enrolments, ledger, receipts …) is found without
 * anyone remembering to list it.
 */
export async function personReferences(em: EntityManager): Promise<PersonReference[]> {
  return em.query(
    `SELECT m.name AS "table", f."from" AS "column"
     FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f
     WHERE m.type = 'table' AND f."table" = 'person'
     ORDER BY m.name, f."from"`,
  )
}
