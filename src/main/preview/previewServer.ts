import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'
import type { Router } from '../core/router'
import { CONTENT_SECURITY_POLICY } from '../shell/contentSecurityPolicy'
import { installBrowserTransport } from './browserTransport'

const MAX_BODY_BYTES = 2 * 1024 * 1024
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.eot': 'application/vnd.ms-fontobject',
  '.json': 'application/json',
}

export interface PreviewOptions {
  router: Router
  rendererDir: string
  port?: number
  token?: string
}

export interface PreviewServer {
  url: string
  /** The address to open: carries the token the page needs for its calls. */
  openUrl: string
  token: string
  close(): Promise<void>
}

/**
 * The built renderer and the real backend on the loopback interface, for machines without
 * Electron, demos, screenshots and end-to-end tests. Only the transport differs from the app.
 */
export async function startPreviewServer(options: PreviewOptions): Promise<PreviewServer> {
  const token = options.token ?? randomBytes(24).toString('hex')
  const indexFile = join(options.rendererDir, 'index.html')
  if (!existsSync(indexFile)) throw new Error(`No built renderer in ${options.rendererDir}: run the build first`)
  // Classic scripts run before module scripts, so window.api exists before the app starts.
  const indexHtml = readFileSync(indexFile, 'utf8').replace(
    '<head>',
    '<head>\n    <script src="/__transport.js"></script>',
  )
  const transportJs = `(${installBrowserTransport.toString()})();\n`

  const server = createServer((request, response) => {
    handle(request, response).catch(() => send(response, 500, 'text/plain', 'Internal error'))
  })

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const port = (server.address() as AddressInfo).port
    // Refuse other host names: a web page elsewhere must not reach us through DNS rebinding.
    if (request.headers.host !== `127.0.0.1:${port}` && request.headers.host !== `localhost:${port}`) {
      return send(response, 421, 'text/plain', 'Wrong host')
    }
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)
    if (request.method === 'POST' && path === '/rpc') return rpc(request, response)
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return send(response, 405, 'text/plain', 'Method not allowed')
    if (path === '/' || path === '/index.html') return send(response, 200, TYPES['.html'], indexHtml)
    if (path === '/__transport.js') return send(response, 200, TYPES['.js'], transportJs)
    return serveStatic(path, response)
  }

  async function rpc(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!tokenMatches(request.headers.authorization, token)) return send(response, 401, 'text/plain', 'Unauthorized')
    let body: { name?: unknown; input?: unknown }
    try {
      body = JSON.parse(await readBody(request))
    } catch {
      return send(response, 400, 'text/plain', 'Bad request')
    }
    const desk = String(request.headers['x-frontdesk-desk'] ?? 'browser').slice(0, 64)
    const result = await options.router.dispatch(body?.name, body?.input, { transport: 'http', key: desk })
    send(response, 200, TYPES['.json'], JSON.stringify(result))
  }

  function serveStatic(path: string, response: ServerResponse): void {
    const file = normalize(join(options.rendererDir, path))
    if (!file.startsWith(normalize(options.rendererDir) + sep) || !existsSync(file) || !statSync(file).isFile()) {
      return send(response, 404, 'text/plain', 'Not found')
    }
    response.writeHead(200, {
      ...securityHeaders(),
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    })
    createReadStream(file).pipe(response)
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  return {
    url,
    openUrl: `${url}?token=${token}`,
    token,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer /, '') ?? '')
  const expected = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        reject(new Error('Body too large'))
        request.destroy()
      } else chunks.push(chunk)
    })
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

function securityHeaders(): Record<string, string> {
  return {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
  }
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { ...securityHeaders(), 'content-type': type })
  response.end(body)
}
