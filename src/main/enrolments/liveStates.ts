import { LIVE_ENROLMENT_STATES } from '../../shared/contract/enrolments'

/** The states that hold a person's place in an activity (one live enrolment per person and activity). */
export const LIVE_STATES: readonly string[] = LIVE_ENROLMENT_STATES
