import { AppError } from '../../shared/errors'
import type { ContextHandlers } from '../core/handler'

// Foundation placeholder: each command is built by its own change; until then it refuses plainly.
const notBuilt = () => Promise.reject(new AppError('INTERNAL', 'Not built yet'))

export const activitiesHandlers: ContextHandlers<'activities'> = {
  'activities/list-places': notBuilt,
  'activities/create-place': notBuilt,
  'activities/update-place': notBuilt,
  'activities/list': notBuilt,
  'activities/get': notBuilt,
  'activities/check-clashes': notBuilt,
  'activities/create': notBuilt,
  'activities/update': notBuilt,
  'activities/publish': notBuilt,
  'activities/finish': notBuilt,
  'activities/cancel': notBuilt,
  'activities/delete': notBuilt,
  'activities/copy-to-year': notBuilt,
  'activities/list-sessions': notBuilt,
  'activities/regenerate-sessions': notBuilt,
  'activities/cancel-session': notBuilt,
  'activities/move-session': notBuilt,
  'activities/add-session': notBuilt,
}
