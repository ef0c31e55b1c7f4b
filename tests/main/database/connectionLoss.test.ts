import { QueryFailedError } from 'typeorm'
import { describe, expect, it } from 'vitest'
import { ConnectionLost, isConnectionLoss } from '../../../src/main/database/connectionLoss'

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code })
/** As TypeORM hands a driver's failure over: the driver's error kept as `driverError`. */
const wrapped = (driverError: Error) => new QueryFailedError('SELECT 1', [], driverError)

describe('a failure for want of a database server', () => {
  it.each([
    ['the server is not listening', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['the socket was reset', withCode('read ECONNRESET', 'ECONNRESET')],
    [
      'an administrator shut the server down',
      wrapped(withCode('terminating connection due to administrator command', '57P01')),
    ],
    [
      'the server crashed',
      wrapped(withCode('terminating connection because of crash of another server process', '57P02')),
    ],
    ['the server is still starting', withCode('the database system is starting up', '57P03')],
    ['a connection exception', wrapped(withCode('connection failure', '08006'))],
    ['the socket closed under a query', wrapped(new Error('Connection terminated unexpectedly'))],
    ['a transaction lost its connection', new ConnectionLost(new Error('Query runner already released'))],
  ])('is recognised when %s', (_case, error) => {
    expect(isConnectionLoss(error)).toBe(true)
  })

  it.each([
    ['a serialization failure (retried instead)', wrapped(withCode('could not serialize access', '40001'))],
    ['a unique constraint', wrapped(withCode('duplicate key value violates unique constraint', '23505'))],
    ['a syntax error', wrapped(withCode('syntax error at or near "$2"', '42601'))],
    ['a busy SQLite file', withCode('SQLITE_BUSY: database is locked', 'SQLITE_BUSY')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a thrown string', 'Connection'],
  ])('is not confused with %s', (_case, error) => {
    expect(isConnectionLoss(error)).toBe(false)
  })
})
