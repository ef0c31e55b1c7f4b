import { describe, expect, it } from 'vitest'
import { fold, foldedWords } from '../../../src/shared/text/fold'
import { parseSearchQuery } from '../../../src/main/people/search/searchQuery'

describe('search form of names', () => {
  it.each([
    ['Czech', 'Nováková Šťastná Řehoř Ďáblík Čermák Ůžasný', 'novakova stastna rehor dablik cermak uzasny'],
    ['Slovak', 'Ľubomír Ďurica Ôrová Ŕakyta Ä', 'lubomir durica orova rakyta a'],
    ['Hungarian', 'Őrsi Örsi Űrhajós Szőke Gyöngyi', 'orsi orsi urhajos szoke gyongyi'],
    ['Polish', 'Łukasz Żółć Gęślą Jaźń Wójcik', 'lukasz zolc gesla jazn wojcik'],
    ['German and others', "Straße O'Brien Øster Æbelø", 'strasse obrien oster aebelo'],
  ])('%s letters fold to plain lower case', (_language, text, folded) => {
    expect(fold(text)).toBe(folded)
  })

  it('splits double names and hyphens into words', () => {
    expect(foldedWords('Nagy-Kovács  Zsófia')).toEqual(['nagy', 'kovacs', 'zsofia'])
    expect(foldedWords('  ')).toEqual([])
  })
})

describe('what a search query means', () => {
  it('reads names, dates, years, phones and e-mails', () => {
    expect(parseSearchQuery('Novák jan')).toMatchObject({ names: ['novak', 'jan'], birthDate: null })
    expect(parseSearchQuery('3. 9. 2015')).toMatchObject({ names: [], birthDate: '2015-09-03' })
    expect(parseSearchQuery('2015-09-03')).toMatchObject({ birthDate: '2015-09-03' })
    expect(parseSearchQuery('2015')).toMatchObject({ birthYear: '2015', phone: null })
    expect(parseSearchQuery('novak 2015')).toMatchObject({ names: ['novak'], birthYear: '2015' })
    expect(parseSearchQuery('+420 777 12')).toMatchObject({ phone: '77712', names: [] })
    expect(parseSearchQuery('00420 777 123 456')).toMatchObject({ phone: '777123456' })
    expect(parseSearchQuery('+36 20 123')).toMatchObject({ phone: '20123' })
    expect(parseSearchQuery('+49 151 2')).toMatchObject({ phone: '491512' })
    expect(parseSearchQuery('420777123456')).toMatchObject({ phone: '777123456' })
    expect(parseSearchQuery('Jana.Novakova@')).toMatchObject({ email: 'jana.novakova@' })
    expect(parseSearchQuery('31. 2. 2015')).toMatchObject({ birthDate: null })
  })
})
