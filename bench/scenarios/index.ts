import type { RegisteredScenario } from '../scenario'
import { activityListScenario } from './activitiesList'
import { auditTrailScenario } from './auditTrail'
import { clubSessionsScenario } from './clubSessions'
import { enrolmentDecideScenario } from './enrolmentsDecide'
import { enrolmentQueueScenario } from './enrolmentsQueue'
import { generateDatasetScenario } from './generateDataset'
import { getOrganisationScenario } from './getOrganisation'
import { registerListScenarios } from './peopleList'
import { openPersonScenario } from './peopleOpen'
import { peopleSearchScenarios } from './peopleSearch'
import { planSchoolYearScenario } from './planSchoolYear'
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
  // Issue 10: the school year's activities and enrolments over the same register.
  activityListScenario,
  enrolmentQueueScenario,
  enrolmentDecideScenario,
  clubSessionsScenario,
  planSchoolYearScenario,
]
