/** Texts of this screen. English is the reference; Czech must have the same keys. */
export const en = {
  title: 'People',
}

export const cs: typeof en = {
  title: 'Lidé',
}
