import type { EntityManager } from 'typeorm'
import { engineOf } from '../database/engines'

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
  return engineOf(em).referencesTo(em, 'person')
}
