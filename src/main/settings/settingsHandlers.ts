import type { ContextHandlers } from '../core/handler'
import { readOrganisation, writeOrganisation } from './organisationSettings'
import { readSecurity, writeSecurity } from './securitySettings'

export const settingsHandlers: ContextHandlers<'settings'> = {
  'settings/get-organisation': (_input, { em }) => readOrganisation(em),

  'settings/update-organisation': async ({ expectedVersion, ...input }, { em, authorizeCentre, audit, now }) => {
    await authorizeCentre('settings.admin')
    const before = await readOrganisation(em)
    const changed = (Object.keys(input) as (keyof typeof input)[]).filter((key) => input[key] !== before[key])
    audit.target = 'organisation'
    audit.summary = changed.length ? `Changed ${changed.join(', ')}` : 'Saved without changes'
    return writeOrganisation(em, input, expectedVersion, now)
  },

  'settings/get-security': (_input, { em }) => readSecurity(em),

  'settings/update-security': async ({ expectedVersion, ...input }, { em, authorizeCentre, audit, now }) => {
    await authorizeCentre('settings.admin')
    audit.target = 'security'
    audit.summary = `Auto-lock after ${input.autoLockMinutes} min`
    return writeSecurity(em, input, expectedVersion, now)
  },
}
