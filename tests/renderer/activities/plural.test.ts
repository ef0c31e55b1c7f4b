import { describe, expect, it } from 'vitest'
import { i18n, pluralByCategory } from '../../../src/renderer/src/i18n'

describe('plural forms', () => {
  it('Czech takes one | few | other by the language’s own rule', () => {
    const czech = pluralByCategory('cs')
    expect([0, 1, 2, 4, 5, 11, 22, 101].map((n) => czech(n, 3))).toEqual([2, 0, 1, 1, 2, 2, 2, 2])
  })

  it('counts read right in both languages', () => {
    const { t, locale } = i18n.global
    locale.value = 'cs'
    expect([1, 3, 5].map((n) => t('activities.listCount', n, { named: { n } }))).toEqual([
      'jedna aktivita',
      '3 aktivity',
      '5 aktivit',
    ])
    locale.value = 'en'
    expect([0, 1, 5].map((n) => t('activities.listCount', n, { named: { n } }))).toEqual([
      '0 activities',
      'one activity',
      '5 activities',
    ])
  })
})
