import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { BackupInfo } from '../../shared/contract/system'
import { AppError } from '../../shared/errors'
import { checkHealth } from './health'
import { withRawConnection } from './rawConnection'

export type BackupReason = 'pre-migration' | 'daily' | 'manual'

const BACKUP_NAME = /^frontdesk-(\d{8}T\d{6}\d{3}Z)-([a-z-]+)\.sqlite$/

/** How many snapshots we keep; the oldest go first. */
export const BACKUPS_KEPT = 10

/**
 * A consistent snapshot through `VACUUM INTO` on a separate connection: it reads one
 * committed state even while the app keeps writing, unlike a file copy of a live database.
 */
export async function createBackup(
  file: string,
  dir: string,
  reason: BackupReason,
  now = new Date(),
): Promise<BackupInfo> {
  mkdirSync(dir, { recursive: true })
  const stamp = now.toISOString().replace(/[-:.]/g, '')
  const name = `frontdesk-${stamp}-${reason}.sqlite`
  const target = join(dir, name)
  await withRawConnection(file, 'read-only', (db) => db.run('VACUUM INTO ?', [target]))
  pruneBackups(dir, BACKUPS_KEPT)
  return describeBackup(dir, name)!
}

export function listBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .map((name) => describeBackup(dir, name))
    .filter((info): info is BackupInfo => info !== null)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
}

function describeBackup(dir: string, name: string): BackupInfo | null {
  const match = BACKUP_NAME.exec(name)
  if (!match) return null
  const s = match[1]
  const createdAt = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`
  return { name, createdAt, sizeBytes: statSync(join(dir, name)).size, reason: match[2] }
}

function pruneBackups(dir: string, keep: number): void {
  for (const old of listBackups(dir).slice(keep)) rmSync(join(dir, old.name), { force: true })
}

/**
 * Puts a backup in place of the data file. The file it replaces is moved aside, never
 * deleted: it may still hold the only copy of today's work. The database must be closed.
 */
export async function restoreBackup(file: string, dir: string, name: string, now = new Date()): Promise<void> {
  const info = describeBackup(dir, name)
  if (!info || !existsSync(join(dir, name))) throw new Error(`No such backup: ${name}`)
  const health = await checkHealth(join(dir, name))
  if (health.state !== 'ok') throw new AppError('BACKUP_DAMAGED', `The backup ${name} is itself damaged`)
  // Copy first, next to the file: if the copy fails, nothing has been moved yet.
  const staged = `${file}.restoring`
  copyFileSync(join(dir, name), staged)
  const aside = `${file}.replaced-${now.toISOString().replace(/[-:.]/g, '')}`
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix)
  }
  renameSync(staged, file)
}
