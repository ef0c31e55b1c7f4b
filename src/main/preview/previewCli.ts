import { join } from 'node:path'
import { startBackend } from '../backend'
import { serverUrl } from '../database/serverUrl'
import { previewOptions } from './previewOptions'
import { startPreviewServer } from './previewServer'

/**
 * `npm run preview -- [--data-dir=PATH] [--port=N] [--server URL]`: Frontdesk in a browser,
 * with its data in `.tmp/preview-data` by default, or on a PostgreSQL server. Prints the
 * address with its one-time token; the line `FRONTDESK_PREVIEW_URL=` is for scripts.
 */
async function main(): Promise<void> {
  // Built to out/main/preview.js: the project is two folders up.
  const {
    dataDir,
    port,
    server: target,
  } = previewOptions(process.argv.slice(2), process.env, join(__dirname, '..', '..'))
  // Without --server: what the data folder's own configuration names (its file, or a server it joined).
  const backend = await startBackend({ dataDir, database: target ? { engine: 'postgres', server: target } : undefined })
  const server = await startPreviewServer({ router: backend.router, rendererDir: join(__dirname, '../renderer'), port })
  const where = backend.database.server
    ? `on the server ${serverUrl(backend.database.server)}`
    : `with data in ${dataDir}`
  console.log(`Frontdesk is running on ${server.url} ${where}`)
  console.log(`Open this address in a browser (it carries the access token):\n\n  ${server.openUrl}\n`)
  console.log(`FRONTDESK_PREVIEW_URL=${server.openUrl}`)
  const stop = async () => {
    await server.close()
    await backend.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
