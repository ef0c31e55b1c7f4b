import type { Locale } from '../../shared/locales'

/** The few words main shows itself (native dialogs); the renderer's texts live in vue-i18n. */
export interface ShellTexts {
  discardTitle: string
  discardMessage: string
  discardDetail: string
  keepEditing: string
  discardChanges: string
}

const EN: ShellTexts = {
  discardTitle: 'Unsaved changes',
  discardMessage: 'Discard changes?',
  discardDetail: 'The form has changes that have not been saved. If you close the window, they will be lost.',
  keepEditing: 'Keep editing',
  discardChanges: 'Discard changes',
}

// Czech is typed against English, so a missing text does not compile.
const CS: ShellTexts = {
  discardTitle: 'Neuložené změny',
  discardMessage: 'Zahodit změny?',
  discardDetail: 'Formulář obsahuje neuložené změny. Pokud okno zavřete, změny se ztratí.',
  keepEditing: 'Pokračovat v úpravách',
  discardChanges: 'Zahodit změny',
}

export const SHELL_TEXTS: Record<Locale, ShellTexts> = { en: EN, cs: CS }

/** What a native message box needs; a subset of Electron's MessageBoxSyncOptions. */
export interface MessageBoxOptions {
  type: 'question'
  title: string
  message: string
  detail: string
  buttons: string[]
  defaultId: number
  cancelId: number
  noLink: boolean
}

/** Shows a native message box and answers the index of the button chosen (`dialog.showMessageBoxSync`). */
export type ShowMessageBox = (options: MessageBoxOptions) => number

/**
 * Asks whether to throw away unsaved changes. Keep editing is first, the default and the
 * answer to Esc or closing the box, so a stray Enter never loses typed work.
 */
export function askToDiscard(showMessageBox: ShowMessageBox, locale: Locale): boolean {
  const texts = SHELL_TEXTS[locale]
  const chosen = showMessageBox({
    type: 'question',
    title: texts.discardTitle,
    message: texts.discardMessage,
    detail: texts.discardDetail,
    buttons: [texts.keepEditing, texts.discardChanges],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  })
  return chosen === 1
}
