import { afterEach, describe, expect, it } from 'vitest'
import { DEMO_ADMINISTRATOR, loadDemoCentre } from '../../src/main/demo/demoCentre'
import { demoUnits } from '../../src/main/demo/units'
import { czechCompanyId, demoOrganisation } from '../../src/main/demo/organisation'
import { organisationInput } from '../../src/shared/contract/settings'
import { startTestBackend, type TestBackend } from '../support/backend'
import { saveOrganisation } from '../support/organisation'

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

  it('loading it gives a centre with its administrator, its units and its organisation, once', async () => {
    backend = await startTestBackend()
    const caller = { transport: 'direct' as const, key: 'demo' }
    expect(await loadDemoCentre(backend.router, caller, { force: false })).toBe('loaded')
    expect(await backend.call('settings/get-organisation', {})).toMatchObject(demoOrganisation())
    const units = await backend.call('units/list', {})
    expect(units).toHaveLength(demoUnits().length)
    expect(units.filter((unit) => unit.parentId === null).map((unit) => unit.name)).toEqual([demoOrganisation().name])
    const staff = await backend.call('staff/list', {})
    expect(staff.map((member) => member.username)).toEqual([DEMO_ADMINISTRATOR.username])

    const auditRows = (
      await backend.call('audit/search', {
        staffUserId: null,
        command: null,
        text: '',
        from: null,
        to: null,
        utcOffsetMinutes: 0,
        beforeId: null,
      })
    ).rows.length
    expect(await loadDemoCentre(backend.router, caller, { force: false })).toBe('already-loaded')
    expect(
      (
        await backend.call('audit/search', {
          staffUserId: null,
          command: null,
          text: '',
          from: null,
          to: null,
          utcOffsetMinutes: 0,
          beforeId: null,
        })
      ).rows,
    ).toHaveLength(auditRows)
  })

  it('does not overwrite another centre unless forced', async () => {
    backend = await startTestBackend()
    const caller = { transport: 'direct' as const, key: 'demo' }
    await saveOrganisation(backend, { ...demoOrganisation(), name: 'DDM Jiný' })
    expect(await loadDemoCentre(backend.router, caller, { force: false })).toBe('belongs-to-another-centre')
    expect(await loadDemoCentre(backend.router, caller, { force: true })).toBe('loaded')
  })
})
