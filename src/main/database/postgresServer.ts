import type { TlsOptions } from 'node:tls'
import { DataSource, type DataSourceOptions } from 'typeorm'
import type { ServerProblem, ServerSettings } from '../../shared/contract/databaseServer'
import { numberedPlaceholders } from './engines/postgresEngine'
import { entities, migrations } from './schema'

export interface ServerTarget extends ServerSettings {
  password: string
  /** A desk refuses a superuser (it could disable the triggers that keep the audit trail) unless told. */
  allowSuperuser?: boolean
  /** Connections in the pool: writes run in parallel on PostgreSQL. */
  poolSize?: number
  /**
   * The certificate authority (PEM) that signed the server's certificate, for `verify-full`
   * against a centre's own CA; without it the system's trusted authorities apply.
   */
  caCertificate?: string
}

export const MINIMUM_SERVER_VERSION = 140000
/** Held while migrating, so two desks starting at once do not both migrate. */
export const MIGRATION_LOCK = 0x46_44_4d_47 // "FDMG"
/** SQLSTATE of a statement the role has no right to run (a desk role meeting DDL). */
const INSUFFICIENT_PRIVILEGE = '42501'

/** A server that cannot be used, with the reason the desk shows in its own words. */
export class ServerRefused extends Error {
  constructor(
    readonly problem: ServerProblem,
    detail: string,
  ) {
    super(detail)
    this.name = 'ServerRefused'
  }
}

function options(target: ServerTarget): DataSourceOptions {
  return {
    type: 'postgres',
    host: target.host,
    port: target.port,
    database: target.database,
    username: target.user,
    password: target.password,
    ssl: tlsOptions(target),
    entities,
    migrations,
    migrationsRun: false,
    synchronize: false,
    logging: false,
    applicationName: 'Frontdesk',
    connectTimeoutMS: 5000,
    poolSize: target.poolSize ?? 8,
    extra: { idleTimeoutMillis: 30_000 },
  }
}

/** `require` encrypts without checking whom it talks to; `verify-full` checks the certificate and the host name. */
function tlsOptions(target: ServerTarget): false | TlsOptions {
  if (target.tls === 'disable') return false
  if (target.tls === 'require') return { rejectUnauthorized: false }
  return target.caCertificate ? { rejectUnauthorized: true, ca: target.caCertificate } : { rejectUnauthorized: true }
}

/** Refuses a server older than PostgreSQL 14 (`server_version_num`, e.g. 140011 or 170002). */
export function checkServerVersion(versionNumber: number): void {
  if (!Number.isInteger(versionNumber) || versionNumber < MINIMUM_SERVER_VERSION) {
    const major = Math.floor(versionNumber / 10000)
    throw new ServerRefused('server_too_old', `PostgreSQL ${major >= 10 ? major : versionNumber} is older than 14`)
  }
}

/** Contexts write `?` placeholders: every query runner of this source numbers them for PostgreSQL. */
function acceptQuestionMarks(source: DataSource): void {
  const driver = source.driver
  const create = driver.createQueryRunner.bind(driver)
  driver.createQueryRunner = (mode) => {
    const runner = create(mode)
    const query = runner.query.bind(runner) as (
      sql: string,
      parameters?: unknown[],
      structured?: boolean,
    ) => Promise<unknown>
    runner.query = ((sql: string, parameters?: unknown[], structured?: boolean) =>
      query(parameters?.length ? numberedPlaceholders(sql) : sql, parameters, structured)) as typeof runner.query
    return runner
  }
}

