import type { Result } from '../../shared/errors'
import type { FrontdeskApi } from '../../shared/transport'

/** The few browser globals the transport uses; the main process is compiled without DOM types. */
interface BrowserGlobals {
  location: { search: string; pathname: string; hash: string }
  history: { replaceState(data: null, unused: string, url: string): void }
  sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void }
  crypto: { randomUUID(): string }
  fetch: typeof fetch
}

/**
 * Runs in the browser, not in Node: it is served as `/__transport.js` via `toString()`, so
 * it may use only browser globals. It stands in for the Electron preload, giving the page
 * the same `window.api.call` over HTTP with the preview token.
 */
export function installBrowserTransport(): void {
  const { location, history, sessionStorage, crypto, fetch } = globalThis as unknown as BrowserGlobals
  const params = new URLSearchParams(location.search)
  let token = params.get('token')
  if (token) {
    sessionStorage.setItem('frontdesk.token', token)
    params.delete('token')
    const query = params.toString()
    // Keep the token out of the address bar and history once it is stored.
    history.replaceState(null, '', location.pathname + (query ? `?${query}` : '') + location.hash)
  } else {
    token = sessionStorage.getItem('frontdesk.token')
  }
  const desk = sessionStorage.getItem('frontdesk.desk') ?? crypto.randomUUID()
  sessionStorage.setItem('frontdesk.desk', desk)

  const api: FrontdeskApi = {
    async call(name, input) {
      const response = await fetch('/rpc', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token ?? ''}`,
          'x-frontdesk-desk': desk,
        },
        body: JSON.stringify({ name, input }),
      })
      if (response.status === 401) {
        return {
          ok: false,
          error: { code: 'UNAUTHENTICATED', message: 'Open the address with the token the preview printed' },
        }
      }
      return (await response.json()) as Result<unknown>
    },
  }
  Object.defineProperty(globalThis, 'api', { value: Object.freeze(api), writable: false, configurable: false })
}
