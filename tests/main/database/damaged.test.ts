import { closeSync, existsSync, openSync, readdirSync, readSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { BackendOptions } from '../../../src/main/backend'
import { checkHealth } from '../../../src/main/database/health'
import { startTestBackend, tempDir, type TestBackend } from '../../support/backend'
import { queryFile, sha256 } from '../../support/database'
import { sampleOrganisation, saveOrganisation } from '../../support/organisation'

/** What a desk on its own file says about its connection: there is no server to lose. */
const FILE_DESK = { engine: 'sqlite', server: null, connectionLost: false } as const

const PAGE_SIZE = 4096

const organisation = sampleOrganisation

/**
 * A real file with a good backup of it, then closed: 2,000 audit rows make it span a few
 * hundred pages, so there are b-tree pages in the middle of the file to damage.
 */
async function fileWithBackup(dataDir: string): Promise<{ file: string; backupName: string }> {
  const backend = await startTestBackend({}, dataDir)
  await saveOrganisation(backend, organisation('Before the damage'))
  await backend.database.dataSource.query(`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
    INSERT INTO audit_log (at, staff_user_id, staff_name, command, target, summary)
    SELECT '2025-01-01T00:00:00.000Z', NULL, 'Seed', 'test/seed', 'row ' || i, printf('%.200c', 'x') FROM n`)
  const backup = await backend.call('system/create-backup', {})
  await saveOrganisation(backend, organisation('After the backup'))
  await backend.close()
  const file = backend.database.location.file
  // Closing the last connection checkpoints the log into the file: everything is in the bytes we damage.
  expect(existsSync(`${file}-wal`)).toBe(false)
  return { file, backupName: backup.name }
}

function overwrite(file: string, offset: number, bytes: Buffer) {
  const fd = openSync(file, 'r+')
  try {
    writeSync(fd, bytes, 0, bytes.length, offset)
  } finally {
    closeSync(fd)
  }
}

function readBytes(file: string, offset: number, length: number): Buffer {
  const fd = openSync(file, 'r')
  try {
    const buffer = Buffer.alloc(length)
    readSync(fd, buffer, 0, length, offset)
    return buffer
  } finally {
    closeSync(fd)
  }
}

/** Scribbles over the cell pointers of a leaf page of the audit table in the middle of the file. */
async function damageBtreePage(file: string): Promise<number> {
  const leaves = await queryFile<{ pageno: number }>(
    file,
    "SELECT pageno FROM dbstat WHERE name = 'audit_log' AND pagetype = 'leaf' ORDER BY pageno",
  )
  expect(leaves.length).toBeGreaterThan(20)
  const page = leaves[Math.floor(leaves.length / 2)].pageno
  const start = (page - 1) * PAGE_SIZE
  expect(readBytes(file, start, 1)[0]).toBe(0x0d) // a table leaf page, as dbstat said
  overwrite(file, start + 8, Buffer.alloc(24, 0xee))
  return page
}

function damageHeader(file: string) {
  expect(readBytes(file, 0, 16).toString('latin1')).toBe('SQLite format 3\0')
  overwrite(file, 0, Buffer.from('Not a database!!', 'latin1'))
}

describe.each([
  ['a b-tree page in the middle is overwritten', damageBtreePage],
  ['the 16-byte file header is overwritten', damageHeader],
])('a damaged data file (%s)', (_how, damage) => {
  let dataDir: string
  let backend: TestBackend | undefined
  afterEach(async () => {
    await backend?.close()
    backend = undefined
    rmSync(dataDir, { recursive: true, force: true })
  })

  async function openDamaged(options: Partial<BackendOptions> = {}) {
    dataDir = tempDir()
    const { file, backupName } = await fileWithBackup(dataDir)
    await damage(file)
    const health = await checkHealth(file)
    expect(health.state).toBe('damaged')
    const damagedHash = sha256(file)
    backend = await startTestBackend(options, dataDir)
    return { file, backupName, damagedHash, backend }
  }

  it('opens read-only and says why', async () => {
    const { backend } = await openDamaged()
    expect(backend.database.mode).toBe('read-only')
    expect(backend.database.problem).toEqual(expect.any(String))
    expect(backend.database.problem!.length).toBeGreaterThan(0)
    expect(backend.logger.lines.some((line) => line.startsWith('error Database file is damaged'))).toBe(true)
  })

  it('the start-up status reports the damage', async () => {
    const { file, backend } = await openDamaged()
    const status = await backend.call('system/get-status', {})
    expect(status.database).toEqual({ ...FILE_DESK, mode: 'read-only', problem: backend.database.problem, file })
  })

  it('writes are refused as READ_ONLY and the file keeps every byte', async () => {
    const { file, damagedHash, backend } = await openDamaged()
    const result = await backend.result('settings/update-organisation', {
      ...organisation('Written to a damaged file'),
      expectedVersion: 1,
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } })
    // Nor is a damaged file backed up over the good backups.
    const backup = await backend.result('system/create-backup', {})
    expect(backup).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } })
    expect(readdirSync(backend.database.location.backupDir)).toHaveLength(1)
    expect(sha256(file)).toBe(damagedHash)
    await backend.close()
    expect(sha256(file)).toBe(damagedHash)
  })

  it('no start-up backup is taken of the damaged file', async () => {
    const { backupName, backend } = await openDamaged()
    expect((await backend.call('system/list-backups', {})).map((backup) => backup.name)).toEqual([backupName])
  })

  it('with nobody able to sign in, the backups can still be listed and restored; other commands stay closed', async () => {
    const { backupName, backend } = await openDamaged({ sessions: { resolve: () => null } })
    expect(await backend.result('settings/get-security', {})).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })
    expect((await backend.call('system/list-backups', {})).map((backup) => backup.name)).toEqual([backupName])
    await backend.call('system/restore-backup', { name: backupName })
    expect(backend.database.mode).toBe('ok')
    // Healthy again: the same commands need an administrator once more.
    expect(await backend.result('system/list-backups', {})).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })
  })

  it('restoring a good backup brings the database back to normal and keeps the damaged file aside', async () => {
    const { file, backupName, damagedHash, backend } = await openDamaged()
    const status = await backend.call('system/restore-backup', { name: backupName })
    expect(status.database).toEqual({ ...FILE_DESK, mode: 'ok', problem: null, file })
    expect(backend.database.mode).toBe('ok')
    expect(await backend.call('settings/get-organisation', {})).toMatchObject({ name: 'Before the damage' })

    await saveOrganisation(backend, organisation('Back at work'))
    expect(await backend.call('settings/get-organisation', {})).toMatchObject({ name: 'Back at work' })

    const aside = readdirSync(dataDir).filter((name) => /^frontdesk\.sqlite\.replaced-[^-]+$/.test(name))
    expect(aside).toHaveLength(1)
    expect(sha256(join(dataDir, aside[0]))).toBe(damagedHash)
  })
})
