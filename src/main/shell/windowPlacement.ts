/** Where a window is on the desktop, in screen pixels (Electron's Rectangle). */
export interface Rectangle {
  x: number
  y: number
  width: number
  height: number
}

/** What is remembered between starts: the window's normal (not maximised) bounds and whether it was maximised. */
export interface WindowState {
  bounds: Rectangle
  maximized: boolean
}

/** How the main window opens. `bounds` is also where it returns when un-maximised. */
export interface Placement {
  bounds: Rectangle
  minWidth: number
  minHeight: number
  maximize: boolean
}

export const DEFAULT_SIZE = { width: 1280, height: 800 }
export const MIN_SIZE = { width: 1024, height: 640 }
/** The strip at the top of a window that must be on a screen, so it can be grabbed and moved. */
const TITLE_BAR = { height: 32, minVisibleWidth: 120 }

/**
 * Where the main window opens, from what was remembered and the screens there are now (their
 * work areas: the screen without the taskbar; the primary one first). The remembered place is
 * used only while its title bar is still on a screen (a monitor may have been unplugged), and
 * shrunk to fit that screen. Otherwise the default size, centred on the primary screen, and
 * maximised when the screen is smaller than that: a 1366×768 laptop gets the whole screen.
 */
export function placeWindow(saved: WindowState | null, workAreas: readonly Rectangle[]): Placement {
  const primary = workAreas[0]
  if (!primary) throw new Error('There is no screen to show the window on')
  const area = saved ? workAreas.find((candidate) => titleBarOn(saved.bounds, candidate)) : undefined
  if (saved && area) {
    return { ...minimumFor(area), bounds: fitInto(saved.bounds, area), maximize: saved.maximized }
  }
  const small = primary.width < DEFAULT_SIZE.width || primary.height < DEFAULT_SIZE.height
  const width = Math.min(DEFAULT_SIZE.width, primary.width)
  const height = Math.min(DEFAULT_SIZE.height, primary.height)
  return {
    ...minimumFor(primary),
    bounds: {
      x: primary.x + Math.floor((primary.width - width) / 2),
      y: primary.y + Math.floor((primary.height - height) / 2),
      width,
      height,
    },
    maximize: small || (saved?.maximized ?? false),
  }
}

/** A remembered state read back from disk, or null when it is not one (edited by hand, another version). */
export function parseWindowState(value: unknown): WindowState | null {
  if (typeof value !== 'object' || value === null) return null
  const { bounds, maximized } = value as Partial<Record<keyof WindowState, unknown>>
  if (typeof maximized !== 'boolean' || typeof bounds !== 'object' || bounds === null) return null
  const { x, y, width, height } = bounds as Partial<Record<keyof Rectangle, unknown>>
  const numbers = [x, y, width, height]
  if (!numbers.every((n) => typeof n === 'number' && Number.isSafeInteger(n))) return null
  if ((width as number) <= 0 || (height as number) <= 0) return null
  return { bounds: { x, y, width, height } as Rectangle, maximized }
}

function titleBarOn(bounds: Rectangle, area: Rectangle): boolean {
  const top = bounds.y
  const visibleWidth = Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x)
  return top >= area.y && top + TITLE_BAR.height <= area.y + area.height && visibleWidth >= TITLE_BAR.minVisibleWidth
}

/** The same window, no larger than the screen and moved back onto it where it sticks out. */
function fitInto(bounds: Rectangle, area: Rectangle): Rectangle {
  const width = Math.min(bounds.width, area.width)
  const height = Math.min(bounds.height, area.height)
  const x = Math.min(Math.max(bounds.x, area.x), area.x + area.width - width)
  const y = Math.min(Math.max(bounds.y, area.y), area.y + area.height - height)
  return { x, y, width, height }
}

/** The usual minimum, or less on a screen that has not even that much room. */
function minimumFor(area: Rectangle): { minWidth: number; minHeight: number } {
  return { minWidth: Math.min(MIN_SIZE.width, area.width), minHeight: Math.min(MIN_SIZE.height, area.height) }
}
