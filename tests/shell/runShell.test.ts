import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { BrowserWindowConstructorOptions } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startBackend as startRealBackend, type Backend, type BackendOptions } from '../../src/main/backend'
import { serverConfig, writeDeskDatabase } from '../../src/main/system/deskDatabaseConfig'
import { freePort } from '../../scripts/postgres/throwawayCluster'
import type { Logger } from '../../src/main/core/logger'
import type { Router } from '../../src/main/core/router'
import type { CallChannelHost } from '../../src/main/shell/callChannel'
import {
  runShell,
  type ShellScreen,
  type ShellApp,
  type ShellDeps,
  type ShellWebContents,
  type ShellWindow,
} from '../../src/main/shell/runShell'
import type { PreventableEvent } from '../../src/main/shell/window'
import type { Rectangle } from '../../src/main/shell/windowPlacement'
import { CALL_CHANNEL } from '../../src/shared/transport'
import { safeStorageSecrets } from '../../src/main/shell/safeStorageSecrets'
import { FakeContents, FakeSafeStorage, FakeSession } from './fakes'

const RENDERER_HTML = '/opt/Frontdesk/out/renderer/index.html'
const quietLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} }
const secrets = safeStorageSecrets(new FakeSafeStorage())

class FakeApp implements ShellApp {
  readonly calls: string[] = []
  readonly listeners = new Map<string, ((...args: never[]) => void)[]>()
  readonly paths = new Map<string, string>()
  lockGranted = true
  isPackaged = false
  setName = vi.fn((name: string) => void this.calls.push(`setName ${name}`))
  quit = vi.fn(() => void this.calls.push('quit'))
  exit = vi.fn((code?: number) => void this.calls.push(`exit ${code}`))

  constructor(appData: string) {
    this.paths.set('appData', appData)
  }
  getPath(name: 'appData'): string {
    return this.paths.get(name) ?? ''
  }
  setPath(name: 'userData', path: string): void {
    this.calls.push(`setPath ${name}`)
    this.paths.set(name, path)
  }
  requestSingleInstanceLock(): boolean {
    this.calls.push('requestSingleInstanceLock')
    return this.lockGranted
  }
  async whenReady(): Promise<void> {}
  on(event: string, listener: (...args: never[]) => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
    return this
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...args: unknown[]) => void)(...args)
  }
}

