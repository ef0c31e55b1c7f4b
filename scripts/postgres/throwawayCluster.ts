import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { createCertificateAuthority, createServerCertificate } from './tlsCertificates'

/**
 * A PostgreSQL cluster of its own for tests, benchmarks and the preview: created in a
 * temporary folder on a free loopback port from the machine's PostgreSQL binaries, and
 * removed afterwards. Never a long-lived shared server.
 */
export interface ThrowawayCluster {
  host: string
  port: number
  /** The superuser of the throw-away cluster (not what a desk connects as). */
  admin: { user: string; password: string }
  /** Stops the server and removes its data. */
  /** Started with `{ tls: true }`: the CA (PEM) that signed the server's certificate. */
  tls?: { caCertificate: string }
  stop(): Promise<void>
  /** Stops the server (fast shutdown: sessions are ended) and keeps its data, as an outage would. */
  halt(): Promise<void>
  /** Starts a halted server again on the same data folder and port. */
  restart(): Promise<void>
}

export interface ThrowawayClusterOptions {
  /**
   * TLS only (`hostssl` in pg_hba.conf): a CA and a server certificate for localhost and
   * 127.0.0.1, made with openssl into the cluster's folder. It also listens on 127.0.0.2,
   * an address of the same machine that the certificate does not name.
   */
  tls?: boolean
}

export const ADMIN_PASSWORD = 'throwaway-admin'

/** Where Debian (or PATH, or FRONTDESK_PG_BIN) keeps initdb and postgres; null when there is none. */
export function findPostgresBin(): string | null {
  const candidates: string[] = []
  if (process.env.FRONTDESK_PG_BIN) candidates.push(process.env.FRONTDESK_PG_BIN)
  const debian = '/usr/lib/postgresql'
  if (existsSync(debian)) {
    for (const version of readdirSync(debian).sort((a, b) => Number(b) - Number(a)))
      candidates.push(join(debian, version, 'bin'))
  }
  const pgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' })
  if (pgConfig.status === 0) candidates.push(pgConfig.stdout.trim())
  return candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres'))) ?? null
}

/** Why no cluster can be started here, or null when one can. */
export function whyNoPostgres(): string | null {
  if (!findPostgresBin()) return 'no PostgreSQL server binaries (initdb, postgres) found: apt-get install postgresql'
  if (process.getuid?.() === 0 && !unprivilegedUser())
    return 'running as root and no unprivileged user to run PostgreSQL as'
  return null
}

/** PostgreSQL refuses to run as root: as root, the cluster runs as this user. */
function unprivilegedUser(): string | null {
  for (const user of ['postgres', 'nobody']) {
    if (spawnSync('id', ['-u', user]).status === 0) return user
  }
  return null
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      )
    })
  })
}

function asUser(command: string, args: string[]): [string, string[]] {
  if (process.getuid?.() !== 0) return [command, args]
  return ['runuser', ['-u', unprivilegedUser() as string, '--', command, ...args]]
}

