import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseWindowState, type Rectangle, type WindowState } from './windowPlacement'

/** In the user-data folder, next to the data file: each data folder remembers its own window. */
export const WINDOW_STATE_FILE = 'window-state.json'

/** How long the window must rest before its place is written: a drag fires dozens of moves. */
export const SAVE_DELAY_MS = 500

export function readWindowState(dir: string): WindowState | null {
  try {
    return parseWindowState(JSON.parse(readFileSync(join(dir, WINDOW_STATE_FILE), 'utf8')))
  } catch {
    // Missing or unreadable: the window opens at its default place, which is no loss.
    return null
  }
}

/** Written aside and renamed, so a crash mid-write leaves the old state rather than half a file. */
export function writeWindowState(dir: string, state: WindowState): void {
  const file = join(dir, WINDOW_STATE_FILE)
  writeFileSync(`${file}.tmp`, JSON.stringify(state))
  renameSync(`${file}.tmp`, file)
}

/** What remembering needs of a BrowserWindow; Electron's class satisfies it. */
export interface PlacedWindow {
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown
  isMaximized(): boolean
  /** The bounds the window has when not maximised. */
  getNormalBounds(): Rectangle
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

/** Saves the window's place a moment after it stops moving or resizing, and at once when it closes. */
export function rememberPlacement(
  window: PlacedWindow,
  save: (state: WindowState) => void,
  timers: Timers = realTimers,
): void {
  let pending: unknown
  const saveNow = (): void => {
    if (pending !== undefined) timers.clearTimeout(pending)
    pending = undefined
    save({ bounds: window.getNormalBounds(), maximized: window.isMaximized() })
  }
  const saveSoon = (): void => {
    if (pending !== undefined) timers.clearTimeout(pending)
    pending = timers.setTimeout(saveNow, SAVE_DELAY_MS)
  }
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event, saveSoon)
  window.on('close', saveNow)
}
