/**
 * vue-i18n's own rule knows only English's one | other. Other languages pick their form by the
 * language's plural category, in the order one | few | other (Czech: 1 | 2–4 | 0 and 5+).
 */
export function pluralByCategory(locale: string): (choice: number, choicesLength: number) => number {
  const rules = new Intl.PluralRules(locale)
  const order = ['one', 'few', 'other']
  return (choice, choicesLength) => {
    const index = order.indexOf(rules.select(choice))
    return Math.min(index < 0 ? order.length - 1 : index, choicesLength - 1)
  }
}
