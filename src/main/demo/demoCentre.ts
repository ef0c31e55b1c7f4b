import type { EntityManager } from 'typeorm'
import { writeOrganisation } from '../settings/organisationSettings'
import { demoOrganisation } from './organisation'

/** Fills a fresh installation with the demo centre, inside the caller's transaction. */
export async function loadDemoCentre(em: EntityManager, now: Date): Promise<void> {
  await writeOrganisation(em, demoOrganisation(), now)
  // Units, people and guardianships from generateDataset() are written here once their tables exist (People issue).
}
