import { z } from 'zod'
import { command } from './define'
import type { ServerSettings } from './databaseServer'
import type { SystemStatus } from './system'

/** What the Database panel and the first start show; never the password. */
export interface DatabaseSettings {
  engine: 'sqlite' | 'postgres'
  /** The desk's own file (SQLite), shown so an administrator can find it. */
  file: string | null
  server: ServerSettings | null
  /** PostgreSQL: the server's version and the `pg_dump` command that backs this database up. */
  serverVersion: string | null
  backupCommand: string | null
}

/** What a connection test found on the server. */
export interface ServerCheck {
  serverVersion: string
  /** `empty`: nothing there yet (a move can go there); `frontdesk`: a centre's database already. */
  contents: 'empty' | 'frontdesk'
}

export const serverInput = z.object({
  host: z.string().trim().min(1).max(253),
  port: z.number().int().min(1).max(65535),
  database: z.string().trim().min(1).max(63),
  user: z.string().trim().min(1).max(63),
  password: z.string().max(200),
  tls: z.enum(['disable', 'require', 'verify-full']),
})

export const databaseContract = {
  'database/get-settings': command<DatabaseSettings>()({
    input: z.object({}),
    kind: 'read',
    access: 'public',
  }),
  /** Connects and checks the server (version, role, whose tables) without changing anything. */
  'database/test-server': command<ServerCheck>()({
    input: serverInput,
    kind: 'read',
    access: 'public',
  }),
  /** This desk joins a shared server that already holds the centre (or an empty one, which is set up). */
  'database/join-server': command<SystemStatus>()({
    input: serverInput,
    kind: 'maintenance',
    access: 'public',
  }),
  /** Copies this desk's file into an empty server database, checks it, and then uses the server. */
  'database/move-to-server': command<SystemStatus & { copiedRows: Record<string, number> }>()({
    input: serverInput,
    kind: 'maintenance',
    access: 'settings.admin',
  }),
  /** Back to the desk's own file (the server's data stays on the server). */
  'database/use-file': command<SystemStatus>()({
    input: z.object({}),
    kind: 'maintenance',
    access: 'settings.admin',
  }),
}

export type { ServerSettings }
