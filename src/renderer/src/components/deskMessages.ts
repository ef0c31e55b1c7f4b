/** Texts of the behaviour every screen shares: unsaved work, skipping the navigation. Czech must have the same keys. */
export const en = {
  unsaved: {
    title: 'Discard changes?',
    text: 'What you typed here has not been saved yet. If you leave now, it will be lost.',
    keep: 'Keep editing',
    discard: 'Discard changes',
  },
  skipToContent: 'Skip to content',
}

export const cs: typeof en = {
  unsaved: {
    title: 'Zahodit změny?',
    text: 'To, co jste zde napsali, ještě není uložené. Pokud odejdete, bude ztraceno.',
    keep: 'Pokračovat v úpravách',
    discard: 'Zahodit změny',
  },
  skipToContent: 'Přeskočit na obsah',
}
