import type { CommandName, InputOf, OutputOf } from '../../shared/contract'
import type { Result } from '../../shared/errors'
import type { Router } from '../core/router'
import type { Caller } from '../core/session'
import { demoOrganisation } from './organisation'
import { demoUnits } from './units'

/** Printed by `npm run demo`: a demo is meant to be opened at once. */
export const DEMO_ADMINISTRATOR = { displayName: 'Jana Nováková', username: 'demo', password: 'jablicko-demo' }

export type DemoOutcome = 'loaded' | 'already-loaded' | 'belongs-to-another-centre'

/**
 * Fills an installation with the demo centre through the router, so every step is
 * validated and audited like a desk's: its administrator, its units and its organisation.
 * People and guardianships from generateDataset() join here once their tables exist.
 */
export async function loadDemoCentre(
  router: Router,
  caller: Caller,
  options: { force: boolean },
): Promise<DemoOutcome> {
  const send = async <N extends CommandName>(name: N, input: InputOf<N>): Promise<OutputOf<N>> =>
    unwrap(await router.call(name, input, caller))
  const demo = demoOrganisation()
  const current = await send('settings/get-organisation', {})
  if ((Object.keys(demo) as (keyof typeof demo)[]).every((key) => current[key] === demo[key])) return 'already-loaded'
  if (current.name !== '' && !options.force) return 'belongs-to-another-centre'

  const state = await send('auth/get-state', {})
  if (state.setupRequired) {
    await send('auth/set-up', { ...DEMO_ADMINISTRATOR, centreName: demo.name, language: demo.language })
    const ids = new Map<string, number>()
    for (const unit of demoUnits()) {
      if (unit.parentKey === null) ids.set(unit.key, (await send('units/list', {}))[0].id)
      else ids.set(unit.key, (await send('units/create', { name: unit.name, parentId: ids.get(unit.parentKey)! })).id)
    }
  }
  const { version } = await send('settings/get-organisation', {})
  await send('settings/update-organisation', { ...demo, expectedVersion: version })
  return 'loaded'
}

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.data
}
