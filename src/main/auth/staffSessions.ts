import type { EntityManager } from 'typeorm'
import { contract } from '../../shared/contract'
import type { SessionInfo } from '../../shared/contract/auth'
import { PERMISSIONS, type Permission } from '../../shared/permissions'
import {
  sessionFromGrants,
  unitsWithPermissions,
  type Caller,
  type Grant,
  type SessionProvider,
  type StaffSession,
  type UnitNode,
} from '../core/session'
import type { Database } from '../database/database'
import { readSecurity } from '../settings/securitySettings'
import { RoleGrantSchema, RoleSchema, StaffUserSchema } from '../staff/staffEntities'

/** How long main waits past the desk's own countdown before it locks by itself. */
const SERVER_GRACE_MS = 60_000

interface Desk {
  userId: number
  username: string
  displayName: string
  grants: Grant[]
  unitsWith: SessionInfo['unitsWith']
  autoLockMs: number
  locked: boolean
  lastActivity: number
  version: number
  /** The trail's newest change to staff, roles, units or security when the desk was loaded. */
  stamp: number | null
}

// Units too: a new sub-unit is within the grants of whoever holds its parent with sub-units.
const REFRESHING = /^(staff|roles|units)\/|^settings\/update-security$/
const REFRESHING_COMMANDS = Object.keys(contract).filter((name) => REFRESHING.test(name))

/**
 * Who is signed in at each desk (an Electron window, a browser tab). Kept in memory on
 * purpose: a restart signs everyone out. Main locks an idle desk itself too, a minute after
 * the desk's own countdown, so a closed or tampered renderer cannot keep a desk open.
 */
const DATABASE_REPLACED = new Set([
  'system/restore-backup',
  'database/join-server',
  'database/use-file',
  'database/move-to-server',
])

export class StaffSessions implements SessionProvider {
  private readonly desks = new Map<string, Desk>()
  private version = 0

  constructor(
    private readonly database: Database,
    private readonly now: () => number = Date.now,
  ) {}

  async resolve(caller: Caller): Promise<StaffSession | null> {
    const desk = await this.current(caller)
    if (!desk) return null
    if (!desk.locked) {
      if (this.now() - desk.lastActivity > desk.autoLockMs + SERVER_GRACE_MS) desk.locked = true
      else desk.lastActivity = this.now()
    }
    return sessionFromGrants({ id: desk.userId, displayName: desk.displayName }, desk.grants, desk.locked)
  }

  committed(command: string): void {
    // A restored file, or another database (a server joined, the file again), has its own staff list:
    // everyone signs in again against it.
    if (DATABASE_REPLACED.has(command)) this.desks.clear()
    else if (REFRESHING.test(command)) this.version++
  }

  /** Binds the desk to a staff member; whoever was signed in there before is gone. */
  async signIn(caller: Caller, userId: number, em: EntityManager = this.database.readManager): Promise<SessionInfo> {
    const desk = await this.load(userId, em)
    if (!desk) throw new Error(`Staff member ${userId} cannot sign in`)
    this.desks.set(deskKey(caller), desk)
    return this.info(caller)!
  }

  lock(caller: Caller): void {
    const desk = this.desks.get(deskKey(caller))
    if (desk) desk.locked = true
  }

  unlock(caller: Caller): void {
    const desk = this.desks.get(deskKey(caller))
    if (desk) {
      desk.locked = false
      desk.lastActivity = this.now()
    }
  }

  signOut(caller: Caller): void {
    this.desks.delete(deskKey(caller))
  }

  /** The desk's staff member, for checks such as unlocking with their own password. */
  userAt(caller: Caller): { userId: number; username: string } | null {
    const desk = this.desks.get(deskKey(caller))
    return desk ? { userId: desk.userId, username: desk.username } : null
  }

  info(caller: Caller): SessionInfo | null {
    const desk = this.desks.get(deskKey(caller))
    if (!desk) return null
    const held = new Set(desk.grants.flatMap((grant) => [...grant.permissions]))
    return {
      userId: desk.userId,
      username: desk.username,
      displayName: desk.displayName,
      locked: desk.locked,
      permissions: PERMISSIONS.filter((permission) => held.has(permission)),
      unitsWith: desk.unitsWith,
      autoLockMinutes: desk.autoLockMs / 60_000,
    }
  }

  private async current(caller: Caller): Promise<Desk | null> {
    const key = deskKey(caller)
    const desk = this.desks.get(key)
    if (!desk) return null
    // Another desk's backend on the same database changes staff without telling this one: its audit row shows it.
    if (desk.version === this.version && desk.stamp === (await changeStamp(this.database.readManager))) return desk
    // Staff or roles changed since: reload, and end the session of someone deactivated.
    const fresh = await this.load(desk.userId, this.database.readManager)
    if (!fresh) {
      this.desks.delete(key)
      return null
    }
    const next = { ...fresh, locked: desk.locked, lastActivity: desk.lastActivity }
    this.desks.set(key, next)
    return next
  }

  private async load(userId: number, em: EntityManager): Promise<Desk | null> {
    // Read first: a change committed while loading shows as a newer stamp at the next call.
    const stamp = await changeStamp(em)
    const user = await em.findOneBy(StaffUserSchema, { id: userId })
    if (!user || !user.active) return null
    const grants = await em.findBy(RoleGrantSchema, { staffUserId: userId })
    const roles = new Map((await em.find(RoleSchema)).map((role) => [role.id, role]))
    const security = await readSecurity(em)
    const units: UnitNode[] = await em.query('SELECT id, parent_id AS "parentId" FROM unit ORDER BY id')
    const held = grants.map((grant) => ({
      unitId: grant.unitId,
      includeSubUnits: grant.includeSubUnits,
      permissions: new Set(JSON.parse(roles.get(grant.roleId)?.permissions ?? '[]') as Permission[]),
    }))
    return {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      grants: held,
      unitsWith: unitsWithPermissions(held, units),
      autoLockMs: security.autoLockMinutes * 60_000,
      locked: false,
      lastActivity: this.now(),
      version: this.version,
      stamp,
    }
  }
}

/**
 * The newest audit row of a command that changes who may do what. Every write's audit row
 * commits with it, so this sees changes made through any backend on the database.
 */
async function changeStamp(em: EntityManager): Promise<number | null> {
  const marks = REFRESHING_COMMANDS.map(() => '?').join(', ')
  const [row]: { stamp: number | null }[] = await em.query(
    `SELECT MAX(id) AS "stamp" FROM audit_log WHERE command IN (${marks})`,
    REFRESHING_COMMANDS,
  )
  return row?.stamp ?? null
}

function deskKey(caller: Caller): string {
  return `${caller.transport}:${caller.key}`
}
