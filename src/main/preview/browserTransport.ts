import type { FrontdeskApi } from '../../shared/transport'

/**
 * Runs in the browser, not in Node: it is served as `/__transport.js` via `toString()`, so
 * it may use only browser globals. It stands in for the Electron preload, giving the page
 * the same `window.api.call` over HTTP with the preview token.
 */
export function installBrowserTransport(): void {
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
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token ?? ''}`, 'x-frontdesk-desk': desk },
        body: JSON.stringify({ name, input }),
      })
      if (response.status === 401) {
        return { ok: false, error: { code: 'UNAUTHENTICATED', message: 'Open the address with the token the preview printed' } }
      }
      return response.json()
    },
  }
  Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false, configurable: false })
}
