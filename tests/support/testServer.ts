import { randomBytes } from 'node:crypto'
import { inject } from 'vitest'
import type { ServerTarget } from '../../src/main/database/postgresServer'
import type { CentreRoles } from '../../scripts/postgres/centreRoles'
import { asAdmin } from '../../scripts/postgres/throwawayCluster'

/** The throw-away cluster the global setup started, as tests reach it. */
export interface TestServer {
  host: string
  port: number
  admin: { user: string; password: string }
}

export const TEMPLATE_DATABASE = 'frontdesk_template'
export const TEST_ROLES: CentreRoles = {
  owner: { user: 'frontdesk_owner', password: 'owner-secret' },
  desk: { user: 'frontdesk_desk', password: 'desk-secret' },
}

/** Which engine this run of the backend suite is on (one vitest project per engine). */
export const testEngine: 'sqlite' | 'postgres' =
  process.env.FRONTDESK_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite'

export function testServer(): TestServer {
  return inject('postgres')
}

export interface ServerDatabase {
  name: string
  /** How a desk connects: the desk role, which cannot change the schema. */
  desk: ServerTarget
  /** How the owner connects (migrations, moving a centre in). */
  owner: ServerTarget
  drop(): Promise<void>
}

/** A fresh database: a copy of the migrated template, or an empty one owned by the owner role. */
export async function createServerDatabase(
  options: { empty?: boolean; copyOf?: string } = {},
): Promise<ServerDatabase> {
  const server = testServer()
  const name = `t_${process.pid}_${randomBytes(6).toString('hex')}`
  await asAdmin(server, 'postgres', async (admin) => {
    const template = options.empty ? 'template0' : (options.copyOf ?? TEMPLATE_DATABASE)
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}" OWNER "${TEST_ROLES.owner.user}"`)
  })
  if (options.empty) {
    const { grantDeskRole } = await import('../../scripts/postgres/centreRoles')
    await asAdmin(server, name, (centre) => grantDeskRole(centre, TEST_ROLES))
  }
  const base = { host: server.host, port: server.port, database: name, tls: 'disable' as const }
  return {
    name,
    desk: { ...base, ...TEST_ROLES.desk },
    owner: { ...base, ...TEST_ROLES.owner },
    drop: () =>
      asAdmin(server, 'postgres', async (admin) => {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      }),
  }
}
