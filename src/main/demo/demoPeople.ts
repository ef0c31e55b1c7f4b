import type { PersonInputData } from '../../shared/contract/people'
import type { Database } from '../database/database'
import { AuditEntrySchema } from '../audit/auditEntry'
import { importPeople, type ImportedGuardianship } from '../people/bulkImport'
import { EMPTY_BILLING } from '../people/personMapping'
import type { DemoDataset, DemoPerson } from './dataset'

const SCHOOL_CLASSES = ['1.A', '2.B', '3.A', '4.C', '5.A', '6.B', '7.A', '8.B', '9.A']

/** A demo person as the form would send them; membership and school follow from the age, stably. */
function personInput(person: DemoPerson, index: number, unitId: number, today: string): PersonInputData {
  const age = Number(today.slice(0, 4)) - Number(person.birthDate.slice(0, 4))
  const child = person.role === 'participant'
  return {
    unitId,
    firstName: person.firstName,
    lastName: person.lastName,
    birthDate: person.birthDate,
    sex: person.sex,
    school: child && age >= 6 ? `ZŠ ${person.address.city}` : '',
    schoolClass: child && age >= 6 && age <= 15 ? SCHOOL_CLASSES[Math.min(age - 6, 8)] : '',
    photoConsent: index % 5 !== 0,
    member: child && index % 4 !== 0,
    memberUntil: child && index % 4 !== 0 ? `${today.slice(0, 4)}-12-31` : null,
    notes: '',
    contacts: {
      email: person.email,
      phones: person.phone ? [person.phone] : [],
      address: person.address,
      healthNotes: child && index % 17 === 0 ? 'Astma, inhalátor v batohu' : '',
      dietaryNotes: child && index % 13 === 0 ? 'Bezlepková dieta' : '',
      billing: EMPTY_BILLING,
    },
  }
}

/**
 * Puts the data set's people and families into the register in one transaction with one
 * audit row. Units are matched by name to the centre that loadDemoCentre created.
 */
export async function loadDemoPeople(database: Database, dataset: DemoDataset, now = new Date()): Promise<number> {
  const today = now.toISOString().slice(0, 10)
  return database.dataSource.transaction(async (em) => {
    const [{ count }]: { count: number }[] = await em.query('SELECT CAST(COUNT(*) AS integer) AS "count" FROM person')
    if (count > 0) return 0
    const units: { id: number; name: string }[] = await em.query('SELECT id, name FROM unit ORDER BY id')
    const unitIds = new Map(dataset.units.map((unit) => [unit.key, units.find((u) => u.name === unit.name)?.id]))
    const rootId = units[0].id
    const people = dataset.people.map((person, index) =>
      personInput(person, index, unitIds.get(person.unitKey) ?? rootId, today),
    )
    const guardianships: ImportedGuardianship[] = dataset.guardianships.map((link) => ({
      guardian: link.guardianIndex,
      participant: link.participantIndex,
      relation: link.relation === 'grandmother' || link.relation === 'grandfather' ? 'grandparent' : link.relation,
      primaryContact: link.primaryContact,
      mayPickUp: link.mayPickUp,
    }))
    await importPeople(em, people, guardianships, now)
    await em.insert(AuditEntrySchema, {
      at: now.toISOString(),
      staffUserId: null,
      staffName: 'Demo loader',
      command: 'demo/load-people',
      target: null,
      summary: `Loaded ${people.length} demo people and ${guardianships.length} family links`,
    })
    return people.length
  })
}
