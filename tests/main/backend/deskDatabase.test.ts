import { existsSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { dataFiles, startBackend, type Backend } from '../../../src/main/backend'
import { safeStorageSecrets } from '../../../src/main/shell/safeStorageSecrets'
import { serverConfig, writeDeskDatabase } from '../../../src/main/system/deskDatabaseConfig'
import { recordingLogger, tempDir, TEST_CALLER } from '../../support/backend'
import { createServerDatabase, testEngine, type ServerDatabase } from '../../support/testServer'
import { FakeSafeStorage } from '../../shell/fakes'

const opened: { backend?: Backend; server?: ServerDatabase }[] = []
afterEach(async () => {
  for (const { backend, server } of opened.splice(0)) {
    await backend?.close()
    await server?.drop()
  }
})

describe('a desk starts on the database its own configuration names', () => {
  it(`opens the ${testEngine} database of database.json, with the password its secret box sealed`, async () => {
    const dataDir = tempDir()
    const secrets = safeStorageSecrets(new FakeSafeStorage())
    const server = testEngine === 'postgres' ? await createServerDatabase() : undefined
    if (server) {
      const { password, ...settings } = server.desk
      writeDeskDatabase(dataDir, serverConfig(settings, password, secrets))
    } else writeDeskDatabase(dataDir, { engine: 'sqlite' })

    const backend = await startBackend({ dataDir, secrets, logger: recordingLogger() })
    opened.push({ backend, server })

    expect(backend.database.engine.kind).toBe(testEngine)
    expect(backend.desk).toEqual({ dataDir, secrets })
    // The file is made only for a desk on its own file: a server desk keeps no second copy of the truth.
    expect(existsSync(dataFiles(dataDir).file)).toBe(testEngine === 'sqlite')
    const status = await backend.router.call('system/get-status', {}, TEST_CALLER)
    expect(status).toMatchObject({ ok: true, data: { database: { engine: testEngine, connectionLost: false } } })
    const state = await backend.router.call('auth/get-state', {}, TEST_CALLER)
    expect(state).toEqual({ ok: true, data: { setupRequired: true, session: null } })
  })

  it('opens its own file when it has no configuration', async () => {
    const dataDir = tempDir()
    const backend = await startBackend({ dataDir, logger: recordingLogger() })
    opened.push({ backend })
    expect(backend.database.engine.kind).toBe('sqlite')
    expect(backend.database.location.file).toBe(dataFiles(dataDir).file)
  })
})
