import type pg from 'pg'
import { asAdmin } from '../../../../scripts/postgres/throwawayCluster'
import { testServer } from '../../../support/testServer'

/** Backends connected to one database, seen from the cluster's superuser (its own session left out). */
export function sessionsOn(database: string): Promise<number> {
  return asAdmin(testServer(), 'postgres', async (admin) => {
    const { rows } = await admin.query<{ n: number }>(
      'SELECT CAST(COUNT(*) AS integer) AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [database],
    )
    return rows[0].n
  })
}

/** A closed connection's backend exits a moment later: waits for it, and answers how many stay. */
export async function sessionsLeftOn(database: string, waitMs = 3000): Promise<number> {
  const deadline = Date.now() + waitMs
  for (;;) {
    const sessions = await sessionsOn(database)
    if (sessions === 0 || Date.now() > deadline) return sessions
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** Rows of a query as the cluster's superuser, in one database. */
export function adminQuery<T extends object>(database: string, sql: string, parameters: unknown[] = []): Promise<T[]> {
  return asAdmin(
    testServer(),
    database,
    async (admin) => (await admin.query<T & pg.QueryResultRow>(sql, parameters)).rows,
  )
}
