import type { ContextHandlers } from '../core/handler'
import { readOrganisation, writeOrganisation } from './organisationSettings'

export const settingsHandlers: ContextHandlers<'settings'> = {
  'settings/get-organisation': (_input, { em }) => readOrganisation(em),

  'settings/update-organisation': async (input, { em, audit, now }) => {
    const before = await readOrganisation(em)
    const changed = (Object.keys(input) as (keyof typeof input)[]).filter((key) => input[key] !== before[key])
    audit.target = 'organisation'
    audit.summary = changed.length ? `Changed ${changed.join(', ')}` : 'Saved without changes'
    return writeOrganisation(em, input, now)
  },
}
