import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DataSource } from 'typeorm'
import { sqliteOptions } from '../../../src/main/database/dataSourceOptions'
import { migrations } from '../../../src/main/database/schema'
import { MergeErasePermissions1764000100000 } from '../../../src/main/database/migrations/1764000100000-MergeErasePermissions'
import { tempDir } from '../../support/backend'

async function migrate(file: string, upTo: number) {
  const source = new DataSource({ ...sqliteOptions(file, { readOnly: false }), migrations: migrations.slice(0, upTo) })
  await source.initialize()
  try {
    await source.runMigrations({ transaction: 'each' })
    return source
  } catch (error) {
    await source.destroy()
    throw error
  }
}

describe('the migration giving merge and erase permissions of their own', () => {
  let dataDir: string | undefined
  afterEach(() => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('grants both to every existing role that administers the installation, and to no other', async () => {
    dataDir = tempDir()
    const file = join(dataDir, 'old.sqlite')
    const before = migrations.indexOf(MergeErasePermissions1764000100000)
    expect(before).toBeGreaterThan(0)
    const old = await migrate(file, before)
    const roles: [string, string[]][] = [
      ['Správce', ['people.view', 'people.edit', 'settings.admin', 'audit.view']],
      ['Ředitelka', ['settings.admin']],
      ['Recepce', ['people.view', 'people.edit', 'people.contacts']],
      ['Nic', []],
    ]
    for (const [name, permissions] of roles) {
      await old.query('INSERT INTO role (name, permissions, created_at) VALUES (?, ?, ?)', [
        name,
        JSON.stringify(permissions),
        '2025-09-01T08:00:00.000Z',
      ])
    }
    await old.destroy()

    const current = await migrate(file, migrations.length)
    const after: { name: string; permissions: string }[] = await current.query(
      'SELECT name, permissions FROM role ORDER BY id',
    )
    expect(after.map((role) => [role.name, JSON.parse(role.permissions)])).toEqual([
      ['Správce', ['people.view', 'people.edit', 'settings.admin', 'audit.view', 'people.merge', 'people.erase']],
      ['Ředitelka', ['settings.admin', 'people.merge', 'people.erase']],
      ['Recepce', ['people.view', 'people.edit', 'people.contacts']],
      ['Nic', []],
    ])
    await current.destroy()
  })
})
