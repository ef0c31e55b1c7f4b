import { afterEach, describe, expect, it } from 'vitest'
import { startTestBackend, type TestBackend } from '../support/backend'
import { restartTestBackend } from '../support/desks'
import { sampleOrganisation, saveOrganisation } from '../support/organisation'

const organisation = sampleOrganisation()

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
    await saveOrganisation(backend, { ...organisation, currency: 'EUR', language: 'en' })
    await backend.close()
    const reopened = await restartTestBackend(backend)
    backend = reopened
    const settings = await reopened.call('settings/get-organisation', {})
    expect(settings).toMatchObject({ ...organisation, currency: 'EUR', language: 'en' })
    expect(settings.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT/)
  })
})