export async function startThrowawayCluster(options: ThrowawayClusterOptions = {}): Promise<ThrowawayCluster> {
  const bin = findPostgresBin()
  if (!bin) throw new Error(whyNoPostgres() ?? 'no PostgreSQL')
  const root = mkdtempSync(join(tmpdir(), 'frontdesk-pg-'))
  const dataDir = join(root, 'data')
  const pwFile = join(root, 'pw')
  writeFileSync(pwFile, ADMIN_PASSWORD)
  if (process.getuid?.() === 0) {
    const user = unprivilegedUser() as string
    const uid = Number(spawnSync('id', ['-u', user], { encoding: 'utf8' }).stdout)
    const gid = Number(spawnSync('id', ['-g', user], { encoding: 'utf8' }).stdout)
    chownSync(root, uid, gid)
    chownSync(pwFile, uid, gid)
  }
  chmodSync(root, 0o700)
  const [initCommand, initArgs] = asUser(join(bin, 'initdb'), [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--pwfile',
    pwFile,
    '-A',
    'scram-sha-256',
    '-E',
    'UTF8',
    '--locale',
    'C',
    '--no-sync',
    '--no-instructions',
  ])
  const init = spawnSync(initCommand, initArgs, { encoding: 'utf8' })
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`)
  const tls = options.tls ? requireTls(root, dataDir) : null
  const port = await freePort()
  const [command, args] = asUser(join(bin, 'postgres'), [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-k',
    root,
    '-c',
    'listen_addresses=127.0.0.1',
    // Throw-away data: durability settings off make a test database quick to create and fill.
    '-c',
    'fsync=off',
    '-c',
    'synchronous_commit=off',
    '-c',
    'full_page_writes=off',
    '-c',
    'max_connections=300',
    '-c',
    'shared_buffers=128MB',
    ...(tls?.settings ?? []),
  ])
  let log = ''
  const launch = () => {
    const started: ChildProcess = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] })
    started.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)))
    return started
  }
  let server = launch()
  const halt = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve))
      fastShutdown(server, dataDir)
      await exited
    }
  }
  const cluster: ThrowawayCluster = {
    host: '127.0.0.1',
    port,
    admin: { user: 'postgres', password: ADMIN_PASSWORD },
    ...(tls ? { tls: { caCertificate: tls.caCertificate } } : {}),
    async stop() {
      await halt()
      rmSync(root, { recursive: true, force: true })
    },
    halt,
    async restart() {
      await halt()
      server = launch()
      await waitUntilReady(cluster, () => (server.exitCode === null ? null : log))
    },
  }
  await waitUntilReady(cluster, () => (server.exitCode === null ? null : log))
  return cluster
}

/**
 * SIGINT asks the postmaster for a fast shutdown (sessions are ended, nothing is lost). As
 * root the child is runuser, which ignores SIGINT: signal the postmaster itself, by its pid file.
 */
function fastShutdown(server: ChildProcess, dataDir: string): void {
  const pidFile = join(dataDir, 'postmaster.pid')
  const postmaster =
    process.getuid?.() === 0 && existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : NaN
  if (Number.isInteger(postmaster) && postmaster > 0) process.kill(postmaster, 'SIGINT')
  else server.kill('SIGINT')
}

/** Certificates into the cluster's folder and pg_hba.conf admitting TLS connections only; the server settings. */
function requireTls(root: string, dataDir: string): { caCertificate: string; settings: string[] } {
  const ca = createCertificateAuthority()
  const server = createServerCertificate(ca, { dns: ['localhost'], ip: ['127.0.0.1'] })
  const certFile = join(root, 'server.crt')
  const keyFile = join(root, 'server.key')
  writeFileSync(certFile, server.certificate)
  // PostgreSQL refuses a key others can read, or one that is not its own.
  writeFileSync(keyFile, server.key, { mode: 0o600 })
  const user = process.getuid?.() === 0 ? unprivilegedUser() : null
  if (user) {
    const uid = Number(spawnSync('id', ['-u', user], { encoding: 'utf8' }).stdout)
    const gid = Number(spawnSync('id', ['-g', user], { encoding: 'utf8' }).stdout)
    for (const file of [certFile, keyFile]) chownSync(file, uid, gid)
  }
  writeFileSync(
    join(dataDir, 'pg_hba.conf'),
    'local all all scram-sha-256\nhostssl all all 127.0.0.0/8 scram-sha-256\n',
  )
  return {
    caCertificate: ca.certificate,
    settings: [
      '-c',
      'ssl=on',
      '-c',
      `ssl_cert_file=${certFile}`,
      '-c',
      `ssl_key_file=${keyFile}`,
      '-c',
      'listen_addresses=127.0.0.1,127.0.0.2',
    ],
  }
}

async function waitUntilReady(cluster: ThrowawayCluster, exited: () => string | null): Promise<void> {
  const deadline = Date.now() + 30_000
  for (;;) {
    const client = new pg.Client({ ...adminConnection(cluster), database: 'postgres' })
    try {
      await client.connect()
      await client.end()
      return
    } catch (error) {
      await client.end().catch(() => undefined)
      const log = exited()
      if (log !== null) throw new Error(`PostgreSQL exited: ${log}`)
      if (Date.now() > deadline) throw error
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
}

type ClusterAddress = Pick<ThrowawayCluster, 'host' | 'port' | 'admin'> & Partial<Pick<ThrowawayCluster, 'tls'>>

export function adminConnection(cluster: ClusterAddress): pg.ClientConfig {
  return {
    host: cluster.host,
    port: cluster.port,
    user: cluster.admin.user,
    password: cluster.admin.password,
    ...(cluster.tls ? { ssl: { ca: cluster.tls.caCertificate } } : {}),
  }
}

/** Runs statements as the cluster's superuser in one database. */
export async function asAdmin<T>(
  cluster: ClusterAddress,
  database: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ ...adminConnection(cluster), database })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}
