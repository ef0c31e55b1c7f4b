/** Puts the cursor in the field once it is on the screen (after a dialog's or a page's first paint). */
export function focusFieldSoon(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus())
}
