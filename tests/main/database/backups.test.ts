import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { BACKUPS_KEPT, createBackup, listBackups, vacuumInto } from '../../../src/main/database/backups'
import { dataFiles } from '../../../src/main/backend'
import { startTestBackend, tempDir, type TestBackend } from '../../support/backend'
import { createPlainSqliteFile, queryFile } from '../../support/database'
import { sampleOrganisation, saveOrganisation } from '../../support/organisation'

const HOUR = 60 * 60 * 1000

const organisation = sampleOrganisation

const backupsIn = (dataDir: string) => listBackups(dataFiles(dataDir).backupDir)

describe('backups', () => {
  const dirs: string[] = []
  let backend: TestBackend | undefined
  afterEach(async () => {
    await backend?.dispose()
    backend = undefined
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })

  it('a backup taken while writes are going on is intact and holds a consistent prefix of them', async () => {
    backend = await startTestBackend()
    const { file, backupDir } = backend.database.location
    const writes = 80
    let committed = 0
    const writer = (async () => {
      for (let i = 1; i <= writes; i++) {
        await saveOrganisation(backend!, organisation(`Organisation ${i}`))
        committed = i
      }
    })()
    // Several snapshots at different moments of the stream, none waiting for the writer.
    const snapshots: { name: string; committedBefore: number; committedAfter: number }[] = []
    for (let i = 0; i < 4; i++) {
      while (committed < (i + 1) * 15) await new Promise((resolve) => setImmediate(resolve))
      const committedBefore = committed
      const backup = await createBackup(file, backupDir, 'manual', new Date(Date.now() + i))
      snapshots.push({ name: backup.name, committedBefore, committedAfter: committed })
    }
    await writer
    expect(snapshots.some((s) => s.committedAfter < writes)).toBe(true)

    for (const snapshot of snapshots) {
      const path = join(backupDir, snapshot.name)
      const integrity = await queryFile<{ integrity_check: string }>(path, 'PRAGMA integrity_check')
      expect(integrity).toEqual([{ integrity_check: 'ok' }])

      // A prefix: audit rows 1..n with no gap, and the settings row written by the n-th of them.
      const audit = await queryFile<{ id: number; command: string }>(
        path,
        'SELECT id, command FROM audit_log ORDER BY id',
      )
      const n = audit.length
      expect(audit.map((row) => row.id)).toEqual(Array.from({ length: n }, (_, i) => i + 1))
      expect(n).toBeGreaterThanOrEqual(snapshot.committedBefore)
      expect(n).toBeLessThanOrEqual(snapshot.committedAfter + 1)
      const [setting] = await queryFile<{ value: string }>(path, "SELECT value FROM setting WHERE key = 'organisation'")
      expect(JSON.parse(setting.value).name).toBe(`Organisation ${n}`)
    }
  })

  it(`rotation keeps the newest ${BACKUPS_KEPT} backups and leaves other files alone`, async () => {
    backend = await startTestBackend()
    const { file, backupDir } = backend.database.location
    await saveOrganisation(backend, organisation('Rotated'))
    const start = Date.parse('2025-03-01T08:00:00.000Z')
    const made: string[] = []
    for (let day = 0; day < BACKUPS_KEPT + 3; day++) {
      if (day === 1) writeFileSync(join(backupDir, 'notes-by-the-administrator.txt'), 'keep me')
      made.push((await createBackup(file, backupDir, 'daily', new Date(start + day * 24 * HOUR))).name)
    }
    const kept = listBackups(backupDir).map((backup) => backup.name)
    expect(kept).toEqual(made.slice(-BACKUPS_KEPT).reverse())
    expect(readdirSync(backupDir).sort()).toEqual(
      [...made.slice(-BACKUPS_KEPT), 'notes-by-the-administrator.txt'].sort(),
    )
  })

  it('a brand-new installation writes no backup: there is nothing to save yet', async () => {
    backend = await startTestBackend()
    expect(backupsIn(backend.dataDir)).toEqual([])
  })

  it('opening a file with pending migrations writes a pre-migration backup of it first', async () => {
    const dataDir = tempDir()
    dirs.push(dataDir)
    const { file } = dataFiles(dataDir)
    await createPlainSqliteFile(file, [
      'CREATE TABLE legacy_register (id INTEGER PRIMARY KEY, surname TEXT)',
      "INSERT INTO legacy_register (surname) VALUES ('Novák'), ('Dvořáková')",
    ])

    backend = await startTestBackend({}, dataDir)
    const backups = backupsIn(dataDir)
    expect(backups.map((backup) => backup.reason)).toEqual(['pre-migration'])
    expect(backend.logger.lines).toContain(`info Backup written: ${backups[0].name}`)

    // The backup is the file as it was before any migration ran (TypeORM has only added its empty bookkeeping table).
    const path = join(dataFiles(dataDir).backupDir, backups[0].name)
    const tables = await queryFile<{ name: string }>(
      path,
      "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
    )
    expect(tables.map((table) => table.name)).not.toContain('setting')
    expect(tables.map((table) => table.name)).not.toContain('audit_log')
    expect(await queryFile(path, 'SELECT COUNT(*) AS n FROM migrations')).toEqual([{ n: 0 }])
    expect(await queryFile(path, 'SELECT surname FROM legacy_register ORDER BY id')).toEqual([
      { surname: 'Novák' },
      { surname: 'Dvořáková' },
    ])
    // And the live file was migrated without losing the old table.
    expect(await backend.database.dataSource.query('SELECT COUNT(*) AS n FROM legacy_register')).toEqual([{ n: 2 }])
    expect(await backend.call('settings/get-organisation', {})).toMatchObject({ name: '' })
  })

  it('a daily backup is written at start when the newest backup is older than 24 hours, and not otherwise', async () => {
    const dataDir = tempDir()
    dirs.push(dataDir)
    const { file, backupDir } = dataFiles(dataDir)
    backend = await startTestBackend({}, dataDir)
    await saveOrganisation(backend, organisation('Daily'))
    await backend.close()

    // No backup yet at all: the second start writes one.
    backend = await startTestBackend({}, dataDir)
    expect(backupsIn(dataDir).map((backup) => backup.reason)).toEqual(['daily'])
    await backend.close()

    // A fresh one exists: a restart the same day writes nothing new.
    backend = await startTestBackend({}, dataDir)
    expect(backupsIn(dataDir)).toHaveLength(1)
    await backend.close()

    // Only a backup from 23 hours ago: still not due.
    for (const old of backupsIn(dataDir)) rmSync(join(backupDir, old.name))
    await createBackup(file, backupDir, 'manual', new Date(Date.now() - 23 * HOUR))
    backend = await startTestBackend({}, dataDir)
    expect(backupsIn(dataDir).map((backup) => backup.reason)).toEqual(['manual'])
    await backend.close()

    // The newest is 25 hours old: a daily backup is written, the old one kept.
    for (const old of backupsIn(dataDir)) rmSync(join(backupDir, old.name))
    await createBackup(file, backupDir, 'manual', new Date(Date.now() - 25 * HOUR))
    backend = await startTestBackend({}, dataDir)
    const backups = backupsIn(dataDir)
    expect(backups.map((backup) => backup.reason)).toEqual(['daily', 'manual'])
    expect(Date.now() - Date.parse(backups[0].createdAt)).toBeLessThan(HOUR)
    const [setting] = await queryFile<{ value: string }>(join(backupDir, backups[0].name), 'SELECT value FROM setting')
    expect(JSON.parse(setting.value).name).toBe('Daily')
  })

  it('the administrator creates a backup and sees it in the list', async () => {
    backend = await startTestBackend()
    await saveOrganisation(backend, organisation('Listed'))
    const backup = await backend.call('system/create-backup', {})
    expect(backup).toMatchObject({
      reason: 'manual',
      name: expect.stringMatching(/^frontdesk-\d{8}T\d{9}Z-manual\.sqlite$/),
    })
    expect(backup.sizeBytes).toBeGreaterThan(0)
    expect(await backend.call('system/list-backups', {})).toEqual([backup])
    const audit = await backend.database.dataSource.query(
      "SELECT summary FROM audit_log WHERE command = 'system/create-backup'",
    )
    expect(audit).toEqual([{ summary: `Backup ${backup.name}` }])
  })

  it('restoring a backup brings back the older data and keeps the replaced file aside', async () => {
    backend = await startTestBackend()
    await saveOrganisation(backend, organisation('Old name'))
    const backup = await backend.call('system/create-backup', {})
    await saveOrganisation(backend, organisation('New name'))

    const status = await backend.call('system/restore-backup', { name: backup.name })
    expect(status.database).toMatchObject({ mode: 'ok', problem: null })
    expect(await backend.call('settings/get-organisation', {})).toMatchObject({ name: 'Old name' })

    // The replaced file still holds the newer work, in case the restore was a mistake.
    const aside = readdirSync(backend.dataDir).filter((name) => name.startsWith('frontdesk.sqlite.replaced-'))
    expect(aside.filter((name) => !name.endsWith('-wal') && !name.endsWith('-shm'))).toHaveLength(1)
    const [setting] = await queryFile<{ value: string }>(join(backend.dataDir, aside[0]), 'SELECT value FROM setting')
    expect(JSON.parse(setting.value).name).toBe('New name')

    // The restore itself is on record in the restored file, and writing works again.
    const audit = await backend.database.dataSource.query(
      "SELECT summary FROM audit_log WHERE command = 'system/restore-backup'",
    )
    expect(audit).toEqual([{ summary: `Restored backup ${backup.name}` }])
    await saveOrganisation(backend, organisation('After restore'))
    expect(await backend.call('settings/get-organisation', {})).toMatchObject({ name: 'After restore' })
  })

  it('restoring a backup that is itself damaged fails and leaves the current data open and working', async () => {
    backend = await startTestBackend()
    await saveOrganisation(backend, organisation('Current'))
    const backup = await backend.call('system/create-backup', {})
    // Damaged inside, whole in length: bit rot, not a backup cut short (which is never listed at all).
    const path = join(backend.database.location.backupDir, backup.name)
    const bytes = readFileSync(path)
    bytes.fill(0xa5, bytes.readUInt16BE(16))
    writeFileSync(path, bytes)

    const result = await backend.result('system/restore-backup', { name: backup.name })
    expect(result).toMatchObject({ ok: false, error: { code: 'BACKUP_DAMAGED' } })
    expect(backend.database.mode).toBe('ok')
    expect(await backend.call('settings/get-organisation', {})).toMatchObject({ name: 'Current' })
    await saveOrganisation(backend, organisation('Still writable'))
    expect(await backend.call('settings/get-organisation', {})).toMatchObject({ name: 'Still writable' })
    expect(readdirSync(backend.dataDir).filter((name) => name.includes('replaced'))).toEqual([])
  })

  it('restoring a backup that does not exist is NOT_FOUND and changes nothing', async () => {
    backend = await startTestBackend()
    await saveOrganisation(backend, organisation('Untouched'))
    for (const name of ['frontdesk-20250101T000000000Z-manual.sqlite', 'nothing.sqlite', 'frontdesk.sqlite']) {
      const result = await backend.result('system/restore-backup', { name })
      expect(result, name).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    }
    expect(await backend.call('settings/get-organisation', {})).toMatchObject({ name: 'Untouched' })
    expect(readdirSync(backend.dataDir).filter((name) => name.includes('replaced'))).toEqual([])
  })

  it('a backup name that points outside the backup folder is refused as invalid input', async () => {
    backend = await startTestBackend()
    for (const name of [
      '../x',
      '../frontdesk.sqlite',
      '..\\frontdesk.sqlite',
      '/etc/passwd',
      'backups/../../x',
      'a b.sqlite',
      '',
    ]) {
      const result = await backend.result('system/restore-backup', { name })
      expect(result, name).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED', fields: { name: expect.anything() } },
      })
    }
    expect(readdirSync(backend.dataDir).filter((entry) => entry.includes('replaced'))).toEqual([])
  })

  it('a name that is a well formed dot-dot still cannot leave the backup folder', async () => {
    backend = await startTestBackend()
    await saveOrganisation(backend, organisation('Stays'))
    for (const name of ['..', '.']) {
      const result = await backend.result('system/restore-backup', { name })
      expect(result, name).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    }
    expect(existsSync(backend.database.location.file)).toBe(true)
    expect(await backend.call('settings/get-organisation', {})).toMatchObject({ name: 'Stays' })
  })

  describe('a backup cut short (the app killed, the power lost) is never taken for a backup', () => {
    const DAY = 24 * HOUR
    const start = Date.parse('2025-03-01T08:00:00.000Z')
    const nameAt = (time: number, reason = 'daily') =>
      `frontdesk-${new Date(time).toISOString().replace(/[-:.]/g, '')}-${reason}.sqlite`

    /** The first half of a real backup, under a name of its own: what a crash mid-copy leaves. */
    function truncatedCopy(backupDir: string, of: string, name: string): void {
      const bytes = readFileSync(join(backupDir, of))
      writeFileSync(join(backupDir, name), bytes.subarray(0, Math.floor(bytes.length / 2)))
    }

    it('a truncated file or a temporary one is neither listed nor counted among the ten kept', async () => {
      backend = await startTestBackend()
      const { file, backupDir } = backend.database.location
      await saveOrganisation(backend, organisation('Counted'))
      const made: string[] = []
      for (let day = 0; day < BACKUPS_KEPT; day++) {
        made.push((await createBackup(file, backupDir, 'daily', new Date(start + day * DAY))).name)
      }
      truncatedCopy(backupDir, made[0], nameAt(start + 20 * DAY))
      writeFileSync(join(backupDir, `${nameAt(start + 19 * DAY)}.partial`), 'SQLite format 3\0')
      writeFileSync(join(backupDir, nameAt(start + 18 * DAY)), '')

      expect(listBackups(backupDir).map((backup) => backup.name)).toEqual([...made].reverse())
      expect(await backend.call('system/list-backups', {})).toHaveLength(BACKUPS_KEPT)

      // One more: the oldest real backup goes, the truncated file does not take a real one's place.
      const newest = await createBackup(file, backupDir, 'daily', new Date(start + 21 * DAY))
      expect(listBackups(backupDir).map((backup) => backup.name)).toEqual([newest.name, ...made.slice(1).reverse()])
      const result = await backend.result('system/restore-backup', { name: nameAt(start + 20 * DAY) })
      expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    })

    it('a truncated file newer than the last real backup does not put off the daily backup', async () => {
      const dataDir = tempDir()
      dirs.push(dataDir)
      const { file, backupDir } = dataFiles(dataDir)
      backend = await startTestBackend({}, dataDir)
      await saveOrganisation(backend, organisation('Due'))
      const old = await createBackup(file, backupDir, 'manual', new Date(Date.now() - 25 * HOUR))
      truncatedCopy(backupDir, old.name, nameAt(Date.now() - HOUR, 'pre-migration'))
      await backend.close()

      backend = await startTestBackend({}, dataDir)
      expect(backupsIn(dataDir).map((backup) => backup.reason)).toEqual(['daily', 'manual'])
    })

    it('start-up removes what an interrupted backup or restore left behind, and nothing else', async () => {
      const dataDir = tempDir()
      dirs.push(dataDir)
      const { file, backupDir } = dataFiles(dataDir)
      backend = await startTestBackend({}, dataDir)
      await saveOrganisation(backend, organisation('Leftovers'))
      const real = await createBackup(file, backupDir, 'manual')
      await backend.close()
      const leftovers = [join(backupDir, `${nameAt(start)}.partial`), `${file}.restoring`]
      for (const leftover of leftovers) writeFileSync(leftover, 'half a database')
      writeFileSync(join(backupDir, 'notes-by-the-administrator.txt'), 'keep me')

      backend = await startTestBackend({}, dataDir)
      for (const leftover of leftovers) expect(existsSync(leftover), leftover).toBe(false)
      expect(readdirSync(backupDir).sort()).toEqual([real.name, 'notes-by-the-administrator.txt'].sort())
      expect(backend.logger.lines.filter((line) => line.includes('interrupted'))).toHaveLength(2)
    })

    it('a backup being written is not visible under its final name until it is complete and checked', async () => {
      backend = await startTestBackend()
      const { file, backupDir } = backend.database.location
      await saveOrganisation(backend, organisation('In progress'))
      const now = new Date()
      const final = join(backupDir, nameAt(now.getTime(), 'manual'))
      const seenWhileWriting: { final: boolean; listed: number }[] = []
      const backup = await createBackup(file, backupDir, 'manual', now, async (source, target) => {
        await vacuumInto(source, target)
        seenWhileWriting.push({ final: existsSync(final), listed: listBackups(backupDir).length })
      })
      expect(seenWhileWriting).toEqual([{ final: false, listed: 0 }])
      expect(listBackups(backupDir)).toEqual([backup])
      expect(readdirSync(backupDir)).toEqual([nameAt(now.getTime(), 'manual')])
    })

    it.each([
      ['the copy stops with an error half-way', true],
      ['the copy ends early without an error', false],
    ])('when %s, no backup appears and no half file stays', async (_what, fails) => {
      backend = await startTestBackend()
      const { file, backupDir } = backend.database.location
      await saveOrganisation(backend, organisation('Interrupted'))
      const whole = await createBackup(file, backupDir, 'manual', new Date(start))
      const halfCopy = async (_source: string, target: string) => {
        const bytes = readFileSync(join(backupDir, whole.name))
        writeFileSync(target, bytes.subarray(0, Math.floor(bytes.length / 2)))
        if (fails) throw new Error('power cut')
      }
      await expect(createBackup(file, backupDir, 'manual', new Date(), halfCopy)).rejects.toThrow()
      expect(readdirSync(backupDir)).toEqual([whole.name])
      expect(listBackups(backupDir)).toEqual([whole])
    })
  })
})
