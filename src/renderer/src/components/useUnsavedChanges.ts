import { defineStore } from 'pinia'
import { onBeforeUnmount, onMounted, onUnmounted, ref, watch, type Ref } from 'vue'
import type { Router } from 'vue-router'

/** What a field is: where "Keep editing" puts the cursor back. */
const FIELD = 'input, textarea, select, [contenteditable="true"], [role="combobox"]'

/**
 * The one place that knows whether typed work would be lost: forms and dialogs register how
 * they tell, and every way out (navigation, Esc, closing a dialog, closing the window) asks here.
 */
export const useUnsavedStore = defineStore('unsaved', () => {
  const forms = new Map<symbol, () => boolean>()
  /** The "Discard changes?" dialog is open. */
  const asking = ref(false)
  let answer: ((discard: boolean) => void) | null = null
  let lastField: HTMLElement | null = null

  function dirty(): boolean {
    for (const isDirty of forms.values()) if (isDirty()) return true
    return false
  }

  function register(isDirty: () => boolean): () => void {
    const key = Symbol('form')
    forms.set(key, isDirty)
    return () => forms.delete(key)
  }

  /** True when the user chose to discard (or nothing would be lost). */
  function confirm(isDirty: () => boolean = dirty): Promise<boolean> {
    if (!isDirty()) return Promise.resolve(true)
    answer?.(false)
    asking.value = true
    return new Promise((resolve) => (answer = resolve))
  }

  function reply(discard: boolean): void {
    asking.value = false
    const resolve = answer
    answer = null
    resolve?.(discard)
  }

  /** Back to the field the user was typing in, once the question has gone. */
  function refocus(): void {
    if (lastField?.isConnected) lastField.focus()
  }

  function noteFocus(event: FocusEvent): void {
    const target = event.target
    // A field of a form: not the language switcher or the search launcher in the header.
    if (target instanceof HTMLElement && target.matches(FIELD) && target.closest('form')) {
      lastField = target
    }
  }

  /** A new person signs in: the previous person's work goes with them, unasked. */
  function forget(): void {
    forms.clear()
    reply(false)
  }

  return { asking, dirty, register, confirm, reply, refocus, noteFocus, forget }
})

/**
 * Once, at the top of the app: navigation away from unsaved work asks first, and so does
 * closing or reloading the window (the browser or Electron shows its own question then).
 */
export function useUnsavedGuard(router: Router): void {
  const store = useUnsavedStore()
  const beforeUnload = (event: BeforeUnloadEvent): void => {
    if (!store.dirty()) return
    event.preventDefault()
    // Older engines only ask when returnValue is set.
    event.returnValue = ''
  }
  // Only a new screen drops a form: a tab of the same screen (`?tab=`) keeps it.
  const removeGuard = router.beforeEach((to, from) => to.path === from.path || store.confirm())
  onMounted(() => {
    window.addEventListener('beforeunload', beforeUnload)
    document.addEventListener('focusin', store.noteFocus, { capture: true })
  })
  onUnmounted(() => {
    removeGuard()
    window.removeEventListener('beforeunload', beforeUnload)
    document.removeEventListener('focusin', store.noteFocus, { capture: true })
  })
}

/**
 * A form or dialog whose typed work must not be lost. `isDirty` says whether what is typed
 * differs from what was loaded. `leave(then)` runs `then` at once when nothing would be lost,
 * after "Discard" otherwise: use it for Esc, Cancel and a dialog's close button.
 */
export function useUnsavedChanges(isDirty: () => boolean) {
  const store = useUnsavedStore()
  // Once the user said "Discard", the way out they chose (often a navigation) must not ask again.
  let discarded = false
  function unsaved(): boolean {
    const changed = isDirty()
    if (!changed) discarded = false
    return changed && !discarded
  }
  let unregister: (() => void) | null = null
  onMounted(() => (unregister = store.register(unsaved)))
  onBeforeUnmount(() => unregister?.())

  async function leave(then: () => void): Promise<void> {
    if (!(await store.confirm(unsaved))) return
    discarded = true
    then()
  }

  /** Esc in a form: an open drop-down or picker handles its own Esc first. */
  function escape(event: KeyboardEvent, then: () => void): void {
    if (event.defaultPrevented || event.isComposing) return
    event.preventDefault()
    void leave(then)
  }

  return { leave, escape }
}

/**
 * What was loaded, kept by value to compare the draft with: typing and deleting back is clean.
 * `rebase` after a save, or after the form fills in a default by itself.
 */
export function useBaseline(current: () => unknown) {
  let loaded = JSON.stringify(current())
  return {
    changed: (): boolean => JSON.stringify(current()) !== loaded,
    rebase: (): void => {
      loaded = JSON.stringify(current())
    },
  }
}

/**
 * A dialog with typed input: Esc, its close button and Cancel ask before throwing the input
 * away. `current` is what the user edits; what it held when the dialog opened counts as clean.
 * Bind `:visible="visible" @update:visible="close"` and Cancel to `close`.
 */
export function useDialogGuard(visible: Ref<boolean>, current: () => unknown) {
  const baseline = useBaseline(current)
  const { leave } = useUnsavedChanges(() => visible.value && baseline.changed())
  // After the dialog's own watcher has filled in the values it opens with.
  watch(visible, (open) => open && baseline.rebase(), { flush: 'post', immediate: true })

  function close(): void {
    void leave(() => (visible.value = false))
  }

  /** After a save that keeps the dialog open: what it shows now is clean. */
  return { close, rebase: baseline.rebase }
}
