import { onMounted, onUnmounted } from 'vue'

/**
 * Once, at the top of the app. When a dialog or pop-up menu closes and the focus falls to nowhere (the menu item that opened
 * the dialog is gone), it goes back to the last thing focused on the page under it: the button
 * that opened the menu. Dialogs and menus live outside `#app`, the page inside it.
 */
export function useFocusReturn(): void {
  let lastOnPage: HTMLElement | null = null
  let pending = 0

  function focusin(event: FocusEvent): void {
    const target = event.target
    if (target instanceof HTMLElement && target.closest('#app')) lastOnPage = target
  }

  function focusout(event: FocusEvent): void {
    const left = event.target
    if (event.relatedTarget || !(left instanceof HTMLElement) || left.closest('#app')) return
    // After the closing animation, when the dialog has handed the focus back (or failed to).
    clearTimeout(pending)
    pending = window.setTimeout(returnFocus, 350)
  }

  function returnFocus(): void {
    const active = document.activeElement
    if (active && active !== document.body && active.isConnected) return
    if (document.querySelector('.p-dialog')) return
    if (lastOnPage?.isConnected && !lastOnPage.closest('[inert]')) lastOnPage.focus()
  }

  onMounted(() => {
    document.addEventListener('focusin', focusin, { capture: true })
    document.addEventListener('focusout', focusout, { capture: true })
  })
  onUnmounted(() => {
    document.removeEventListener('focusin', focusin, { capture: true })
    document.removeEventListener('focusout', focusout, { capture: true })
    clearTimeout(pending)
  })
}