/** Turns a driver's failure to connect into the reason a person can act on. */
export function refusal(error: unknown): ServerRefused {
  if (error instanceof ServerRefused) return error
  const code = (error as { code?: string }).code ?? ''
  const message = error instanceof Error ? error.message : String(error)
  // pg_hba.conf admits this role only over TLS (hostssl) and the desk connected without.
  if (code === '28000' && /no encryption|SSL off/i.test(message)) return new ServerRefused('tls_failed', message)
  if (code === '28P01' || code === '28000') return new ServerRefused('auth_failed', message)
  if (code === '3D000') return new ServerRefused('database_missing', message)
  if (
    /ssl|tls|certificate|self[- ]signed/i.test(message) ||
    code.startsWith('ERR_TLS') ||
    code === 'DEPTH_ZERO_SELF_SIGNED_CERT'
  )
    return new ServerRefused('tls_failed', message)
  return new ServerRefused('unreachable', message)
}

/** Connects and checks the server can be this centre's: version, role, whose tables these are. */
export async function connectServer(target: ServerTarget): Promise<DataSource> {
  const source = new DataSource(options(target))
  try {
    await source.initialize()
  } catch (error) {
    throw refusal(error)
  }
  try {
    acceptQuestionMarks(source)
    const [{ server_version_num: version }]: { server_version_num: string }[] =
      await source.query('SHOW server_version_num')
    checkServerVersion(Number(version))
    const [{ rolsuper }]: { rolsuper: boolean }[] = await source.query(
      'SELECT rolsuper FROM pg_roles WHERE rolname = current_user',
    )
    if (rolsuper && !target.allowSuperuser) {
      throw new ServerRefused('superuser', `${target.user} is a superuser`)
    }
    return source
  } catch (error) {
    await source.destroy()
    throw refusal(error)
  }
}

/** Tables in the current schema other than TypeORM's bookkeeping. */
export async function userTables(source: DataSource): Promise<string[]> {
  const rows: { name: string }[] = await source.query(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  )
  return rows.map((row) => row.name)
}

/**
 * Runs the pending migrations under an advisory lock. A database with tables but no
 * migration history of ours belongs to another application: it is left alone.
 */
export async function migrateServer(source: DataSource): Promise<void> {
  const lock = source.createQueryRunner()
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
    const tables = await userTables(source)
    const known = new Set(migrations.map((migration) => migration.name))
    let pending = migrations.length
    if (tables.length > 0 && !tables.includes('migrations')) {
      throw new ServerRefused('foreign_database', `Tables of another application: ${tables.slice(0, 5).join(', ')}`)
    }
    if (tables.includes('migrations')) {
      const done: { name: string }[] = await source.query('SELECT name FROM migrations')
      if (done.length > 0 && !done.some((row) => row.name === migrations[0].name)) {
        throw new ServerRefused('foreign_database', 'The migration history is of another application')
      }
      const unknown = done.filter((row) => !known.has(row.name))
      if (unknown.length > 0) {
        throw new ServerRefused('newer_schema', `Migrations this version does not know: ${unknown[0].name}`)
      }
      const applied = new Set(done.map((row) => row.name))
      pending = migrations.filter((migration) => !applied.has(migration.name)).length
    }
    // A desk role cannot change the schema: say so before trying, rather than fail halfway.
    if (pending > 0 && !(await mayChangeSchema(source))) {
      throw new ServerRefused(
        'needs_owner',
        `${pending} pending migrations need the owner role: npm run migrate-server`,
      )
    }
    await source.runMigrations({ transaction: 'each' }).catch((error: unknown) => {
      if (sqlState(error) === INSUFFICIENT_PRIVILEGE) throw new ServerRefused('needs_owner', (error as Error).message)
      throw error
    })
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined)
    await lock.release()
  }
}

/** Whether the connected role may create in the schema (the owner, or a superuser); a desk role may not. */
async function mayChangeSchema(source: DataSource): Promise<boolean> {
  const [{ allowed }]: { allowed: boolean | null }[] = await source.query(
    `SELECT has_schema_privilege(current_schema(), 'CREATE') AS "allowed"`,
  )
  return allowed === true
}

function sqlState(error: unknown): string | undefined {
  const found = error as { code?: unknown; driverError?: { code?: unknown } } | null
  const code = found?.driverError?.code ?? found?.code
  return typeof code === 'string' ? code : undefined
}
