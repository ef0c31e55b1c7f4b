import { createI18n } from 'vue-i18n'
import { describe, expect, it } from 'vitest'
import * as activities from '../../../src/renderer/src/features/activities/activitiesMessages'
import { pluralByCategory } from '../../../src/renderer/src/i18n/plural'

describe('plural forms', () => {
  it('Czech takes one | few | other by the language’s own rule', () => {
    const czech = pluralByCategory('cs')
    expect([0, 1, 2, 4, 5, 11, 22, 101].map((n) => czech(n, 3))).toEqual([2, 0, 1, 1, 2, 2, 2, 2])
  })

  it('counts read right in both languages', () => {
    const i18n = createI18n({
      legacy: false,
      locale: 'cs',
      messages: { en: { activities: activities.en }, cs: { activities: activities.cs } },
      pluralRules: { cs: pluralByCategory('cs') },
    })
    const { t, locale } = i18n.global
    expect([1, 3, 5].map((n) => t('activities.listCount', n))).toEqual(['jedna aktivita', '3 aktivity', '5 aktivit'])
    locale.value = 'en'
    expect([0, 1, 5].map((n) => t('activities.listCount', n))).toEqual(['0 activities', 'one activity', '5 activities'])
  })
})
