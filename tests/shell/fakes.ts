import type { HandlerDetails, WindowOpenHandlerResponse } from 'electron'
import type {
  HardenableContents,
  HardenableSession,
  HeadersReceivedDetails,
  NavigationEvent,
  PreventableEvent,
} from '../../src/main/shell/window'

type Listener = (event: never) => void

/** A web contents that records what the shell registers, so tests can fire events at it. */
export class FakeContents implements HardenableContents {
  readonly listeners = new Map<string, Listener[]>()
  windowOpenHandler?: (details: HandlerDetails) => WindowOpenHandlerResponse

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
    return this
  }

  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.windowOpenHandler = handler
  }

  /** Fires a navigation-like event and says whether the shell let it through. */
  navigate(event: 'will-navigate' | 'will-redirect', url: string): 'allowed' | 'prevented' {
    let prevented = false
    const details: NavigationEvent = { url, preventDefault: () => (prevented = true) }
    this.fire(event, details)
    return prevented ? 'prevented' : 'allowed'
  }

  attachWebview(): 'allowed' | 'prevented' {
    let prevented = false
    const event: PreventableEvent = { preventDefault: () => (prevented = true) }
    this.fire('will-attach-webview', event)
    return prevented ? 'prevented' : 'allowed'
  }

  openWindow(url: string): WindowOpenHandlerResponse {
    if (!this.windowOpenHandler) throw new Error('no window open handler registered')
    const details: HandlerDetails = {
      url,
      frameName: '',
      features: '',
      disposition: 'new-window',
      referrer: { url: '', policy: 'default' },
    }
    return this.windowOpenHandler(details)
  }

  /** The page refused to unload (unsaved changes): says whether the shell let the unload go on. */
  preventedUnload(): 'closed' | 'kept' {
    let goesOn = false
    this.fire('will-prevent-unload', { preventDefault: () => (goesOn = true) })
    return goesOn ? 'closed' : 'kept'
  }

  private fire(name: string, event: PreventableEvent): void {
    const listeners = this.listeners.get(name) ?? []
    if (listeners.length === 0) throw new Error(`nothing listens to ${name}`)
    for (const listener of listeners) (listener as (event: PreventableEvent) => void)(event)
  }
}

type HeadersListener = Parameters<HardenableSession['webRequest']['onHeadersReceived']>[0]
type RequestHandler = Parameters<HardenableSession['setPermissionRequestHandler']>[0]
type CheckHandler = Parameters<HardenableSession['setPermissionCheckHandler']>[0]

export class FakeSession implements HardenableSession {
  permissionRequestHandler?: RequestHandler
  permissionCheckHandler?: CheckHandler
  headersListener?: HeadersListener

  setPermissionRequestHandler(handler: RequestHandler): void {
    this.permissionRequestHandler = handler
  }

  setPermissionCheckHandler(handler: CheckHandler): void {
    this.permissionCheckHandler = handler
  }

  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener): void => {
      this.headersListener = listener
    },
  }

  requestPermission(permission: string): boolean | undefined {
    if (!this.permissionRequestHandler) throw new Error('no permission request handler registered')
    let answer: boolean | undefined
    this.permissionRequestHandler(null, permission, (granted) => (answer = granted))
    return answer
  }

  checkPermission(permission: string): boolean {
    if (!this.permissionCheckHandler) throw new Error('no permission check handler registered')
    return this.permissionCheckHandler(null, permission)
  }

  /** The headers a response ends up with after the shell's listener ran. */
  respond(details: HeadersReceivedDetails): Record<string, string | string[]> | undefined {
    if (!this.headersListener) throw new Error('no headers listener registered')
    let headers: Record<string, string | string[]> | undefined
    this.headersListener(details, (response) => (headers = response.responseHeaders))
    return headers
  }
}

/**
 * Electron's safeStorage as the OS would behave: a reversible scrambling keyed to this "machine"
 * (here a byte mask), so what is stored is not the password, and unavailable until the app is ready.
 */
export class FakeSafeStorage {
  available = true
  constructor(private readonly mask = 0x5a) {}

  isEncryptionAvailable(): boolean {
    return this.available
  }

  encryptString(plainText: string): Buffer {
    if (!this.available) throw new Error('Encryption is not available')
    return Buffer.from(Buffer.from(plainText, 'utf8').map((byte) => byte ^ this.mask))
  }

  decryptString(encrypted: Buffer): string {
    if (!this.available) throw new Error('Decryption is not available')
    return Buffer.from(encrypted.map((byte) => byte ^ this.mask)).toString('utf8')
  }
}