class FakeWindow implements ShellWindow {
  static opened: FakeWindow[] = []
  readonly loaded: string[] = []
  readonly listeners = new Map<string, (() => void)[]>()
  destroyed = false
  minimized = false
  maximized = false
  normalBounds: Rectangle
  restore = vi.fn()
  focus = vi.fn()
  show = vi.fn()
  maximize = vi.fn(() => void (this.maximized = true))
  readonly webContents = new FakeContents()
  constructor(readonly options: BrowserWindowConstructorOptions) {
    const { x = 0, y = 0, width = 0, height = 0 } = options
    this.normalBounds = { x, y, width, height }
    FakeWindow.opened.push(this)
  }
  once(event: string, listener: () => void): this {
    return this.on(event, listener)
  }
  on(event: string, listener: () => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
    return this
  }
  emit(event: string): void {
    for (const listener of this.listeners.get(event) ?? []) listener()
  }
  async loadURL(url: string): Promise<void> {
    this.loaded.push(url)
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  isMinimized(): boolean {
    return this.minimized
  }
  isMaximized(): boolean {
    return this.maximized
  }
  getNormalBounds(): Rectangle {
    return this.normalBounds
  }
}

/** Screens by their work areas, the primary one first. */
function fakeScreen(...workAreas: Rectangle[]): ShellScreen {
  return {
    getPrimaryDisplay: () => ({ workArea: workAreas[0] }),
    getAllDisplays: () => workAreas.map((workArea) => ({ workArea })),
  }
}

const FULL_HD = { x: 0, y: 0, width: 1920, height: 1040 }
const LAPTOP = { x: 0, y: 0, width: 1366, height: 728 }

let appData: string
let app: FakeApp
let handle: ReturnType<typeof vi.fn<CallChannelHost['handle']>>
let backendClose: ReturnType<typeof vi.fn<() => Promise<void>>>
let startBackend: ReturnType<typeof vi.fn<(options: BackendOptions) => Promise<Backend>>>
let dispatch: ReturnType<typeof vi.fn<Router['dispatch']>>

function deps(overrides: Partial<ShellDeps<FakeWindow>> = {}): ShellDeps<FakeWindow> {
  return {
    app,
    ipcMain: { handle },
    BrowserWindow: FakeWindow,
    screen: fakeScreen(FULL_HD),
    openExternal: async () => {},
    showErrorBox: vi.fn(),
    showMessageBox: vi.fn(() => 0),
    startBackend,
    secrets,
    argv: ['electron', '.'],
    env: {},
    platform: 'win32',
    rendererHtmlPath: RENDERER_HTML,
    preloadPath: '/opt/Frontdesk/out/preload/index.js',
    logger: quietLogger,
    ...overrides,
  }
}

beforeEach(() => {
  appData = mkdtempSync(join(tmpdir(), 'frontdesk-shell-'))
  app = new FakeApp(appData)
  handle = vi.fn<CallChannelHost['handle']>()
  FakeWindow.opened = []
  dispatch = vi.fn<Router['dispatch']>(async () => ({ ok: true, data: null }))
  backendClose = vi.fn(async () => {})
  startBackend = vi.fn(async () => ({ router: { dispatch }, database: {}, close: backendClose }) as unknown as Backend)
})

afterEach(() => rmSync(appData, { recursive: true, force: true }))

describe('starting Frontdesk', () => {
  it('a second instance on the same data quits without opening the database', async () => {
    app.lockGranted = false
    await runShell(deps())
    expect(app.quit).toHaveBeenCalled()
    expect(startBackend).not.toHaveBeenCalled()
    expect(handle).not.toHaveBeenCalled()
    expect(FakeWindow.opened).toEqual([])
  })

  it('is named Frontdesk and keeps its data in the Frontdesk folder by default', async () => {
    await runShell(deps())
    const dataDir = join(appData, 'Frontdesk')
    expect(app.setName).toHaveBeenCalledWith('Frontdesk')
    expect(startBackend).toHaveBeenCalledWith({ dataDir, logger: quietLogger, secrets })
    expect(app.paths.get('userData')).toBe(dataDir)
  })

  it('takes the single-instance lock on the data folder it will open', async () => {
    const dataDir = join(appData, 'portable')
    await runShell(deps({ argv: ['electron', '.', `--data-dir=${dataDir}`] }))
    // The lock is scoped to userData, so userData must point at the data before the lock is taken.
    expect(app.calls.indexOf('setPath userData')).toBeLessThan(app.calls.indexOf('requestSingleInstanceLock'))
    expect(app.paths.get('userData')).toBe(dataDir)
    expect(startBackend).toHaveBeenCalledWith({ dataDir, logger: quietLogger, secrets })
  })

  it('takes the data folder from FRONTDESK_DATA_DIR', async () => {
    const dataDir = join(appData, 'from-env')
    await runShell(deps({ env: { FRONTDESK_DATA_DIR: dataDir } }))
    expect(startBackend).toHaveBeenCalledWith({ dataDir, logger: quietLogger, secrets })
  })

  it('registers one call channel that reaches the backend', async () => {
    await runShell(deps())
    expect(handle).toHaveBeenCalledOnce()
    const [channel, listener] = handle.mock.calls[0]
    expect(channel).toBe(CALL_CHANNEL)
    const appUrl = pathToFileURL(RENDERER_HTML).href
    await listener({ sender: { id: 3 }, senderFrame: { url: appUrl } }, 'system/ping', {})
    expect(dispatch).toHaveBeenCalledWith('system/ping', {}, { transport: 'ipc', key: '3' })
  })

  it('opens one hardened main window on the built app page', async () => {
    await runShell(deps())
    expect(FakeWindow.opened).toHaveLength(1)
    const [window] = FakeWindow.opened
    expect(window.loaded).toEqual([pathToFileURL(RENDERER_HTML).href])
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      preload: '/opt/Frontdesk/out/preload/index.js',
    })
  })

