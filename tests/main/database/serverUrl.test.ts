import { describe, expect, it } from 'vitest'
import { describeServer, parseServerUrl } from '../../../src/main/database/serverUrl'

describe('a server URL for the command-line tools', () => {
  it('reads user, password, host, port, database and sslmode', () => {
    expect(parseServerUrl('postgres://owner:s%40cret@db.example.cz:6543/ddm%20jablicko?sslmode=require', {})).toEqual({
      host: 'db.example.cz',
      port: 6543,
      database: 'ddm jablicko',
      user: 'owner',
      password: 's@cret',
      tls: 'require',
    })
  })

  it('takes the password from FRONTDESK_DB_PASSWORD when the URL has none; TLS is verified unless on loopback', () => {
    const remote = parseServerUrl('postgresql://owner@db.example.cz/centre', { FRONTDESK_DB_PASSWORD: 'from-env' })
    expect(remote).toMatchObject({ port: 5432, password: 'from-env', tls: 'verify-full' })
    expect(parseServerUrl('postgres://owner@localhost/centre', {})).toMatchObject({ password: '', tls: 'disable' })
    expect(describeServer(remote)).toBe('owner@db.example.cz:5432/centre')
  })

  it('refuses what it cannot use, saying what it expected', () => {
    expect(() => parseServerUrl('mysql://owner@host/centre', {})).toThrow(/Not a PostgreSQL URL/)
    expect(() => parseServerUrl('db.example.cz', {})).toThrow(/Not a server URL/)
    expect(() => parseServerUrl('postgres://db.example.cz/centre', {})).toThrow(/user, the host and the database/)
    expect(() => parseServerUrl('postgres://owner@db.example.cz/centre?sslmode=prefer', {})).toThrow(/sslmode/)
  })
})
