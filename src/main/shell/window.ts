import type { BrowserWindowConstructorOptions, HandlerDetails, WindowOpenHandlerResponse } from 'electron'
import { consoleLogger, type Logger } from '../core/logger'
import { CONTENT_SECURITY_POLICY } from './contentSecurityPolicy'
import type { AppLocation } from './appLocation'
import { DEFAULT_SIZE, MIN_SIZE, type Placement } from './windowPlacement'

export const WINDOW_TITLE = 'Frontdesk'

/**
 * The main window's options. The renderer is treated as untrusted: no Node, its own
 * JavaScript world, an OS-level sandbox, and the preload as its only door to main.
 */
export function mainWindowOptions(preloadPath: string, placement?: Placement): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    ...(placement
      ? { ...placement.bounds, minWidth: placement.minWidth, minHeight: placement.minHeight }
      : { ...DEFAULT_SIZE, minWidth: MIN_SIZE.width, minHeight: MIN_SIZE.height }),
    // Shown on ready-to-show, so a reception worker never sees a blank white frame.
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  }
}

/** What the shell needs of a BrowserWindow; Electron's class satisfies it. */
export interface MainWindow {
  once(event: 'ready-to-show', listener: () => void): unknown
  show(): void
  maximize(): void
  loadURL(url: string): Promise<void>
}

export type MainWindowConstructor<W extends MainWindow> = new (options: BrowserWindowConstructorOptions) => W

/**
 * Creates the hardened main window where `placement` says, loads the app's page and shows it
 * once it has painted (maximised first when the placement says so).
 */
export function openMainWindow<W extends MainWindow>(
  BrowserWindow: MainWindowConstructor<W>,
  location: AppLocation,
  preloadPath: string,
  logger: Logger = consoleLogger,
  placement?: Placement,
): W {
  const window = new BrowserWindow(mainWindowOptions(preloadPath, placement))
  window.once('ready-to-show', () => {
    // Maximising a hidden window shows it on some systems: done here, it never flashes at its small size.
    if (placement?.maximize) window.maximize()
    window.show()
  })
  // loadURL rejects when the page fails to load; the window stays and the log says why.
  window.loadURL(location.entryUrl).catch((error: unknown) => logger.error('Could not load the app page', error))
  return window
}

/** A cancellable Electron event (navigation, redirect, webview attachment). */
export interface PreventableEvent {
  preventDefault(): void
}

/** The part of a WebContents the unload guard listens to; Electron's WebContents satisfies it. */
export interface UnloadContents {
  on(event: 'will-prevent-unload', listener: (event: PreventableEvent) => void): unknown
}

/**
 * The page refuses to unload while a form has unsaved changes (its beforeunload guard).
 * Electron would then silently keep the window open, so main asks the user instead;
 * preventing this event is what lets the unload go on.
 */
export function guardUnsavedChanges(contents: UnloadContents, confirmDiscard: () => boolean): void {
  contents.on('will-prevent-unload', (event) => {
    if (confirmDiscard()) event.preventDefault()
  })
}

export interface NavigationEvent extends PreventableEvent {
  url: string
}

/** The parts of a WebContents that hardening touches; Electron's WebContents satisfies it. */
export interface HardenableContents {
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown
  on(event: 'will-redirect', listener: (event: NavigationEvent) => void): unknown
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void
}

export interface HeadersReceivedDetails {
  url: string
  responseHeaders?: Record<string, string[]>
}

/** The parts of a Session that hardening touches; Electron's Session satisfies it. */
export interface HardenableSession {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void
  webRequest: {
    onHeadersReceived(
      listener: (
        details: HeadersReceivedDetails,
        callback: (response: { responseHeaders?: Record<string, string | string[]> }) => void,
      ) => void,
    ): void
  }
}

export interface HardeningOptions {
  /** The policy header for the app's pages; the dev server needs a wider one. */
  contentSecurityPolicy?: string
  /** Opens a link in the system browser. Without it, links that ask for a new window do nothing. */
  openExternal?: (url: string) => Promise<void>
  logger?: Logger
}

/**
 * Keeps a web contents on the app's own page: no navigation or redirect elsewhere, no new
 * windows, no <webview>, no browser permissions (camera, geolocation, notifications…),
 * and the app's Content-Security-Policy on its responses.
 */
export function hardenWebContents(
  contents: HardenableContents,
  session: HardenableSession,
  isAppUrl: (url: string) => boolean,
  options: HardeningOptions = {},
): void {
  const stayInApp = (event: NavigationEvent): void => {
    if (!isAppUrl(event.url)) event.preventDefault()
  }
  contents.on('will-navigate', stayInApp)
  contents.on('will-redirect', stayInApp)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    // Only web links leave the app, and only to the system browser: never file:, never custom schemes.
    if (options.openExternal && isHttpsUrl(url)) {
      options
        .openExternal(url)
        .catch((error: unknown) => (options.logger ?? consoleLogger).error('Could not open a link', error))
    }
    return { action: 'deny' }
  })
  hardenSession(session, isAppUrl, options.contentSecurityPolicy ?? CONTENT_SECURITY_POLICY)
}

function hardenSession(session: HardenableSession, isAppUrl: (url: string) => boolean, policy: string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppUrl(details.url)) {
      callback({})
      return
    }
    callback({ responseHeaders: withPolicy(details.responseHeaders ?? {}, policy) })
  })
}

/** Our policy replaces any the server sent, whatever the header's spelling. */
function withPolicy(headers: Record<string, string[]>, policy: string): Record<string, string[]> {
  const kept = Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'content-security-policy')
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [policy] }
}

function isHttpsUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:'
  } catch {
    return false
  }
}
