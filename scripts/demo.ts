/**
 * `npm run demo [-- --data-dir=PATH] [--force]`: fills a Frontdesk data folder with the demo
 * centre through the router, so the change is validated and audited like a desk's.
 * Running it again changes nothing; it refuses to overwrite a real centre's settings without --force.
 */
import { resolve } from 'node:path'
import { startBackend } from '../src/main/backend'
import { localToolOperator } from '../src/main/core/session'
import type { Caller } from '../src/main/core/session'
import { resolveDataDir } from '../src/main/dataDir'
import { demoOrganisation } from '../src/main/demo/organisation'
import { defaultUserDataDir } from '../src/main/dataDir'
import type { Result } from '../src/shared/errors'

const CALLER: Caller = { transport: 'direct', key: 'demo' }

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.data
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2)
  const dataDir = resolve(resolveDataDir(argv, process.env, defaultUserDataDir()))
  const backend = await startBackend({ dataDir, sessions: localToolOperator('Demo loader') })
  try {
    const demo = demoOrganisation()
    const current = unwrap(await backend.router.call('settings/get-organisation', {}, CALLER))
    const same = (Object.keys(demo) as (keyof typeof demo)[]).every((key) => current[key] === demo[key])
    if (same) {
      console.log(`The demo centre is already loaded in ${dataDir}`)
      return 0
    }
    if (current.name !== '' && !argv.includes('--force')) {
      console.error(
        `${dataDir} already belongs to "${current.name}"; add --force to replace its settings with the demo centre.`,
      )
      return 1
    }
    unwrap(await backend.router.call('settings/update-organisation', demo, CALLER))
    console.log(`Demo centre "${demo.name}" loaded into ${dataDir}`)
    return 0
  } finally {
    await backend.close()
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error)
    process.exitCode = 1
  },
)
