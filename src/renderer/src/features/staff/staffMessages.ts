/** Texts of the staff screens. English is the reference; Czech must have the same keys. */
export const en = {
  title: 'Staff',
}

export const cs: typeof en = {
  title: 'Zaměstnanci',
}
