import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ErrorData } from '../../../src/shared/errors'
import { startTestBackend, TEST_CALLER, type TestBackend } from '../../support/backend'
import { countRows } from '../../support/database'
import { sampleOrganisation } from '../../support/organisation'

// Nothing saved yet: the form starts from version 0.
const organisation = { ...sampleOrganisation(), expectedVersion: 0 }

const PNG_DOT =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='

describe('bad input is refused before anything is written', () => {
  let backend: TestBackend
  beforeAll(async () => {
    backend = await startTestBackend()
  })
  afterAll(() => backend.dispose())

  /** Sends anything at all, as a compromised or buggy renderer could. */
  async function refusal(name: unknown, input: unknown): Promise<ErrorData> {
    const result = await backend.router.dispatch(name, input, TEST_CALLER)
    if (result.ok) throw new Error(`expected ${String(name)} to be refused, got ${JSON.stringify(result.data)}`)
    return result.error
  }

  async function expectNothingWritten() {
    expect(await countRows(backend.database.dataSource, 'setting')).toBe(0)
    expect(await countRows(backend.database.dataSource, 'audit_log')).toBe(0)
  }

  const updateOrganisation = (input: unknown) => refusal('settings/update-organisation', input)

  it('a field of the wrong type is named with its path', async () => {
    const error = await updateOrganisation({ ...organisation, name: 42, language: true })
    expect(error.code).toBe('VALIDATION_FAILED')
    expect(error.fields?.name).toMatchObject({ code: 'invalid_type' })
    expect(error.fields?.language).toBeDefined()
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['language', 'name'])
    await expectNothingWritten()
  })

  it('a missing field is reported as required', async () => {
    const { city: _city, currency: _currency, ...withoutCity } = organisation
    const error = await updateOrganisation(withoutCity)
    expect(error.code).toBe('VALIDATION_FAILED')
    expect(error.fields?.city).toMatchObject({ code: 'required' })
    expect(error.fields?.currency).toMatchObject({ code: 'required' })
    await expectNothingWritten()
  })

  it('a name of only spaces is required, not accepted as blank', async () => {
    const error = await updateOrganisation({ ...organisation, name: '    ' })
    expect(error.fields).toEqual({ name: expect.objectContaining({ code: 'required' }) })
    await expectNothingWritten()
  })

  it('an over-long string is refused with its limit', async () => {
    const error = await updateOrganisation({ ...organisation, name: 'x'.repeat(201), postalCode: '1'.repeat(21) })
    expect(error.code).toBe('VALIDATION_FAILED')
    expect(error.fields?.name).toMatchObject({ code: 'too_big_string', params: { limit: 200 } })
    expect(error.fields?.postalCode).toMatchObject({ code: 'too_big_string', params: { limit: 20 } })
    await expectNothingWritten()
  })

  it('an unknown field is refused, not silently dropped', async () => {
    const error = await updateOrganisation({ ...organisation, extra: 'x', isAdmin: true })
    expect(error.code).toBe('VALIDATION_FAILED')
    expect(error.fields?.extra).toMatchObject({ code: 'unknown_field' })
    expect(error.fields?.isAdmin).toMatchObject({ code: 'unknown_field' })
    await expectNothingWritten()
  })

  it('an unknown field is refused on a command without input too', async () => {
    const error = await refusal('settings/get-organisation', { where: '1=1' })
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { where: { code: 'unknown_field' } } })
  })

  it.each([
    ['a GIF', 'data:image/gif;base64,R0lGODlhAQABAAAAACw='],
    ['an SVG', 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4='],
    ['a web address', 'https://example.com/logo.png'],
    ['a script', 'javascript:alert(1)'],
    ['broken base64', 'data:image/png;base64,not base64!'],
  ])('a logo that is %s is refused', async (_what, logo) => {
    const error = await updateOrganisation({ ...organisation, logo })
    expect(error.code).toBe('VALIDATION_FAILED')
    expect(error.fields).toEqual({ logo: expect.objectContaining({ code: 'logo_format' }) })
    await expectNothingWritten()
  })

  it('a logo larger than 512 KiB is refused', async () => {
    const logo = `data:image/png;base64,${'A'.repeat(512 * 1024)}`
    const error = await updateOrganisation({ ...organisation, logo })
    expect(error.fields?.logo).toMatchObject({ code: 'too_big_string' })
    await expectNothingWritten()
  })

  it.each(['USD', 'czk', '', 'Kč'])('the currency %j is not one the books can be kept in', async (currency) => {
    const error = await updateOrganisation({ ...organisation, currency })
    expect(error.code).toBe('VALIDATION_FAILED')
    expect(error.fields).toEqual({ currency: expect.objectContaining({ code: 'invalid_choice' }) })
    await expectNothingWritten()
  })

  it('a company id with letters outside the allowed set is refused with its own code', async () => {
    const error = await updateOrganisation({ ...organisation, companyId: 'CZ;12345' })
    expect(error.fields).toEqual({ companyId: expect.objectContaining({ code: 'company_id_format' }) })
    await expectNothingWritten()
  })

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'settings'],
    ['a number', 7],
    ['an array', [organisation]],
    ['an empty array', []],
  ])('input that is %s instead of an object is refused', async (_what, input) => {
    const error = await updateOrganisation(input)
    expect(error.code).toBe('VALIDATION_FAILED')
    expect(error.fields?.['(input)']).toBeDefined()
    await expectNothingWritten()
  })

  it('an empty-input command refuses non-object input too', async () => {
    for (const input of [null, 'x', [], 0]) {
      expect((await refusal('settings/get-organisation', input)).code).toBe('VALIDATION_FAILED')
    }
  })

  it.each([
    'settings/delete-everything',
    'settings/get-organisation ',
    'SETTINGS/GET-ORGANISATION',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'valueOf',
    '',
  ])('the command name %j is unknown', async (name) => {
    const error = await refusal(name, {})
    expect(error.code).toBe('UNKNOWN_COMMAND')
    await expectNothingWritten()
  })

  it('a name that is not a string is an unknown command', async () => {
    for (const name of [
      null,
      undefined,
      42,
      {},
      ['settings/get-organisation'],
      { toString: () => 'settings/get-organisation' },
    ]) {
      expect((await refusal(name, {})).code).toBe('UNKNOWN_COMMAND')
    }
  })

  it('a very long unknown name is not echoed back in full', async () => {
    const error = await refusal(`x/${'a'.repeat(10_000)}`, {})
    expect(error.code).toBe('UNKNOWN_COMMAND')
    expect(error.message.length).toBeLessThan(200)
  })

  // Last on purpose: proves the zero counts above were not zero for some other reason.
  it('after all those refusals a valid save writes one setting row and one audit row', async () => {
    const result = await backend.router.dispatch(
      'settings/update-organisation',
      { ...organisation, logo: PNG_DOT },
      TEST_CALLER,
    )
    expect(result).toMatchObject({ ok: true, data: { name: organisation.name, logo: PNG_DOT } })
    expect(await countRows(backend.database.dataSource, 'setting')).toBe(1)
    expect(await countRows(backend.database.dataSource, 'audit_log')).toBe(1)
  })
})
