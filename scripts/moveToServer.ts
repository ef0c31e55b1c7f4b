/**
 * `npm run move-to-server -- <postgres-url> [--data-dir <dir>]`: copies a centre's file into an
 * empty PostgreSQL database (run as the centre's owner role), checks the copy table by table and
 * prints what it moved. The file is only read. Close every desk that uses the file first: what
 * they write afterwards stays in the file. The password comes from the URL or FRONTDESK_DB_PASSWORD.
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { dataFiles } from '../src/main/backend'
import { defaultUserDataDir } from '../src/main/dataDir'
import { moveToServer } from '../src/main/database/moveToServer'
import { describeServer, parseServerUrl } from '../src/main/database/serverUrl'
import { explainRefusal } from './serverProblems'

const USAGE =
  'Usage: npm run move-to-server -- postgres://owner@host:5432/database [--data-dir <dir>] [--allow-superuser]'

/** `--name value` or `--name=value`. */
function option(argv: string[], name: string): string | undefined {
  const at = argv.indexOf(name)
  if (at >= 0) return argv[at + 1]
  return argv.find((arg) => arg.startsWith(`${name}=`))?.slice(name.length + 1)
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2)
  const url = argv.find((arg) => /^postgres(ql)?:\/\//.test(arg))
  if (!url) {
    console.error(USAGE)
    return 2
  }
  const target = { ...parseServerUrl(url), allowSuperuser: argv.includes('--allow-superuser') }
  const dataDir = resolve(option(argv, '--data-dir') ?? process.env.FRONTDESK_DATA_DIR ?? defaultUserDataDir())
  const { file } = dataFiles(dataDir)
  if (!existsSync(file)) {
    console.error(`No centre file in ${dataDir} (${file}); name the folder with --data-dir.`)
    return 1
  }
  console.log(`Moving ${file} to ${describeServer(target)} …`)
  const started = Date.now()
  const moved = await moveToServer(file, target, {
    staffUserId: null,
    staffName: 'Administrator (command line)',
    at: new Date().toISOString(),
  })
  const width = Math.max(...Object.keys(moved.copiedRows).map((table) => table.length))
  for (const [table, rows] of Object.entries(moved.copiedRows)) {
    console.log(`  ${table.padEnd(width)}  ${String(rows).padStart(9)} rows  sha256 ${moved.checksums[table]}`)
  }
  const total = Object.values(moved.copiedRows).reduce((sum, rows) => sum + rows, 0)
  console.log(`${total} rows moved and checked in ${((Date.now() - started) / 1000).toFixed(1)} s.`)
  console.log('The file was left as it was. Point every desk at the server (Settings → Database).')
  return 0
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`Not moved. ${explainRefusal(error) ?? (error instanceof Error ? error.message : String(error))}`)
    process.exitCode = 1
  },
)
