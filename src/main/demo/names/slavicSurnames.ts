/**
 * Czech and Slovak female surnames: -ý becomes -á, others take -ová (Novák → Nováková,
 * Svoboda → Svobodová, Hájek → Hájková). Irregular ones are listed by the caller;
 * -í and -ů surnames (Krejčí, Janů) do not change.
 */
export function slavicFemaleSurname(male: string, irregular: Readonly<Record<string, string>>): string {
  const listed = irregular[male]
  if (listed) return listed
  if (male.endsWith('ý')) return `${male.slice(0, -1)}á`
  if (male.endsWith('í') || male.endsWith('ů')) return male
  if (male.endsWith('ek')) return `${male.slice(0, -2)}ková`
  if (male.endsWith('a') || male.endsWith('o')) return `${male.slice(0, -1)}ová`
  return `${male}ová`
}
