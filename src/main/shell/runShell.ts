import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Backend, BackendOptions } from '../backend'
import type { SecretBox } from '../system/deskDatabaseConfig'
import { consoleLogger, type Logger } from '../core/logger'
import { APP_NAME, resolveDataDir } from '../dataDir'
import { appLocation, isAppUrl } from './appLocation'
import { registerCallChannel, type CallChannelHost } from './callChannel'
import { contentSecurityPolicy } from './contentSecurityPolicy'
import { LOCALES, type Locale } from '../../shared/locales'
import { askToDiscard, type MessageBoxOptions } from './shellTexts'
import {
  guardUnsavedChanges,
  hardenWebContents,
  openMainWindow,
  type HardenableContents,
  type HardenableSession,
  type MainWindow,
  type MainWindowConstructor,
  type PreventableEvent,
  type UnloadContents,
} from './window'
import { placeWindow, type Rectangle } from './windowPlacement'
import { readWindowState, rememberPlacement, writeWindowState, type PlacedWindow } from './windowState'

/** What the shell needs of Electron's `app`; the real one satisfies it. */
export interface ShellApp {
  readonly isPackaged: boolean
  setName(name: string): void
  getPath(name: 'appData'): string
  setPath(name: 'userData', path: string): void
  requestSingleInstanceLock(): boolean
  whenReady(): Promise<void>
  quit(): void
  exit(exitCode?: number): void
  on(event: 'second-instance', listener: () => void): unknown
  on(event: 'window-all-closed', listener: () => void): unknown
  on(event: 'activate', listener: () => void): unknown
  on(event: 'will-quit', listener: (event: PreventableEvent) => void): unknown
  on(event: 'web-contents-created', listener: (event: unknown, contents: ShellWebContents) => void): unknown
}

export interface ShellWebContents extends HardenableContents {
  session: HardenableSession
}

/** What the shell needs of Electron's `screen` (ready only once the app is). */
export interface ShellScreen {
  getPrimaryDisplay(): { workArea: Rectangle }
  getAllDisplays(): { workArea: Rectangle }[]
}

export interface ShellWindow extends MainWindow, PlacedWindow {
  isDestroyed(): boolean
  isMinimized(): boolean
  restore(): void
  focus(): void
  readonly webContents: UnloadContents
}

export interface ShellDeps<W extends ShellWindow> {
  app: ShellApp
  ipcMain: CallChannelHost
  BrowserWindow: MainWindowConstructor<W>
  screen: ShellScreen
  openExternal: (url: string) => Promise<void>
  showErrorBox: (title: string, content: string) => void
  /** A native message box over the window (`dialog.showMessageBoxSync`); answers the button chosen. */
  showMessageBox: (window: W, options: MessageBoxOptions) => number
  startBackend: (options: BackendOptions) => Promise<Backend>
  /** Seals the server password with the operating system (Electron's safeStorage). */
  secrets: SecretBox
  argv: readonly string[]
  env: NodeJS.ProcessEnv
  platform: NodeJS.Platform
  /** The built renderer page, used when no dev server is running. */
  rendererHtmlPath: string
  preloadPath: string
  logger?: Logger
}

/**
 * The Electron shell: one instance per data folder, the backend, the call channel and the
 * hardened main window. Everything Electron is handed in, so tests run it with fakes.
 * Resolves once start-up has finished or failed.
 */