  it('loads the dev server page when electron-vite runs one', async () => {
    await runShell(deps({ env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' } }))
    expect(FakeWindow.opened[0].loaded).toEqual(['http://localhost:5173/'])
  })

  it('an installed app ignores ELECTRON_RENDERER_URL and loads its own page', async () => {
    app.isPackaged = true
    await runShell(deps({ env: { ELECTRON_RENDERER_URL: 'https://evil.example/' } }))
    expect(FakeWindow.opened[0].loaded).toEqual([pathToFileURL(RENDERER_HTML).href])
  })

  it('hardens every web contents created, with the policy of this run', async () => {
    await runShell(deps({ env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' } }))
    const contents = Object.assign(new FakeContents(), { session: new FakeSession() }) satisfies ShellWebContents
    app.emit('web-contents-created', {}, contents)
    expect(contents.navigate('will-navigate', 'https://evil.example/')).toBe('prevented')
    expect(contents.navigate('will-navigate', 'http://localhost:5173/#/people')).toBe('allowed')
    expect(contents.session.checkPermission('media')).toBe(false)
    const headers = contents.session.respond({ url: 'http://localhost:5173/', responseHeaders: {} })
    expect(String(headers?.['Content-Security-Policy'])).toContain("connect-src 'self' ws://localhost:5173")
  })

  it('closing the window with unsaved changes asks over it in the organisation language', async () => {
    dispatch.mockImplementation(async (name) =>
      name === 'settings/get-organisation' ? { ok: true, data: { language: 'cs' } } : { ok: true, data: null },
    )
    let button = 0
    const showMessageBox = vi.fn<ShellDeps<FakeWindow>['showMessageBox']>(() => button)
    await runShell(deps({ showMessageBox }))
    const [window] = FakeWindow.opened
    expect(window.webContents.preventedUnload()).toBe('kept')
    expect(showMessageBox).toHaveBeenCalledWith(window, expect.objectContaining({ message: 'Zahodit změny?' }))
    button = 1
    expect(window.webContents.preventedUnload()).toBe('closed')
  })

  it('the question follows the organisation language when Settings change it', async () => {
    dispatch.mockImplementation(async (name) =>
      name === 'settings/update-organisation' ? { ok: true, data: { language: 'cs' } } : { ok: true, data: null },
    )
    const showMessageBox = vi.fn<ShellDeps<FakeWindow>['showMessageBox']>(() => 0)
    await runShell(deps({ showMessageBox }))
    const [window] = FakeWindow.opened
    window.webContents.preventedUnload()
    expect(showMessageBox.mock.calls[0][1]).toMatchObject({ message: 'Discard changes?' })
    const [, listener] = handle.mock.calls[0]
    const appUrl = pathToFileURL(RENDERER_HTML).href
    await listener({ sender: { id: 3 }, senderFrame: { url: appUrl } }, 'settings/update-organisation', {})
    window.webContents.preventedUnload()
    expect(showMessageBox.mock.calls[1][1]).toMatchObject({ message: 'Zahodit změny?' })
  })

  it('the shell asks in English when the organisation cannot be read', async () => {
    dispatch.mockRejectedValue(new Error('locked'))
    const showMessageBox = vi.fn<ShellDeps<FakeWindow>['showMessageBox']>(() => 0)
    await runShell(deps({ showMessageBox }))
    expect(FakeWindow.opened[0].webContents.preventedUnload()).toBe('kept')
    expect(showMessageBox.mock.calls[0][1]).toMatchObject({ message: 'Discard changes?', defaultId: 0, cancelId: 0 })
  })

  it('a second launch brings the running window forward instead', async () => {
    await runShell(deps())
    const [window] = FakeWindow.opened
    window.minimized = true
    app.emit('second-instance')
    expect(window.restore).toHaveBeenCalled()
    expect(window.focus).toHaveBeenCalled()
    expect(FakeWindow.opened).toHaveLength(1)
  })

  it('a start-up failure is shown to the user and the app exits', async () => {
    startBackend.mockRejectedValue(new Error('disk full'))
    const showErrorBox = vi.fn()
    await runShell(deps({ showErrorBox }))
    expect(showErrorBox).toHaveBeenCalledWith('Frontdesk could not start', 'disk full')
    expect(app.exit).toHaveBeenCalledWith(1)
    expect(FakeWindow.opened).toEqual([])
  })
})

describe('quitting Frontdesk', () => {
  function willQuit(): PreventableEvent & { prevented: boolean } {
    const event = { prevented: false, preventDefault: () => (event.prevented = true) }
    app.emit('will-quit', event)
    return event
  }

  it('waits for the database to close before the process ends', async () => {
    let finishClosing = (): void => {}
    backendClose.mockImplementation(() => new Promise<void>((resolve) => (finishClosing = resolve)))
    await runShell(deps())

    expect(willQuit().prevented).toBe(true)
    expect(backendClose).toHaveBeenCalledOnce()
    // Asking again while closing must not let the process end early or close twice.
    expect(willQuit().prevented).toBe(true)
    expect(app.quit).not.toHaveBeenCalled()

    finishClosing()
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledOnce())
    expect(willQuit().prevented).toBe(false)
    expect(backendClose).toHaveBeenCalledOnce()
  })

  it('still quits when closing the database fails', async () => {
    backendClose.mockRejectedValue(new Error('busy'))
    await runShell(deps())
    willQuit()
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledOnce())
  })

  it('a backend that finishes starting after quit began is closed and no window opens', async () => {
    let finishStarting = (): void => {}
    const started = new Promise<void>((resolve) => (finishStarting = resolve))
    startBackend.mockImplementation(async () => {
      await started
      return { router: { dispatch }, database: {}, close: backendClose } as unknown as Backend
    })
    const running = runShell(deps())
    await vi.waitFor(() => expect(startBackend).toHaveBeenCalled())
    expect(willQuit().prevented).toBe(false)
    finishStarting()
    await running
    expect(backendClose).toHaveBeenCalledOnce()
    expect(FakeWindow.opened).toEqual([])
    expect(handle).not.toHaveBeenCalled()
  })

  it('closing every window quits on Windows', async () => {
    await runShell(deps())
    app.emit('window-all-closed')
    expect(app.quit).toHaveBeenCalled()
  })
})

describe('the main window on the screens there are', () => {
  const dataDir = () => join(appData, 'Frontdesk')

  /** Starts the shell, shows the window as Electron does once it has painted, and returns it. */
  async function start(screen: ShellScreen): Promise<FakeWindow> {
    FakeWindow.opened = []
    app = new FakeApp(appData)
    await runShell(deps({ screen }))
    const [window] = FakeWindow.opened
    window.emit('ready-to-show')
    return window
  }

  it('opens at its default size, centred, on a screen that has room for it', async () => {
    const window = await start(fakeScreen(FULL_HD))
    expect(window.options).toMatchObject({ x: 320, y: 120, width: 1280, height: 800 })
    expect(window.maximize).not.toHaveBeenCalled()
    expect(window.show).toHaveBeenCalledOnce()
  })

  it('opens maximised on a 1366×768 laptop, which is less than 800 pixels high', async () => {
    const window = await start(fakeScreen(LAPTOP))
    expect(window.maximize).toHaveBeenCalledOnce()
    expect(window.options.height).toBeLessThanOrEqual(LAPTOP.height)
    expect(window.show).toHaveBeenCalledOnce()
  })

  it('reopens where it was left, at the size it was left, and maximised if it was', async () => {
    const first = await start(fakeScreen(FULL_HD))
    first.normalBounds = { x: 100, y: 50, width: 1100, height: 700 }
    first.maximized = true
    first.emit('close')
    expect(existsSync(join(dataDir(), 'window-state.json'))).toBe(true)

    const second = await start(fakeScreen(FULL_HD))
    expect(second.options).toMatchObject({ x: 100, y: 50, width: 1100, height: 700 })
    expect(second.maximize).toHaveBeenCalledOnce()
  })

  it('a window left on a monitor that is no longer there opens on the primary screen', async () => {
    const second = { x: 1920, y: 0, width: 1920, height: 1040 }
    const first = await start(fakeScreen(FULL_HD, second))
    first.normalBounds = { x: 2200, y: 100, width: 1200, height: 800 }
    first.emit('close')

    expect((await start(fakeScreen(FULL_HD, second))).options).toMatchObject({ x: 2200, y: 100 })
    expect((await start(fakeScreen(FULL_HD))).options).toMatchObject({ x: 320, y: 120, width: 1280, height: 800 })
  })

  it('a remembered state that is not one (edited by hand, cut short) is ignored', async () => {
    mkdirSync(dataDir(), { recursive: true })
    writeFileSync(join(dataDir(), 'window-state.json'), '{"bounds": {"x": 10')
    const window = await start(fakeScreen(FULL_HD))
    expect(window.options).toMatchObject({ x: 320, y: 120, width: 1280, height: 800 })
  })
})

describe('a desk that joined a shared server', () => {
  it('opens its window and says the server is away when it does not answer at start, never using a local file', async () => {
    const dataDir = join(appData, 'Frontdesk')
    mkdirSync(dataDir, { recursive: true })
    const port = await freePort() // nothing listens there: the server is down
    const server = { host: '127.0.0.1', port, database: 'frontdesk', user: 'frontdesk_desk', tls: 'disable' as const }
    writeDeskDatabase(dataDir, serverConfig(server, 'Heslo-recepce-1', secrets))
    // The real backend, asking again quickly so the test need not wait.
    const realBackend = (options: BackendOptions) =>
      startRealBackend({ ...options, serverRetry: { firstMs: 20, mostMs: 50 } })
    await runShell(deps({ startBackend: realBackend }))

    expect(app.exit).not.toHaveBeenCalled()
    expect(FakeWindow.opened).toHaveLength(1)
    const [, listener] = handle.mock.calls[0]
    const appUrl = pathToFileURL(RENDERER_HTML).href
    const status = await listener({ sender: { id: 3 }, senderFrame: { url: appUrl } }, 'system/get-status', {})
    expect(status).toMatchObject({
      ok: true,
      data: { database: { mode: 'ok', engine: 'postgres', file: null, connectionLost: true } },
    })
    const state = await listener({ sender: { id: 3 }, senderFrame: { url: appUrl } }, 'auth/get-state', {})
    expect(state).toMatchObject({ ok: false, error: { code: 'DATABASE_UNAVAILABLE', reason: 'unreachable' } })
    expect(existsSync(join(dataDir, 'frontdesk.sqlite'))).toBe(false)

    // Quitting closes the backend, which stops asking for the server.
    app.emit('will-quit', { preventDefault: () => {} })
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledOnce())
  })
})
