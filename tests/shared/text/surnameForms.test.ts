import { describe, expect, it } from 'vitest'
import { surnameForSex } from '../../../src/shared/text/surnameForms'

describe("a relative's surname in the form for a son or a daughter", () => {
  it.each([
    // [relative's surname, son, daughter]
    ['Nováková', 'Novák', 'Nováková'],
    ['Novák', 'Novák', 'Nováková'],
    ['Veselá', 'Veselý', 'Veselá'],
    ['Veselý', 'Veselý', 'Veselá'],
    ['Černý', 'Černý', 'Černá'],
    ['Černá', 'Černý', 'Černá'],
    ['Svobodová', 'Svoboda', 'Svobodová'],
    ['Svoboda', 'Svoboda', 'Svobodová'],
    ['Procházková', 'Procházka', 'Procházková'],
    ['Procházka', 'Procházka', 'Procházková'],
    ['Kučerová', 'Kučera', 'Kučerová'],
    ['Hájková', 'Hájek', 'Hájková'],
    ['Hájek', 'Hájek', 'Hájková'],
    ['Marková', 'Marek', 'Marková'],
    ['Sedláčková', 'Sedláček', 'Sedláčková'],
    ['Jirásková', 'Jirásek', 'Jirásková'],
    ['Němcová', 'Němec', 'Němcová'],
    ['Němec', 'Němec', 'Němcová'],
    ['Švec', 'Švec', 'Švecová'],
    ['Havel', 'Havel', 'Havlová'],
    ['Dvořáková', 'Dvořák', 'Dvořáková'],
    ['Vlachová', 'Vlach', 'Vlachová'],
    ['Petrová', 'Petr', 'Petrová'],
    ['Zemanová', 'Zeman', 'Zemanová'],
    ['Benešová', 'Beneš', 'Benešová'],
    ['Fialová', 'Fiala', 'Fialová'],
    ['Fiala', 'Fiala', 'Fialová'],
    ['Růžičková', 'Růžička', 'Růžičková'],
    ['Nová', 'Nový', 'Nová'],
    ['Kopecká', 'Kopecký', 'Kopecká'],
    ['Krejčí', 'Krejčí', 'Krejčí'],
    ['Janů', 'Janů', 'Janů'],
    // Slovak
    ['Kováčová', 'Kováč', 'Kováčová'],
    ['Horváthová', 'Horváth', 'Horváthová'],
    ['Ďuriš', 'Ďuriš', 'Ďurišová'],
    ['Tichá', 'Tichý', 'Tichá'],
  ])('%s → son %s, daughter %s', (relative, son, daughter) => {
    expect(surnameForSex(relative, 'male')).toBe(son)
    expect(surnameForSex(relative, 'female')).toBe(daughter)
  })

  it.each(['van Dijk', 'Müller', 'Kowalski-Nowak', "O'Brien", 'Smith Jones', 'Łukaszewski', ''])(
    'leaves the foreign or unknown form %j as it is',
    (surname) => {
      expect(surnameForSex(surname, 'male')).toBe(surname)
      expect(surnameForSex(surname, 'female')).toBe(surname)
    },
  )

  it('keeps the case the name was typed in', () => {
    expect(surnameForSex('NOVÁKOVÁ', 'male')).toBe('NOVÁK')
    expect(surnameForSex('novák', 'female')).toBe('Nováková')
    expect(surnameForSex('ČERNÝ', 'female')).toBe('ČERNÁ')
  })

  it('returns an unchanged name exactly as typed, spaces and all', () => {
    expect(surnameForSex(' Novák ', 'male')).toBe(' Novák ')
    expect(surnameForSex(' Novák ', 'female')).toBe('Nováková')
  })
})