export async function runShell<W extends ShellWindow>(deps: ShellDeps<W>): Promise<void> {
  const { app } = deps
  const logger = deps.logger ?? consoleLogger
  app.setName(APP_NAME)

  // The single-instance lock is scoped to the userData folder, so pointing userData at the
  // data folder makes the lock guard exactly the SQLite file: a second instance on the same
  // data hands over to the first, while a portable copy or a test on its own folder may run.
  const dataDir = resolve(resolveDataDir(deps.argv, deps.env, join(app.getPath('appData'), APP_NAME)))
  mkdirSync(dataDir, { recursive: true })
  app.setPath('userData', dataDir)
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }

  // An installed app never follows ELECTRON_RENDERER_URL: whoever sets it would choose the page we trust.
  const devServerUrl = app.isPackaged ? undefined : deps.env.ELECTRON_RENDERER_URL
  const location = appLocation(devServerUrl, deps.rendererHtmlPath)
  const isOwnPage = (url: string): boolean => isAppUrl(url, location)
  const policy = contentSecurityPolicy(location.kind === 'dev-server' ? location.origin : undefined)
  // Every web contents, not only the main window's, so nothing created later escapes.
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, contents.session, isOwnPage, {
      contentSecurityPolicy: policy,
      openExternal: deps.openExternal,
      logger,
    }),
  )

  // The language of the shell's own dialogs: the organisation's, known once the backend runs.
  let language: Locale = 'en'
  let mainWindow: W | undefined
  const showMainWindow = (): void => {
    if (!mainWindow || mainWindow.isDestroyed()) {
      const placement = placeWindow(readWindowState(dataDir), workAreas(deps.screen))
      const window = openMainWindow(deps.BrowserWindow, location, deps.preloadPath, logger, placement)
      guardUnsavedChanges(window.webContents, () =>
        askToDiscard((options) => deps.showMessageBox(window, options), language),
      )
      mainWindow = window
      rememberPlacement(mainWindow, (state) => {
        try {
          writeWindowState(dataDir, state)
        } catch (error) {
          logger.warn(`Could not remember the window's place: ${String(error)}`)
        }
      })
      return
    }
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  }
  app.on('second-instance', () => {
    if (mainWindow) showMainWindow()
  })
  app.on('window-all-closed', () => {
    if (deps.platform !== 'darwin') app.quit()
  })

  const backend = closeOnQuit(app, logger)
  try {
    await app.whenReady()
    const started = await deps.startBackend({ dataDir, logger, secrets: deps.secrets })
    if (!backend.adopt(started)) return
    // The shell's dialogs follow the organisation's language, also when Settings change it.
    const router: Pick<Backend['router'], 'dispatch'> = {
      dispatch: async (name, input, caller) => {
        const result = await started.router.dispatch(name, input, caller)
        if (name === 'settings/update-organisation' && result.ok) language = languageOf(result.data) ?? language
        return result
      },
    }
    registerCallChannel(deps.ipcMain, router, location)
    language = await organisationLanguage(started.router, logger)
    showMainWindow()
    app.on('activate', showMainWindow)
  } catch (error) {
    logger.error('Frontdesk could not start', error)
    deps.showErrorBox('Frontdesk could not start', error instanceof Error ? error.message : String(error))
    app.exit(1)
  }
}

/** The organisation's language from its settings; English when they cannot be read. */
async function organisationLanguage(router: Pick<Backend['router'], 'dispatch'>, logger: Logger): Promise<Locale> {
  try {
    const result = await router.dispatch('settings/get-organisation', {}, { transport: 'direct', key: 'shell' })
    const known = result.ok ? languageOf(result.data) : undefined
    if (known) return known
  } catch (error) {
    logger.warn(`Could not read the organisation: ${String(error)}`)
  }
  logger.warn('Could not read the organisation language; the shell speaks English')
  return 'en'
}

function languageOf(organisation: unknown): Locale | undefined {
  const language = (organisation as { language?: unknown } | null)?.language
  return LOCALES.find((locale) => locale === language)
}

/** The screens' work areas, the primary one first. */
function workAreas(screen: ShellScreen): Rectangle[] {
  const primary = screen.getPrimaryDisplay().workArea
  const others = screen.getAllDisplays().map((display) => display.workArea)
  return [primary, ...others.filter((area) => JSON.stringify(area) !== JSON.stringify(primary))]
}

/**
 * Holds quitting until the database is closed, so the last write and the WAL checkpoint
 * finish before the process ends. A backend that finishes starting after quit began is
 * closed straight away.
 */
function closeOnQuit(app: ShellApp, logger: Logger): { adopt(backend: Backend): boolean } {
  let backend: Backend | undefined
  let closing: Promise<void> | undefined
  let closed = false
  let quitting = false
  const close = (open: Backend): Promise<void> =>
    open.close().catch((error: unknown) => logger.error('Closing the database failed', error))
  app.on('will-quit', (event) => {
    quitting = true
    if (!backend || closed) return
    event.preventDefault()
    closing ??= close(backend).finally(() => {
      closed = true
      app.quit()
    })
  })
  return {
    adopt(started) {
      if (quitting) {
        void close(started)
        return false
      }
      backend = started
      return true
    },
  }
}
