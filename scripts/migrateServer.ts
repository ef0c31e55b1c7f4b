/**
 * `npm run migrate-server -- <postgres-url> [--allow-superuser]`: the centre's owner role brings
 * the server database to this version's schema (under the same advisory lock the desks take),
 * so desks can run as a role that may not change the schema.
 */
import { connectServer, migrateServer, userTables } from '../src/main/database/postgresServer'
import { describeServer, parseServerUrl } from '../src/main/database/serverUrl'
import { explainRefusal } from './serverProblems'

async function main(): Promise<number> {
  const argv = process.argv.slice(2)
  const url = argv.find((arg) => /^postgres(ql)?:\/\//.test(arg))
  if (!url) {
    console.error('Usage: npm run migrate-server -- postgres://owner@host:5432/database [--allow-superuser]')
    return 2
  }
  const target = { ...parseServerUrl(url), allowSuperuser: argv.includes('--allow-superuser') }
  const source = await connectServer(target)
  try {
    const before = (await userTables(source)).includes('migrations')
      ? Number((await source.query('SELECT COUNT(*) AS n FROM migrations'))[0].n)
      : 0
    await migrateServer(source)
    const done: { name: string }[] = await source.query('SELECT name FROM migrations ORDER BY id')
    console.log(`${describeServer(target)}: ${done.length - before} migrations applied, ${done.length} in place.`)
    for (const { name } of done) console.log(`  ${name}`)
    return 0
  } finally {
    await source.destroy()
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`Not migrated. ${explainRefusal(error) ?? (error instanceof Error ? error.message : String(error))}`)
    process.exitCode = 1
  },
)
