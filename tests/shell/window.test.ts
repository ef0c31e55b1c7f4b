import { describe, expect, it, vi } from 'vitest'
import { appLocation, isAppUrl } from '../../src/main/shell/appLocation'
import { CONTENT_SECURITY_POLICY } from '../../src/main/shell/contentSecurityPolicy'
import { askToDiscard, type MessageBoxOptions } from '../../src/main/shell/shellTexts'
import {
  guardUnsavedChanges,
  hardenWebContents,
  mainWindowOptions,
  openMainWindow,
  type MainWindow,
} from '../../src/main/shell/window'
import { FakeContents, FakeSession } from './fakes'

const RENDERER_HTML = '/opt/Frontdesk/resources/app/out/renderer/index.html'
const APP_URL = 'file:///opt/Frontdesk/resources/app/out/renderer/index.html'
const location = appLocation(undefined, RENDERER_HTML)
const isOwnPage = (url: string): boolean => isAppUrl(url, location)

function hardened(openExternal?: (url: string) => Promise<void>) {
  const contents = new FakeContents()
  const session = new FakeSession()
  hardenWebContents(contents, session, isOwnPage, { openExternal })
  return { contents, session }
}

describe('the main window', () => {
  const options = mainWindowOptions('/app/out/preload/index.js')
  const prefs = options.webPreferences ?? {}

  it('keeps the page in its own JavaScript world (contextIsolation)', () => {
    expect(prefs.contextIsolation).toBe(true)
  })

  it('runs the page in the OS sandbox', () => {
    expect(prefs.sandbox).toBe(true)
  })

  it('gives the page no Node.js', () => {
    expect(prefs.nodeIntegration).toBe(false)
  })

  it('gives web workers no Node.js', () => {
    expect(prefs.nodeIntegrationInWorker).toBe(false)
  })

  it('gives frames no Node.js', () => {
    expect(prefs.nodeIntegrationInSubFrames).toBe(false)
  })

  it('keeps the same-origin policy on (webSecurity)', () => {
    expect(prefs.webSecurity).toBe(true)
  })

  it('refuses insecure content', () => {
    expect(prefs.allowRunningInsecureContent).toBe(false)
  })

  it('has no <webview> tag', () => {
    expect(prefs.webviewTag).toBe(false)
  })

  it('loads the preload it is given', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.js')
  })

  it('is titled Frontdesk, starts hidden and has room for a data-heavy screen', () => {
    expect(options).toMatchObject({
      title: 'Frontdesk',
      show: false,
      width: 1280,
      height: 800,
      minWidth: 1024,
      minHeight: 640,
    })
  })

  it('loads the app page and appears only once it has painted', async () => {
    const shown = vi.fn()
    const loaded: string[] = []
    let readyToShow: (() => void) | undefined
    class FakeWindow implements MainWindow {
      constructor(readonly options: unknown) {}
      once(_event: 'ready-to-show', listener: () => void) {
        readyToShow = listener
        return this
      }
      show = shown
      maximize = vi.fn()
      async loadURL(url: string) {
        loaded.push(url)
      }
    }
    const window = openMainWindow(FakeWindow, location, '/app/out/preload/index.js')
    expect(window.options).toEqual(mainWindowOptions('/app/out/preload/index.js'))
    expect(loaded).toEqual([APP_URL])
    expect(shown).not.toHaveBeenCalled()
    readyToShow?.()
    expect(shown).toHaveBeenCalledOnce()
  })
})

