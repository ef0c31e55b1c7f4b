import type { RegisteredScenario } from '../scenario'
import { auditTrailScenario } from './auditTrail'
import { generateDatasetScenario } from './generateDataset'
import { getOrganisationScenario } from './getOrganisation'
import { registerListScenarios } from './peopleList'
import { openPersonScenario } from './peopleOpen'
import { peopleSearchScenarios } from './peopleSearch'
import { updateOrganisationScenario } from './updateOrganisation'

/** Listed explicitly, in the order they run; a new figure is one import and one entry here. */
export const scenarios: readonly RegisteredScenario[] = [
  generateDatasetScenario,
  getOrganisationScenario,
  updateOrganisationScenario,
  auditTrailScenario,
  openPersonScenario,
  ...peopleSearchScenarios,
  ...registerListScenarios,
]
