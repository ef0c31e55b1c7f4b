import { z } from 'zod'
import { command } from './define'

export type DatabaseMode = 'ok' | 'read-only'

export interface SystemStatus {
  version: string
  database: {
    mode: DatabaseMode
    /** Why the file is read-only, in plain words for the log; the UI shows a translated text. */
    problem: string | null
    /** The desk's own file; null on a shared server. */
    file: string | null
    engine: 'sqlite' | 'postgres'
    /** `host:port/database` of a shared server, for the status line. */
    server: string | null
    /** The server stopped answering: the desk shows a banner and retries until it does again. */
    connectionLost: boolean
  }
}

export interface BackupInfo {
  name: string
  createdAt: string
  sizeBytes: number
  reason: string
}

export const systemContract = {
  'system/get-status': command<SystemStatus>()({
    input: z.object({}),
    kind: 'read',
    access: 'public',
  }),
  'system/list-backups': command<BackupInfo[]>()({
    input: z.object({}),
    kind: 'read',
    access: 'recovery',
  }),
  'system/create-backup': command<BackupInfo>()({
    input: z.object({}),
    kind: 'maintenance',
    access: 'settings.admin',
  }),
  'system/restore-backup': command<SystemStatus>()({
    input: z.object({
      name: z
        .string()
        .min(1)
        .max(200)
        .regex(/^[\w.-]+$/),
    }),
    kind: 'maintenance',
    access: 'recovery',
  }),
}
