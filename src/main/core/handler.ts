import type { EntityManager } from 'typeorm'
import type { CommandName, OutputOf, ParsedInputOf } from '../../shared/contract'
import type { Permission } from '../../shared/permissions'
import type { Database } from '../database/database'
import type { SecretBox } from '../system/deskDatabaseConfig'
import type { Logger } from './logger'
import type { Caller, StaffSession } from './session'

/** The desk's own place: its data folder (where `database.json` lives) and how it seals a password. */
export interface DeskHome {
  dataDir: string
  secrets: SecretBox
}

/** What a handler may say about its write; the router stores it in the audit row. */
export interface AuditNote {
  target?: string
  summary?: string
  /** Who to name when the caller had no session yet (the first start names its new administrator). */
  actor?: { userId: number; displayName: string }
}

export interface HandlerContext {
  /** The transaction's manager for writes; the plain manager for reads. */
  em: EntityManager
  session: StaffSession
  caller: Caller
  /**
   * Refuses (FORBIDDEN, or NOT_FOUND for no such unit) unless the session holds the
   * permission for records of this unit, directly or through a grant above it.
   */
  authorize(permission: Permission, unitId: number): Promise<void>
  /** The same for what belongs to the whole centre (its settings, backups, audit trail): a grant on the root unit. */
  authorizeCentre(permission: Permission): Promise<void>
  audit: AuditNote
  database: Database
  /** This desk's data folder and secret box, e.g. to save which server it joins. */
  desk: DeskHome
  /** For what an operator should know of although the command succeeded. */
  logger: Logger
  now: Date
  /**
   * Runs once the write has committed, still before the next write starts: side effects that
   * must not happen for a rolled-back write (files, mail, a WAL checkpoint). A failure is logged;
   * the write stands.
   */
  afterCommit(task: () => Promise<unknown>): void
}

export type Handler<N extends CommandName> = (input: ParsedInputOf<N>, ctx: HandlerContext) => Promise<OutputOf<N>>

/** The handlers of one bounded context: exactly the commands whose names start with its prefix. */
export type ContextHandlers<Prefix extends string> = {
  [N in CommandName as N extends `${Prefix}/${string}` ? N : never]: Handler<N>
}

/** Every command must have a handler: a missing one is a type error here. */
export type AllHandlers = { [N in CommandName]: Handler<N> }
