import { pathToFileURL } from 'node:url'

/**
 * Where the renderer is loaded from. The shell loads exactly `entryUrl`, so anything
 * that compares against it compares against what Chromium was really given.
 */
export type AppLocation =
  | { kind: 'file'; entryUrl: string; caseSensitivePaths: boolean }
  | { kind: 'dev-server'; entryUrl: string; origin: string }

/**
 * The dev server electron-vite announces in ELECTRON_RENDERER_URL, otherwise the built
 * index.html. Windows file systems ignore case, so paths compare without it there.
 */
export function appLocation(
  devServerUrl: string | undefined,
  rendererHtmlPath: string,
  caseSensitivePaths: boolean = process.platform !== 'win32',
): AppLocation {
  if (devServerUrl) {
    const url = new URL(devServerUrl)
    return { kind: 'dev-server', entryUrl: url.href, origin: url.origin }
  }
  return { kind: 'file', entryUrl: pathToFileURL(rendererHtmlPath).href, caseSensitivePaths }
}

/** Is `url` the app's own page (any route or query of it), and nothing else? */
export function isAppUrl(url: string, location: AppLocation): boolean {
  const parsed = parseUrl(url)
  if (!parsed) return false
  if (location.kind === 'dev-server') return parsed.origin === location.origin
  const entry = new URL(location.entryUrl)
  // A file URL's origin is opaque ("null"), so compare the file it names instead.
  return (
    parsed.protocol === 'file:' &&
    parsed.host === entry.host &&
    samePath(parsed.pathname, entry.pathname, location.caseSensitivePaths)
  )
}

/** Only the app's own page may call the backend; a missing frame (navigated away, destroyed) may not. */
export function isTrustedSender(frameUrl: string | undefined, location: AppLocation): boolean {
  return frameUrl !== undefined && isAppUrl(frameUrl, location)
}

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url)
  } catch {
    return undefined
  }
}

function samePath(a: string, b: string, caseSensitive: boolean): boolean {
  // Chromium and Node may percent-encode the same path differently.
  const left = decodePath(a)
  const right = decodePath(b)
  if (left === undefined || right === undefined) return false
  return caseSensitive ? left === right : left.toLowerCase() === right.toLowerCase()
}

function decodePath(path: string): string | undefined {
  try {
    return decodeURIComponent(path)
  } catch {
    return undefined
  }
}
