import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs'
import { join } from 'node:path'
import type { BackupInfo } from '../../shared/contract/system'
import { AppError } from '../../shared/errors'
import { checkHealth } from './health'
import { withRawConnection } from './rawConnection'

export type BackupReason = 'pre-migration' | 'daily' | 'manual'

const BACKUP_NAME = /^frontdesk-(\d{8}T\d{6}\d{3}Z)-([a-z-]+)\.sqlite$/

/** A backup being written carries this after its final name until it is complete and verified. */
const UNFINISHED = '.partial'

/** How many snapshots we keep; the oldest go first. */
export const BACKUPS_KEPT = 10

/** Writes a snapshot of the data file to `target`; replaceable so a test can interrupt it like a power cut. */
export type Snapshot = (file: string, target: string) => Promise<void>

/**
 * A consistent snapshot through `VACUUM INTO` on a separate connection: it reads one
 * committed state even while the app keeps writing, unlike a file copy of a live database.
 */
export const vacuumInto: Snapshot = (file, target) =>
  withRawConnection(file, 'read-only', (db) => db.run('VACUUM INTO ?', [target]))

/**
 * Writes the snapshot under a temporary name, checks it and only then renames it (atomic) to
 * its final name: a backup cut short by a crash or a power cut never appears as a backup, so it
 * is never listed, never counted among the ones kept and never offered for a restore.
 */
export async function createBackup(
  file: string,
  dir: string,
  reason: BackupReason,
  now = new Date(),
  snapshot: Snapshot = vacuumInto,
): Promise<BackupInfo> {
  mkdirSync(dir, { recursive: true })
  const stamp = now.toISOString().replace(/[-:.]/g, '')
  const name = `frontdesk-${stamp}-${reason}.sqlite`
  const target = join(dir, name)
  const unfinished = target + UNFINISHED
  rmSync(unfinished, { force: true })
  try {
    await snapshot(file, unfinished)
    const health = await checkHealth(unfinished)
    if (health.state !== 'ok') {
      throw new Error(`The backup ${name} did not verify: ${health.state === 'damaged' ? health.problem : 'empty'}`)
    }
    flushFile(unfinished)
    renameSync(unfinished, target)
    flushFolder(dir)
  } finally {
    rmSync(unfinished, { force: true })
  }
  pruneBackups(dir, BACKUPS_KEPT)
  return describeBackup(dir, name)!
}

/** Removes what backups and restores cut short left behind; run at start-up, before anything is written. */
export function removeUnfinished(file: string, dir: string): string[] {
  const leftovers = existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith(UNFINISHED))
        .map((name) => join(dir, name))
    : []
  if (existsSync(`${file}.restoring`)) leftovers.push(`${file}.restoring`)
  for (const leftover of leftovers) rmSync(leftover, { force: true })
  return leftovers
}

/** Complete backups only, newest first: a truncated file under a backup's name is left out. */
export function listBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .map((name) => describeBackup(dir, name))
    .filter((info): info is BackupInfo => info !== null && isWholeDatabaseFile(join(dir, info.name)))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1')

/**
 * A cheap look at the file's header (no full check for every listing): SQLite's magic, and
 * at least as many bytes as the pages the header says the file has. A file cut short fails.
 */
export function isWholeDatabaseFile(path: string): boolean {
  const header = Buffer.alloc(100)
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch {
    return false
  }
  try {
    if (readSync(fd, header, 0, 100, 0) < 100 || !header.subarray(0, 16).equals(SQLITE_MAGIC)) return false
    const rawPageSize = header.readUInt16BE(16)
    const pageSize = rawPageSize === 1 ? 65536 : rawPageSize
    const size = statSync(path).size
    // The page count in the header is trusted only when written by a version that keeps it (change counter matches).
    const pageCountValid = header.readUInt32BE(92) === header.readUInt32BE(24)
    const pages = pageCountValid ? header.readUInt32BE(28) : 0
    return pageSize >= 512 && size % pageSize === 0 && size >= Math.max(pages, 1) * pageSize
  } finally {
    closeSync(fd)
  }
}

/** Makes the file's bytes durable before its new name is: otherwise a power cut can keep the name and lose the bytes. */
function flushFile(path: string): void {
  const fd = openSync(path, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Makes the rename itself durable where the system allows it. */
function flushFolder(path: string): void {
  try {
    flushFile(path)
  } catch {
    // Windows cannot open a folder to flush it; NTFS keeps the rename in its own journal.
  }
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
