import { copyFileSync, existsSync, rmSync } from 'node:fs'
import type { CommandName, InputOf, OutputOf } from '../../src/shared/contract'
import type { StaffMember } from '../../src/shared/contract/staff'
import { AppError, type Result } from '../../src/shared/errors'
import { dataFiles, type BackendOptions } from '../../src/main/backend'
import type { Caller } from '../../src/main/core/session'
import type { DatabaseTarget } from '../../src/main/database/database'
import type { Router } from '../../src/main/core/router'
import { SignInThrottle } from '../../src/main/auth/signInThrottle'
import { startTestBackend, tempDir, type TestBackend, type TestBackendOptions } from './backend'
import { countRows } from './database'

/** One reception desk (a window or tab): its own caller key, so its own sign-in. */
export interface Desk {
  caller: Caller
  /** Calls through the real router and throws the error data, for the happy path. */
  call<N extends CommandName>(name: N, input: InputOf<N>): Promise<OutputOf<N>>
  result<N extends CommandName>(name: N, input: InputOf<N>): Promise<Result<OutputOf<N>>>
  /** Untyped, as a transport would send it: for walking the whole contract. */
  dispatch(name: string, input: unknown): Promise<Result<unknown>>
}

export function desk(backend: { router: Router }, key: string): Desk {
  const caller: Caller = { transport: 'direct', key }
  const result = <N extends CommandName>(name: N, input: InputOf<N>) => backend.router.call(name, input, caller)
  return {
    caller,
    result,
    async call(name, input) {
      const outcome = await result(name, input)
      if (!outcome.ok) throw AppError.from(outcome.error)
      return outcome.data
    },
    dispatch: (name, input) => backend.router.dispatch(name, input, caller),
  }
}

/** A sign-in throttle that counts but never sleeps; `waits` records every delay it asked for. */
export function recordingThrottle(now?: () => number): SignInThrottle & { waits: number[] } {
  const waits: number[] = []
  const throttle = new SignInThrottle(async (ms) => {
    waits.push(ms)
  }, now) as SignInThrottle & { waits: number[] }
  throttle.waits = waits
  return throttle
}

/**
 * A backend with the real desk sessions (sign-in, grants, locking) instead of the trusted
 * test operator: spreading `sessions: undefined` makes startBackend use its StaffSessions.
 */
export function startDeskBackend(options: TestBackendOptions = {}, dataDir?: string): Promise<TestBackend> {
  return startTestBackend({ throttle: recordingThrottle(), ...options, sessions: undefined }, dataDir)
}

export const ADMINISTRATOR = { username: 'eva.spravcova', displayName: 'Eva Správcová', password: 'Jablicko-2025!' }
export const CENTRE_NAME = 'DDM Jablíčko'

export type DefaultRoleKey = 'administrator' | 'reception' | 'leader' | 'accountant'

export interface Centre {
  /** The administrator's desk, signed in by the first start. */
  admin: Desk
  adminId: number
  centreId: number
  /** The default roles' ids, whatever language their names are in. */
  roles: Record<DefaultRoleKey, number>
}

const ADMIN_DESK = 'admin-desk'

/** The first start at desk `admin`: the centre, the default roles and its administrator. */
export async function setUpCentre(backend: TestBackend, language: 'en' | 'cs' = 'en'): Promise<Centre> {
  const admin = desk(backend, ADMIN_DESK)
  const session = await admin.call('auth/set-up', { centreName: CENTRE_NAME, language, ...ADMINISTRATOR })
  const [centre] = await admin.call('units/list', {})
  // First start creates the default roles in this order (Administrator, Reception, Activity leader, Accountant).
  const [administrator, reception, leader, accountant] = (await admin.call('roles/list', {})).map((role) => role.id)
  return {
    admin,
    adminId: session.userId,
    centreId: centre.id,
    roles: { administrator, reception, leader, accountant },
  }
}

export interface StaffAccount {
  username: string
  displayName: string
  password: string
}

export interface GrantSpec {
  roleId: number
  unitId: number
  includeSubUnits: boolean
}

