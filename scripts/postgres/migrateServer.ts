/**
 * `npm run migrate-server -- postgres://owner@host:5432/centre[?sslmode=…]`, with the owner's
 * password in FRONTDESK_DB_PASSWORD: runs the pending migrations of a centre's server database
 * as its owner role, under the same advisory lock and checks as a desk's start. Desks connect
 * as a role that may not change the schema, so after an update this is how the schema moves on.
 */
import {
  connectServer,
  migrateServer,
  ServerRefused,
  serverTargetFromUrl,
} from '../../src/main/database/postgresServer'
import { PASSWORD_VARIABLE } from '../../src/main/system/deskDatabaseConfig'

async function main(): Promise<number> {
  const url = process.argv.slice(2).find((argument) => !argument.startsWith('--'))
  if (!url) {
    console.error('Usage: npm run migrate-server -- postgres://OWNER@HOST:PORT/DATABASE[?sslmode=require]')
    console.error(`The owner's password is read from ${PASSWORD_VARIABLE}.`)
    return 2
  }
  const target = serverTargetFromUrl(url, process.env[PASSWORD_VARIABLE] ?? '')
  // Not as a superuser: the tables must belong to the owner role, whose grants give desks their rows.
  const source = await connectServer(target)
  try {
    const before = await source.query('SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_name = $1', [
      'migrations',
    ])
    await migrateServer(source)
    const done: { name: string }[] = await source.query('SELECT name FROM migrations ORDER BY id')
    console.log(
      `${target.database} on ${target.host}: ${done.length} migrations applied` +
        (Number(before[0].n) === 0 ? ' (a new centre database)' : ''),
    )
    return 0
  } finally {
    await source.destroy()
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ServerRefused ? `Refused (${error.problem}): ${error.message}` : error)
    process.exit(1)
  },
)
