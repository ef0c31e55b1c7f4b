/** Texts of the audit screens. English is the reference; Czech must have the same keys. */
export const en = {
  title: 'Audit trail',
}

export const cs: typeof en = {
  title: 'Auditní záznam',
}
