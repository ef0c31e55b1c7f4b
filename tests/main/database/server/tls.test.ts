import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCentreDatabase, grantDeskRole } from '../../../../scripts/postgres/centreRoles'
import { createCertificateAuthority } from '../../../../scripts/postgres/tlsCertificates'
import { asAdmin, startThrowawayCluster, type ThrowawayCluster } from '../../../../scripts/postgres/throwawayCluster'
import { Database } from '../../../../src/main/database/database'
import {
  connectServer,
  migrateServer,
  ServerRefused,
  type ServerTarget,
} from '../../../../src/main/database/postgresServer'
import type { ServerProblem } from '../../../../src/shared/contract/databaseServer'
import { recordingLogger } from '../../../support/backend'
import { TEST_ROLES, testEngine } from '../../../support/testServer'

const DATABASE = 'frontdesk_tls'

/** Whether the desk's own connection is encrypted, as the server sees it. */
async function encrypted(target: ServerTarget): Promise<boolean> {
  const database = await Database.open({ engine: 'postgres', server: target }, recordingLogger())
  try {
    const [{ ssl }]: { ssl: boolean }[] = await database.readManager.query(
      'SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()',
    )
    return ssl
  } finally {
    await database.close()
  }
}

async function problemConnecting(target: ServerTarget): Promise<ServerProblem> {
  const error = await connectServer(target).then(
    async (source) => {
      await source.destroy()
      return null
    },
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(ServerRefused)
  return (error as ServerRefused).problem
}

// A cluster of its own that demands TLS, started by this file; it needs PostgreSQL binaries,
// which the postgres project guarantees. TLS is a server's mechanism: SQLite has none.
describe.skipIf(testEngine !== 'postgres')('TLS to a server that demands it', () => {
  let cluster: ThrowawayCluster
  let desk: ServerTarget

  beforeAll(async () => {
    cluster = await startThrowawayCluster({ tls: true })
    await asAdmin(cluster, 'postgres', (admin) => createCentreDatabase(admin, DATABASE, TEST_ROLES))
    await asAdmin(cluster, DATABASE, (centre) => grantDeskRole(centre, TEST_ROLES))
    const base = { host: cluster.host, port: cluster.port, database: DATABASE }
    const caCertificate = cluster.tls?.caCertificate
    const owner = await connectServer({ ...base, ...TEST_ROLES.owner, tls: 'verify-full', caCertificate })
    await migrateServer(owner)
    await owner.destroy()
    desk = { ...base, ...TEST_ROLES.desk, tls: 'verify-full', caCertificate }
  })

  afterAll(() => cluster?.stop())

  it('require: an encrypted connection, without checking the certificate', async () => {
    expect(await encrypted({ ...desk, tls: 'require', caCertificate: undefined })).toBe(true)
  })

  it('verify-full with the centre’s CA, by address and by host name', async () => {
    expect(await encrypted(desk)).toBe(true)
    expect(await encrypted({ ...desk, host: 'localhost' })).toBe(true)
  })

  it('verify-full refuses a certificate from another CA', async () => {
    const stranger = createCertificateAuthority('Someone else')
    expect(await problemConnecting({ ...desk, caCertificate: stranger.certificate })).toBe('tls_failed')
  })

  it('verify-full refuses a certificate no trusted CA signed (the system’s authorities do not know this one)', async () => {
    expect(await problemConnecting({ ...desk, caCertificate: undefined })).toBe('tls_failed')
  })

  it('verify-full refuses a server whose certificate names another host', async () => {
    // 127.0.0.2 is the same server, but its certificate names only localhost and 127.0.0.1.
    expect(await encrypted({ ...desk, host: '127.0.0.2', tls: 'require' })).toBe(true)
    expect(await problemConnecting({ ...desk, host: '127.0.0.2' })).toBe('tls_failed')
  })

  it('without TLS, a server that admits only TLS connections is refused as a TLS problem', async () => {
    const refused = await connectServer({ ...desk, tls: 'disable' }).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(ServerRefused)
    expect((refused as ServerRefused).problem).toBe('tls_failed')
    expect((refused as ServerRefused).message).toMatch(/pg_hba\.conf/)
  })

  it('no refused attempt left a connection behind', async () => {
    const sessions = await asAdmin(cluster, 'postgres', async (admin) => {
      const { rows } = await admin.query<{ n: number }>(
        'SELECT CAST(COUNT(*) AS integer) AS n FROM pg_stat_activity WHERE datname = $1',
        [DATABASE],
      )
      return rows[0].n
    })
    expect(sessions).toBe(0)
  })
})
