import { afterEach, describe, expect, it } from 'vitest'
import { startTestBackend, type TestBackend } from '../support/backend'

const organisation = {
  name: 'Dům dětí a mládeže Jablíčko',
  street: 'Školní 12',
  city: 'Česká Lípa',
  postalCode: '470 01',
  country: 'Česko',
  companyId: '12345678',
  logo: null,
  currency: 'CZK' as const,
  language: 'cs' as const,
}

describe('organisation settings', () => {
  let backend: TestBackend
  afterEach(() => backend?.dispose())

  it('a fresh installation shows empty defaults in Czech crowns', async () => {
    backend = await startTestBackend()
    const settings = await backend.call('settings/get-organisation', {})
    expect(settings).toMatchObject({ name: '', currency: 'CZK', updatedAt: null })
  })

  it('the administrator saves the organisation and it survives a restart', async () => {
    backend = await startTestBackend()
    await backend.call('settings/update-organisation', { ...organisation, currency: 'EUR', language: 'en' })
    await backend.close()
    const reopened = await startTestBackend({}, backend.dataDir)
    backend = reopened
    const settings = await reopened.call('settings/get-organisation', {})
    expect(settings).toMatchObject({ ...organisation, currency: 'EUR', language: 'en' })
    expect(settings.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT/)
  })
})
