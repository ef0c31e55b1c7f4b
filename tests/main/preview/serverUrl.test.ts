import { describe, expect, it } from 'vitest'
import { parseServerUrl, serverUrl } from '../../../src/main/database/serverUrl'

describe('a server URL for the preview and the administrators’ tools', () => {
  it('gives host, port, database, user, password and TLS mode', () => {
    expect(
      parseServerUrl('postgres://frontdesk_desk:Tajne-heslo@db.centre.lan:6432/jablicko?sslmode=require', {}),
    ).toEqual({
      host: 'db.centre.lan',
      port: 6432,
      database: 'jablicko',
      user: 'frontdesk_desk',
      password: 'Tajne-heslo',
      tls: 'require',
      allowSuperuser: false,
    })
  })

  it('takes the password from FRONTDESK_DB_PASSWORD, port 5432 and verified TLS unless told', () => {
    const env = { FRONTDESK_DB_PASSWORD: 'z-prostredi' }
    expect(parseServerUrl('postgresql://recepce@10.0.0.5/ddm', env)).toMatchObject({
      host: '10.0.0.5',
      port: 5432,
      user: 'recepce',
      password: 'z-prostredi',
      tls: 'verify-full',
    })
  })

  it('decodes what URLs escape, and reads an IPv6 host', () => {
    const target = parseServerUrl('postgres://p%C5%99%C3%ADjem:a%40b%3Ac@[::1]:5433/dd%C5%AF?sslmode=disable', {})
    expect(target).toMatchObject({ host: '::1', port: 5433, user: 'příjem', password: 'a@b:c', database: 'ddů' })
  })

  it('lets a superuser through only with FRONTDESK_ALLOW_SUPERUSER=1', () => {
    const url = 'postgres://postgres:x@localhost/ddm?sslmode=disable'
    expect(parseServerUrl(url, { FRONTDESK_ALLOW_SUPERUSER: '1' }).allowSuperuser).toBe(true)
    expect(parseServerUrl(url, { FRONTDESK_ALLOW_SUPERUSER: 'yes' }).allowSuperuser).toBe(false)
  })

  it.each([
    ['db.centre.lan/ddm', /Not a URL/],
    ['mysql://u:p@host/ddm', /Not a PostgreSQL URL \(mysql\)/],
    ['postgres://u:p@host', /No database name/],
    ['postgres://u:p@host/', /No database name/],
    ['postgres://host/ddm', /No user/],
    ['postgres://u@host/ddm', /No password: put it in FRONTDESK_DB_PASSWORD/],
    ['postgres://u:p@host/ddm?sslmode=prefer', /sslmode must be one of disable, require, verify-full, not prefer/],
    ['postgres://u:p@host/ddm?ssl=true', /Unknown parameter ssl/],
    ['postgres://u:p@host:99999/ddm', /Not a URL/],
    ['postgres://u:p%E0@host/ddm', /A broken %-escape/],
  ])('refuses %s saying what is wrong and what a good URL looks like', (url, problem) => {
    expect(() => parseServerUrl(url, {})).toThrow(problem)
    expect(() => parseServerUrl(url, {})).toThrow(/Expected postgres:\/\/USER\[:PASSWORD\]@HOST/)
  })

  it('never repeats the password in its error', () => {
    expect(() => parseServerUrl('postgres://u:Tajne-heslo@ho st/ddm', {})).toThrow(/^(?!.*Tajne-heslo)/)
  })

  it('writes a server back as a URL without its password, which reads back the same', () => {
    const server = { host: 'db.centre.lan', port: 5432, database: 'ddů', user: 'příjem', tls: 'require' as const }
    const url = serverUrl(server)
    expect(url).toBe('postgres://p%C5%99%C3%ADjem@db.centre.lan:5432/dd%C5%AF?sslmode=require')
    const { password, allowSuperuser, ...back } = parseServerUrl(url, { FRONTDESK_DB_PASSWORD: 'x' })
    expect({ back, password, allowSuperuser }).toEqual({ back: server, password: 'x', allowSuperuser: false })
  })
})
