/**
 * `npm run demo [-- --data-dir=PATH] [--force] [--people=N]`: fills a Frontdesk data folder with
 * the demo centre through the router, so every change is validated and audited like a desk's,
 * and N generated people with their families (2 000 by default) in one audited import.
 * Running it again changes nothing; it refuses to overwrite a real centre's settings without --force.
 */
import { resolve } from 'node:path'
import { startBackend } from '../src/main/backend'
import { localToolOperator } from '../src/main/core/session'
import { defaultUserDataDir, resolveDataDir } from '../src/main/dataDir'
import { generateDataset } from '../src/main/demo/dataset'
import { DEMO_ADMINISTRATOR, loadDemoCentre } from '../src/main/demo/demoCentre'
import { loadDemoPeople } from '../src/main/demo/demoPeople'

async function main(): Promise<number> {
  const argv = process.argv.slice(2)
  const dataDir = resolve(resolveDataDir(argv, process.env, defaultUserDataDir()))
  const backend = await startBackend({ dataDir, sessions: localToolOperator('Demo loader') })
  try {
    const outcome = await loadDemoCentre(
      backend.router,
      { transport: 'direct', key: 'demo' },
      { force: argv.includes('--force') },
    )
    if (outcome === 'belongs-to-another-centre') {
      console.error(
        `${dataDir} already belongs to another centre; add --force to replace its settings with the demo centre.`,
      )
      return 1
    }
    console.log(
      outcome === 'loaded' ? `Demo centre loaded into ${dataDir}` : `The demo centre is already in ${dataDir}`,
    )
    const count = Number(argv.find((arg) => arg.startsWith('--people='))?.slice('--people='.length) ?? 2000)
    const loaded = await loadDemoPeople(backend.database, generateDataset({ people: count, seed: 2026 }))
    if (loaded > 0) console.log(`${loaded} people with their families added to the register.`)
    console.log(`Sign in as "${DEMO_ADMINISTRATOR.username}" with the password "${DEMO_ADMINISTRATOR.password}".`)
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
