import { describe, expect, it } from 'vitest'
import { splitTypedName } from '../../../src/shared/text/typedName'

describe('a name typed in a search that found nobody, for New person', () => {
  it('takes the last word as the surname and the words before it as first names', () => {
    expect(splitTypedName('jana nováková')).toEqual({ firstName: 'jana', lastName: 'nováková' })
    expect(splitTypedName('  Anna  Marie   Svobodová ')).toEqual({ firstName: 'Anna Marie', lastName: 'Svobodová' })
  })

  it('takes one word as a surname, the way reception starts typing', () => {
    expect(splitTypedName('novák')).toEqual({ firstName: '', lastName: 'novák' })
  })

  it('leaves out birth years, phones and e-mails, and gives nothing without a name', () => {
    expect(splitTypedName('novák 2015')).toEqual({ firstName: '', lastName: 'novák' })
    expect(splitTypedName('777 123 456')).toBeNull()
    expect(splitTypedName('jana@example.cz')).toBeNull()
    expect(splitTypedName(undefined)).toBeNull()
  })
})
