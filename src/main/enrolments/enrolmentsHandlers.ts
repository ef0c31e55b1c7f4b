import { AppError } from '../../shared/errors'
import type { ContextHandlers } from '../core/handler'

// Foundation placeholder: each command is built by its own change; until then it refuses plainly.
const notBuilt = () => Promise.reject(new AppError('INTERNAL', 'Not built yet'))

export const enrolmentsHandlers: ContextHandlers<'enrolments'> = {
  'enrolments/apply': notBuilt,
  'enrolments/decide': notBuilt,
  'enrolments/withdraw': notBuilt,
  'enrolments/undo-approval': notBuilt,
  'enrolments/offer-seat': notBuilt,
  'enrolments/answer-offer': notBuilt,
  'enrolments/move-in-waitlist': notBuilt,
  'enrolments/offer-returning': notBuilt,
  'enrolments/expire-offers': notBuilt,
  'enrolments/list-for-activity': notBuilt,
  'enrolments/list-for-person': notBuilt,
  'enrolments/history': notBuilt,
  'enrolments/queue': notBuilt,
}