describe('a hardened web contents', () => {
  it('a page cannot navigate away to a foreign site', () => {
    const { contents } = hardened()
    expect(contents.navigate('will-navigate', 'https://evil.example/')).toBe('prevented')
    expect(contents.navigate('will-navigate', 'file:///etc/passwd')).toBe('prevented')
  })

  it('the app may navigate within its own page', () => {
    const { contents } = hardened()
    expect(contents.navigate('will-navigate', APP_URL)).toBe('allowed')
    expect(contents.navigate('will-navigate', `${APP_URL}#/people`)).toBe('allowed')
  })

  it('a redirect cannot take the page to a foreign site', () => {
    const { contents } = hardened()
    expect(contents.navigate('will-redirect', 'https://evil.example/login')).toBe('prevented')
    expect(contents.navigate('will-redirect', APP_URL)).toBe('allowed')
  })

  it('a page cannot open a new window', () => {
    const { contents } = hardened()
    expect(contents.openWindow('https://example.org/help')).toEqual({ action: 'deny' })
    expect(contents.openWindow(APP_URL)).toEqual({ action: 'deny' })
  })

  it('a web link asking for a new window opens in the system browser instead', () => {
    const openExternal = vi.fn(async () => {})
    const { contents } = hardened(openExternal)
    expect(contents.openWindow('https://example.org/help')).toEqual({ action: 'deny' })
    expect(openExternal).toHaveBeenCalledWith('https://example.org/help')
  })

  it('only https links reach the system browser: no files, no plain http, no custom schemes', () => {
    const openExternal = vi.fn(async () => {})
    const { contents } = hardened(openExternal)
    for (const url of [
      'file:///C:/Windows/System32/calc.exe',
      'http://example.org/',
      'ms-msdt:/id',
      'smb://host/share',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(contents.openWindow(url)).toEqual({ action: 'deny' })
    }
    expect(openExternal).not.toHaveBeenCalled()
  })

  it('a page cannot attach a <webview>', () => {
    const { contents } = hardened()
    expect(contents.attachWebview()).toBe('prevented')
  })

  it('every browser permission request is denied', () => {
    const { session } = hardened()
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'clipboard-read',
      'fileSystem',
    ]) {
      expect(session.requestPermission(permission)).toBe(false)
    }
  })

  it('every browser permission check answers no', () => {
    const { session } = hardened()
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'hid', 'serial', 'usb']) {
      expect(session.checkPermission(permission)).toBe(false)
    }
  })
})

describe("the app page's Content-Security-Policy header", () => {
  it('is set on the app page and replaces any policy the server sent', () => {
    const { session } = hardened()
    const headers = session.respond({
      url: APP_URL,
      responseHeaders: {
        'content-security-policy': ["default-src *; script-src * 'unsafe-eval'"],
        'Content-Type': ['text/html'],
      },
    })
    expect(headers).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY], 'Content-Type': ['text/html'] })
  })

  it('leaves responses that are not the app alone', () => {
    const { session } = hardened()
    expect(session.respond({ url: 'https://example.org/', responseHeaders: {} })).toBeUndefined()
  })

  it('uses the policy it is given (the dev server needs its socket)', () => {
    const contents = new FakeContents()
    const session = new FakeSession()
    hardenWebContents(contents, session, isOwnPage, { contentSecurityPolicy: "default-src 'self'" })
    expect(session.respond({ url: APP_URL })).toEqual({ 'Content-Security-Policy': ["default-src 'self'"] })
  })
})

describe('closing the window with unsaved changes', () => {
  it('keep editing keeps the window open; discard lets it close', () => {
    const contents = new FakeContents()
    let answer = false
    guardUnsavedChanges(contents, () => answer)
    expect(contents.preventedUnload()).toBe('kept')
    answer = true
    expect(contents.preventedUnload()).toBe('closed')
  })

  it('asks "Discard changes?" with Keep editing as the default and the answer to Esc', () => {
    const asked: MessageBoxOptions[] = []
    const keep = askToDiscard((options) => (asked.push(options), options.cancelId), 'en')
    expect(keep).toBe(false)
    expect(asked[0]).toMatchObject({
      message: 'Discard changes?',
      buttons: ['Keep editing', 'Discard changes'],
      defaultId: 0,
      cancelId: 0,
    })
    expect(askToDiscard(() => 1, 'en')).toBe(true)
  })

  it('asks in Czech at a Czech desk', () => {
    const asked: MessageBoxOptions[] = []
    askToDiscard((options) => (asked.push(options), 0), 'cs')
    expect(asked[0]).toMatchObject({ message: 'Zahodit změny?', buttons: ['Pokračovat v úpravách', 'Zahodit změny'] })
  })
})
