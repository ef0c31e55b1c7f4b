import { describe, expect, it } from 'vitest'
import { serverTargetFromUrl } from '../../../../src/main/database/postgresServer'

describe('a server URL for the command-line tools', () => {
  it('reads user, host, port, database and TLS mode, with the password given apart', () => {
    expect(
      serverTargetFromUrl('postgres://frontdesk_owner@db.centre.cz:6543/centre?sslmode=require', 's3cret'),
    ).toEqual({
      host: 'db.centre.cz',
      port: 6543,
      database: 'centre',
      user: 'frontdesk_owner',
      password: 's3cret',
      tls: 'require',
    })
  })

  it('defaults to port 5432 and verify-full, and decodes escaped names', () => {
    expect(serverTargetFromUrl('postgresql://owner%40centre:p%2Fw@[::1]/m%C3%A1j')).toEqual({
      host: '::1',
      port: 5432,
      database: 'máj',
      user: 'owner@centre',
      password: 'p/w',
      tls: 'verify-full',
    })
  })

  it.each([
    ['not a URL', 'db.centre.cz/centre'],
    ['another scheme', 'mysql://owner@db/centre'],
    ['no database', 'postgres://owner@db.centre.cz/'],
    ['no user', 'postgres://db.centre.cz/centre'],
    ['an sslmode libpq has but a desk does not', 'postgres://owner@db/centre?sslmode=prefer'],
  ])('refuses %s', (_what, url) => {
    expect(() => serverTargetFromUrl(url)).toThrow()
  })
})
