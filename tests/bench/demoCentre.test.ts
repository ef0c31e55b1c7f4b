import { afterEach, describe, expect, it } from 'vitest'
import { loadDemoCentre } from '../../src/main/demo/demoCentre'
import { czechCompanyId, demoOrganisation } from '../../src/main/demo/organisation'
import { organisationInput } from '../../src/shared/contract/settings'
import { startTestBackend, type TestBackend } from '../support/backend'

describe('demo centre', () => {
  let backend: TestBackend | undefined
  afterEach(async () => {
    await backend?.dispose()
    backend = undefined
  })

  it('is a Czech centre in crowns whose IČO passes the checksum', () => {
    const organisation = demoOrganisation()
    expect(organisationInput.parse(organisation)).toEqual(organisation)
    expect(organisation).toMatchObject({ name: 'Dům dětí a mládeže Jablíčko', currency: 'CZK', language: 'cs' })
    expect(organisation.companyId).toMatch(/^\d{8}$/)
    expect(czechCompanyId(organisation.companyId.slice(0, 7))).toBe(organisation.companyId)
    // Real, published IČOs (ČEZ, Škoda Auto) as known-good check digits.
    expect(czechCompanyId('4527464')).toBe('45274649')
    expect(czechCompanyId('0017704')).toBe('00177041')
  })

  it('loading it fills in the organisation that reception sees', async () => {
    backend = await startTestBackend()
    const now = new Date('2026-09-01T08:00:00Z')
    await backend.database.dataSource.transaction((em) => loadDemoCentre(em, now))
    const organisation = await backend.call('settings/get-organisation', {})
    expect(organisation).toEqual({ ...demoOrganisation(), updatedAt: now.toISOString() })
  })
})
