/**
 * The one Content-Security-Policy of the app's pages: sent as a response header by the
 * shell and repeated in the renderer's index.html meta tag (file:// responses carry no
 * headers, so in a packaged app the meta tag is what Chromium enforces).
 * No 'unsafe-eval': Vue templates are compiled at build time.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

/**
 * The policy for a run of the app. With the Vite dev server, hot reload talks over a
 * WebSocket to the server's own host and port, so exactly that socket is allowed too.
 */
export function contentSecurityPolicy(devServerOrigin?: string): string {
  if (!devServerOrigin) return CONTENT_SECURITY_POLICY
  const socket = new URL(devServerOrigin)
  socket.protocol = socket.protocol === 'https:' ? 'wss:' : 'ws:'
  return CONTENT_SECURITY_POLICY.replace("connect-src 'self'", `connect-src 'self' ${socket.origin}`)
}
