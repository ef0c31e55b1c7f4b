import { onMounted, onUnmounted } from 'vue'
import { useAuthStore } from './useAuthStore'

/**
 * Ctrl+Shift+L (⌘⇧L) locks the desk from anywhere. Not Ctrl+L: in a browser that is the address
 * bar, which the preview and the end-to-end tests run in.
 */
export const LOCK_SHORTCUT_LABEL = /Mac|iPhone|iPad/.test(navigator.userAgent) ? '⌘⇧L' : 'Ctrl+Shift+L'
export const LOCK_SHORTCUT_ARIA = 'Control+Shift+L'

export function useLockShortcut(): void {
  const auth = useAuthStore()

  function keydown(event: KeyboardEvent): void {
    if (event.key.toLowerCase() !== 'l' || !(event.ctrlKey || event.metaKey) || !event.shiftKey || event.altKey) return
    if (!auth.session || auth.locked) return
    event.preventDefault()
    void auth.lock()
  }

  onMounted(() => window.addEventListener('keydown', keydown, { capture: true }))
  onUnmounted(() => window.removeEventListener('keydown', keydown, { capture: true }))
}
