import type { ContextHandlers } from '../core/handler'
import { apply } from './apply'
import { decide } from './decide'
import { answerOffer, expireOffers, offerReturning, offerSeat, undoApproval } from './offers'
import { queue } from './queue'
import { history, listForActivity, listForPerson } from './reads'
import { moveInWaitlist } from './waitlist'
import { withdraw } from './withdraw'

export const enrolmentsHandlers: ContextHandlers<'enrolments'> = {
  'enrolments/apply': apply,
  'enrolments/decide': decide,
  'enrolments/withdraw': withdraw,
  'enrolments/undo-approval': undoApproval,
  'enrolments/offer-seat': offerSeat,
  'enrolments/answer-offer': answerOffer,
  'enrolments/move-in-waitlist': moveInWaitlist,
  'enrolments/offer-returning': offerReturning,
  'enrolments/expire-offers': expireOffers,
  'enrolments/list-for-activity': listForActivity,
  'enrolments/list-for-person': listForPerson,
  'enrolments/history': history,
  'enrolments/queue': queue,
}
