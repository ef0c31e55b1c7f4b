import type { TestProject } from 'vitest/node'
import { asAdmin, startThrowawayCluster } from '../../scripts/postgres/throwawayCluster'
import { createCentreDatabase, grantDeskRole } from '../../scripts/postgres/centreRoles'
import { connectServer, migrateServer } from '../../src/main/database/postgresServer'
import { TEMPLATE_DATABASE, TEST_ROLES, type TestServer } from './testServer'

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: TestServer
  }
}

/**
 * One throw-away cluster for the PostgreSQL half of the suite: a template database migrated
 * by the owner role, from which every test backend gets a fresh copy in milliseconds.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startThrowawayCluster()
  try {
    await asAdmin(cluster, 'postgres', (admin) => createCentreDatabase(admin, TEMPLATE_DATABASE, TEST_ROLES))
    await asAdmin(cluster, TEMPLATE_DATABASE, (centre) => grantDeskRole(centre, TEST_ROLES))
    const source = await connectServer({
      host: cluster.host,
      port: cluster.port,
      database: TEMPLATE_DATABASE,
      ...TEST_ROLES.owner,
      tls: 'disable',
    })
    await migrateServer(source)
    await source.destroy()
  } catch (error) {
    await cluster.stop()
    throw error
  }
  project.provide('postgres', { host: cluster.host, port: cluster.port, admin: cluster.admin })
  return () => cluster.stop()
}
