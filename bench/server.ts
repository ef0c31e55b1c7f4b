import { createCentreDatabase, grantDeskRole, type CentreRoles } from '../scripts/postgres/centreRoles'
import { asAdmin, startThrowawayCluster, whyNoPostgres } from '../scripts/postgres/throwawayCluster'
import { connectServer, migrateServer, type ServerTarget } from '../src/main/database/postgresServer'

const DATABASE = 'frontdesk_bench'
const ROLES: CentreRoles = {
  owner: { user: 'frontdesk_owner', password: 'bench-owner' },
  desk: { user: 'frontdesk_desk', password: 'bench-desk' },
}

export interface BenchServer {
  /** How the benchmarked desk connects: the desk role, as a real desk does. */
  desk: ServerTarget
  /** The planner's statistics gathered now, as autovacuum would within a minute of a bulk load (owner only). */
  analyze(): Promise<void>
  stop(): Promise<void>
}

/**
 * A throw-away PostgreSQL cluster for one run: the centre's database owned and migrated by the
 * owner role, rows granted to the desk role. Removed by `stop`. Throws with the reason when
 * no PostgreSQL can be started here.
 */
export async function startBenchServer(): Promise<BenchServer> {
  const why = whyNoPostgres()
  if (why) throw new Error(why)
  const cluster = await startThrowawayCluster()
  try {
    await asAdmin(cluster, 'postgres', (admin) => createCentreDatabase(admin, DATABASE, ROLES))
    await asAdmin(cluster, DATABASE, (centre) => grantDeskRole(centre, ROLES))
    const base = { host: cluster.host, port: cluster.port, database: DATABASE, tls: 'disable' as const }
    const owner = await connectServer({ ...base, ...ROLES.owner })
    try {
      await migrateServer(owner)
    } finally {
      await owner.destroy()
    }
    return {
      desk: { ...base, ...ROLES.desk },
      analyze: () => asAdmin(cluster, DATABASE, async (centre) => void (await centre.query('ANALYZE'))),
      stop: () => cluster.stop(),
    }
  } catch (error) {
    await cluster.stop()
    throw error
  }
}
