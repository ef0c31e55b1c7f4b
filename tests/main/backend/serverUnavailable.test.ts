import { createConnection, createServer, type Server, type Socket } from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { startBackend, type Backend } from '../../../src/main/backend'
import { safeStorageSecrets } from '../../../src/main/shell/safeStorageSecrets'
import { serverConfig, writeDeskDatabase } from '../../../src/main/system/deskDatabaseConfig'
import { recordingLogger, tempDir, TEST_CALLER } from '../../support/backend'
import { ADMINISTRATOR, CENTRE_NAME } from '../../support/desks'
import { createServerDatabase, testEngine, type ServerDatabase } from '../../support/testServer'
import { FakeSafeStorage } from '../../shell/fakes'

/**
 * A door in front of the real server: while shut it hangs up on every connection, as a server
 * that is down or unreachable would; opened, it passes bytes through. Counts who knocked.
 */
interface Door {
  port: number
  knocks: number
  open: boolean
  close(): Promise<void>
}

async function doorTo(port: number): Promise<Door> {
  const sockets = new Set<Socket>()
  const door = { port: 0, knocks: 0, open: false } as Door
  const server: Server = createServer((socket) => {
    door.knocks++
    if (!door.open) return void socket.destroy()
    const upstream = createConnection(port, '127.0.0.1')
    for (const end of [socket, upstream]) {
      sockets.add(end)
      end.on('error', () => undefined)
      end.on('close', () => sockets.delete(end))
    }
    socket.pipe(upstream).pipe(socket)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  door.port = (server.address() as { port: number }).port
  door.close = () =>
    new Promise((resolve) => {
      for (const socket of sockets) socket.destroy()
      server.close(() => resolve())
    })
  return door
}

const FAST = { firstMs: 50, mostMs: 200 }
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function serverBehindDoor(): Promise<{ server: ServerDatabase; door: Door }> {
  const server = await createServerDatabase()
  cleanups.push(() => server.drop())
  const door = await doorTo(server.desk.port)
  cleanups.push(() => door.close())
  return { server, door }
}

function track(backend: Backend): Backend {
  cleanups.push(() => backend.close())
  return backend
}

// About the server's own mechanism (a desk whose server does not answer at start); a desk's file is always there.
describe.skipIf(testEngine !== 'postgres')('a desk whose server cannot be used at start', () => {
  it('starts without it, says so, refuses commands, and serves once the server answers', async () => {
    const { server, door } = await serverBehindDoor()
    const logger = recordingLogger()
    const backend = track(
      await startBackend({
        dataDir: tempDir(),
        database: { engine: 'postgres', server: { ...server.desk, port: door.port } },
        serverRetry: FAST,
        logger,
      }),
    )

    const status = await backend.router.call('system/get-status', {}, TEST_CALLER)
    expect(status).toMatchObject({
      ok: true,
      data: { database: { mode: 'ok', engine: 'postgres', file: null, connectionLost: true } },
    })
    expect(await backend.router.call('auth/get-state', {}, TEST_CALLER)).toMatchObject({
      ok: false,
      error: { code: 'DATABASE_UNAVAILABLE', reason: 'unreachable' },
    })
    const setUp = { centreName: CENTRE_NAME, language: 'en' as const, ...ADMINISTRATOR }
    expect(await backend.router.call('auth/set-up', setUp, TEST_CALLER)).toMatchObject({
      ok: false,
      error: { code: 'DATABASE_UNAVAILABLE' },
    })
    // It keeps asking in the background.
    await vi.waitFor(() => expect(door.knocks).toBeGreaterThan(2))

    door.open = true
    await vi.waitFor(async () => {
      const now = await backend.router.call('system/get-status', {}, TEST_CALLER)
      expect(now).toMatchObject({ ok: true, data: { database: { connectionLost: false } } })
    })
    // The refused set-up wrote nothing: the centre is still to be set up, and now it can be.
    expect(await backend.router.call('auth/get-state', {}, TEST_CALLER)).toEqual({
      ok: true,
      data: { setupRequired: true, session: null },
    })
    expect(await backend.router.call('auth/set-up', setUp, TEST_CALLER)).toMatchObject({ ok: true })
    expect(logger.lines.some((line) => line.startsWith('info The database server answers again'))).toBe(true)
  })

  it('stops asking when it is closed', async () => {
    const { server, door } = await serverBehindDoor()
    const backend = await startBackend({
      dataDir: tempDir(),
      database: { engine: 'postgres', server: { ...server.desk, port: door.port } },
      serverRetry: FAST,
      logger: recordingLogger(),
    })
    await vi.waitFor(() => expect(door.knocks).toBeGreaterThan(1))
    await backend.close()
    const knocks = door.knocks
    await new Promise((resolve) => setTimeout(resolve, 4 * FAST.mostMs))
    expect(door.knocks).toBe(knocks)
  })

  it('waits as refusing the password when the sealed one cannot be opened on this computer', async () => {
    const server = await createServerDatabase()
    cleanups.push(() => server.drop())
    const dataDir = tempDir()
    const { password, ...settings } = server.desk
    writeDeskDatabase(dataDir, serverConfig(settings, password, safeStorageSecrets(new FakeSafeStorage())))
    // Another computer's keyring: it has no key for this seal.
    const elsewhere = new FakeSafeStorage()
    elsewhere.available = false
    const backend = track(
      await startBackend({
        dataDir,
        secrets: safeStorageSecrets(elsewhere),
        serverRetry: FAST,
        logger: recordingLogger(),
      }),
    )
    expect(backend.database.lost).toBe(true)
    expect(await backend.router.call('auth/get-state', {}, TEST_CALLER)).toMatchObject({
      ok: false,
      error: { code: 'DATABASE_UNAVAILABLE', reason: 'auth_failed' },
    })
  })
})
