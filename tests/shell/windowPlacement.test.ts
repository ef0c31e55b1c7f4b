import { describe, expect, it, vi } from 'vitest'
import { parseWindowState, placeWindow, type Rectangle } from '../../src/main/shell/windowPlacement'
import { rememberPlacement, SAVE_DELAY_MS, type PlacedWindow } from '../../src/main/shell/windowState'

const FULL_HD: Rectangle = { x: 0, y: 0, width: 1920, height: 1040 }
const LAPTOP: Rectangle = { x: 0, y: 0, width: 1366, height: 728 }
const RIGHT_OF_FULL_HD: Rectangle = { x: 1920, y: 0, width: 2560, height: 1400 }
const SMALL_NETBOOK: Rectangle = { x: 0, y: 0, width: 1024, height: 560 }

describe('where the main window opens', () => {
  it('at its default size, centred on the primary screen, when nothing is remembered', () => {
    expect(placeWindow(null, [FULL_HD])).toEqual({
      bounds: { x: 320, y: 120, width: 1280, height: 800 },
      minWidth: 1024,
      minHeight: 640,
      maximize: false,
    })
  })

  it('maximised, and no larger than the screen when restored, on a screen smaller than the default', () => {
    expect(placeWindow(null, [LAPTOP])).toEqual({
      bounds: { x: 43, y: 0, width: 1280, height: 728 },
      minWidth: 1024,
      minHeight: 640,
      maximize: true,
    })
  })

  it('with a smaller minimum on a screen that has not even the usual minimum', () => {
    expect(placeWindow(null, [SMALL_NETBOOK])).toMatchObject({ minWidth: 1024, minHeight: 560, maximize: true })
  })

  it('where it was left, as long as its title bar is on a screen', () => {
    const saved = { bounds: { x: 2000, y: 40, width: 1500, height: 900 }, maximized: false }
    expect(placeWindow(saved, [FULL_HD, RIGHT_OF_FULL_HD])).toMatchObject({ bounds: saved.bounds, maximize: false })
  })

  it('maximised on the screen it was maximised on', () => {
    const saved = { bounds: { x: 2000, y: 40, width: 1500, height: 900 }, maximized: true }
    expect(placeWindow(saved, [FULL_HD, RIGHT_OF_FULL_HD])).toMatchObject({ bounds: saved.bounds, maximize: true })
  })

  it('on the primary screen when the screen it was on has been unplugged', () => {
    const saved = { bounds: { x: 2000, y: 40, width: 1500, height: 900 }, maximized: false }
    expect(placeWindow(saved, [FULL_HD])).toMatchObject({
      bounds: { x: 320, y: 120, width: 1280, height: 800 },
      maximize: false,
    })
  })

  it.each<[string, Rectangle]>([
    ['above the screen', { x: 100, y: -500, width: 1200, height: 700 }],
    ['below the screen', { x: 100, y: 1030, width: 1200, height: 700 }],
    ['all but a corner off the left edge', { x: -1150, y: 100, width: 1200, height: 700 }],
  ])('on the primary screen when its title bar would be %s', (_where, bounds) => {
    expect(placeWindow({ bounds, maximized: false }, [FULL_HD]).bounds).toEqual({
      x: 320,
      y: 120,
      width: 1280,
      height: 800,
    })
  })

  it('shrunk to fit and moved back onto the screen when it was larger than the screen is now', () => {
    const saved = { bounds: { x: 200, y: 0, width: 1900, height: 1000 }, maximized: false }
    expect(placeWindow(saved, [LAPTOP]).bounds).toEqual({ x: 0, y: 0, width: 1366, height: 728 })
  })
})

describe('a remembered window state read back from disk', () => {
  it('is taken when it is one', () => {
    const state = { bounds: { x: -10, y: 20, width: 1200, height: 700 }, maximized: true }
    expect(parseWindowState(JSON.parse(JSON.stringify(state)))).toEqual(state)
  })

  it.each([
    null,
    'window',
    {},
    { bounds: { x: 0, y: 0, width: 1200, height: 700 } },
    { bounds: { x: 0, y: 0, width: 0, height: 700 }, maximized: false },
    { bounds: { x: 0, y: 0, width: '1200', height: 700 }, maximized: false },
    { bounds: { x: 0, y: 0.5, width: 1200, height: 700 }, maximized: false },
    { bounds: null, maximized: false },
  ])('is ignored when it is %j', (value) => {
    expect(parseWindowState(value)).toBeNull()
  })
})

describe('remembering where the window is', () => {
  function fakeWindow() {
    const listeners = new Map<string, () => void>()
    const window: PlacedWindow & { bounds: Rectangle; maximized: boolean; emit(event: string): void } = {
      bounds: { x: 10, y: 20, width: 1200, height: 700 },
      maximized: false,
      on: (event, listener) => listeners.set(event, listener),
      isMaximized: () => window.maximized,
      getNormalBounds: () => window.bounds,
      emit: (event) => listeners.get(event)?.(),
    }
    return window
  }

  it('saves once, a moment after a drag or a resize stops', () => {
    vi.useFakeTimers()
    try {
      const window = fakeWindow()
      const save = vi.fn()
      rememberPlacement(window, save, { setTimeout, clearTimeout })
      for (let step = 0; step < 20; step++) {
        window.bounds = { ...window.bounds, x: 10 + step }
        window.emit(step % 2 ? 'move' : 'resize')
        vi.advanceTimersByTime(SAVE_DELAY_MS / 10)
      }
      expect(save).not.toHaveBeenCalled()
      vi.advanceTimersByTime(SAVE_DELAY_MS)
      expect(save).toHaveBeenCalledOnce()
      expect(save).toHaveBeenCalledWith({ bounds: { x: 29, y: 20, width: 1200, height: 700 }, maximized: false })
    } finally {
      vi.useRealTimers()
    }
  })

  it('saves at once when the window closes, with its normal bounds and that it was maximised', () => {
    vi.useFakeTimers()
    try {
      const window = fakeWindow()
      const save = vi.fn()
      rememberPlacement(window, save, { setTimeout, clearTimeout })
      window.maximized = true
      window.emit('maximize')
      window.emit('close')
      expect(save).toHaveBeenCalledWith({ bounds: { x: 10, y: 20, width: 1200, height: 700 }, maximized: true })
      vi.advanceTimersByTime(SAVE_DELAY_MS * 2)
      expect(save).toHaveBeenCalledOnce()
    } finally {
      vi.useRealTimers()
    }
  })
})
