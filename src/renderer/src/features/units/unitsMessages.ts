/** Texts of the units screens. English is the reference; Czech must have the same keys. */
export const en = {
  title: 'Organisational units',
}

export const cs: typeof en = {
  title: 'Organizační jednotky',
}