/** The administrator creates a staff member and grants them roles. */
export async function addStaff(admin: Desk, account: StaffAccount, grants: GrantSpec[] = []): Promise<StaffMember> {
  let member = await admin.call('staff/create', account)
  for (const grant of grants) member = await admin.call('staff/grant-role', { userId: member.id, ...grant })
  return member
}

/**
 * Binds a desk to a staff member the way a successful sign-in does, without checking a
 * password: for tests about something else, since every password check costs a scrypt hash.
 * Grants, deactivation and locking all apply as after a real sign-in.
 */
export async function deskSignedInAs(backend: TestBackend, key: string, userId: number): Promise<Desk> {
  const at = desk(backend, key)
  await backend.staffSessions.signIn(at.caller, userId)
  return at
}

/** A data file with a centre already set up (and whatever `build` added), copied for each test. */
export interface CentreTemplate<T> {
  dataDir: string
  centre: Omit<Centre, 'admin'>
  extra: T
  /** A backend of its own on a fresh copy of the file, the administrator signed in at their desk. */
  start(options?: Partial<BackendOptions>): Promise<{ backend: TestBackend; centre: Centre }>
  dispose(): Promise<void>
}

/**
 * Sets up a centre once per test file: the first start and the staff a file needs cost a
 * scrypt hash per password, which adds up when every test starts from scratch.
 */
export async function centreTemplate<T = undefined>(
  build?: (centre: Centre, backend: TestBackend) => Promise<T>,
): Promise<CentreTemplate<T>> {
  const backend = await startDeskBackend()
  const { admin, ...centre } = await setUpCentre(backend)
  const extra = (await build?.({ admin, ...centre }, backend)) as T
  await backend.close()
  const serverDatabase = backend.serverDatabase
  const source = dataFiles(backend.dataDir).file
  return {
    dataDir: backend.dataDir,
    centre,
    extra,
    async start(options = {}) {
      const dataDir = tempDir()
      const target = dataFiles(dataDir).file
      // Closing checkpoints the write-ahead log; copy it anyway should a page still sit there.
      for (const suffix of ['', '-wal']) if (existsSync(source + suffix)) copyFileSync(source + suffix, target + suffix)
      const copy = await startDeskBackend({ ...options, copyOfServerDatabase: serverDatabase?.name }, dataDir)
      const admin = await deskSignedInAs(copy, ADMIN_DESK, centre.adminId)
      return { backend: copy, centre: { ...centre, admin } }
    },
    async dispose() {
      rmSync(backend.dataDir, { recursive: true, force: true })
      await serverDatabase?.drop()
    },
  }
}

/**
 * Starts the backend again on the same data: the same folder and, on the PostgreSQL half, the
 * same server database (its `dispose` drops that database). `backend` must be closed, not disposed.
 */
export async function restartTestBackend(backend: TestBackend, options: TestBackendOptions = {}): Promise<TestBackend> {
  const server = backend.serverDatabase
  const database = server ? { engine: 'postgres' as const, server: server.desk } : undefined
  const restarted = await startTestBackend({ ...(database && { database }), ...options }, backend.dataDir)
  return {
    ...restarted,
    serverDatabase: server,
    async dispose() {
      await restarted.dispose()
      await server?.drop()
    },
  }
}

/**
 * Another backend (another desk's process, here in the same test process) on the same
 * database as `backend`: the same file, or the same server database as the desk role. Its
 * `dispose` leaves that database to `backend`'s.
 */
export function startSecondDeskBackend(backend: TestBackend, options: TestBackendOptions = {}): Promise<TestBackend> {
  const database: DatabaseTarget = backend.serverDatabase
    ? { engine: 'postgres', server: backend.serverDatabase.desk }
    : { engine: 'sqlite', location: dataFiles(backend.dataDir) }
  return startDeskBackend({ ...options, database })
}

/** Signs `account` in at a desk of its own. */
export async function signInAt(backend: TestBackend, key: string, account: StaffAccount): Promise<Desk> {
  const at = desk(backend, key)
  await at.call('auth/sign-in', { username: account.username, password: account.password })
  return at
}

export function auditCount(backend: TestBackend): Promise<number> {
  return countRows(backend.database.dataSource, 'audit_log')
}
