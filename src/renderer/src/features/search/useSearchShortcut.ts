import { onMounted, onUnmounted } from 'vue'

/** Apple keyboards say ⌘K, everyone else Ctrl+K; both work everywhere. */
export const SHORTCUT_LABEL = /Mac|iPhone|iPad/.test(navigator.userAgent) ? '⌘K' : 'Ctrl+K'

/**
 * Ctrl+K / Cmd+K from anywhere in the window. `allowed` is asked at every press: the shell
 * stays mounted (inert) under the lock screen, and keyboard events still reach the window.
 */
export function useSearchShortcut(open: () => void, allowed: () => boolean): void {
  function keydown(event: KeyboardEvent): void {
    if (event.key.toLowerCase() !== 'k' || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return
    if (!allowed()) return
    // Chromium would put the cursor in its own search box otherwise.
    event.preventDefault()
    open()
  }
  onMounted(() => window.addEventListener('keydown', keydown, { capture: true }))
  onUnmounted(() => window.removeEventListener('keydown', keydown, { capture: true }))
}
