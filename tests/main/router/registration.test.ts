import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { contract } from '../../../src/shared/contract'
import { command, mergeContexts } from '../../../src/shared/contract/define'
import { allHandlers } from '../../../src/main/backend'
import { SignInThrottle } from '../../../src/main/auth/signInThrottle'
import type { StaffSessions } from '../../../src/main/auth/staffSessions'
import type { AllHandlers } from '../../../src/main/core/handler'
import { combineHandlers, Router } from '../../../src/main/core/router'
import { localToolOperator } from '../../../src/main/core/session'
import { settingsHandlers } from '../../../src/main/settings/settingsHandlers'
import { systemHandlers } from '../../../src/main/system/systemHandlers'
import { recordingLogger, startTestBackend, type TestBackend } from '../../support/backend'

const spec = command<null>()({ input: z.object({}), kind: 'read', access: 'signed-in' })
const noop = async () => null

describe('mistakes in wiring the contract fail at start-up', () => {
  let backend: TestBackend
  beforeAll(async () => {
    backend = await startTestBackend()
  })
  afterAll(() => backend.dispose())

  const routerFor = (testContract: Record<string, typeof spec>, testHandlers: Record<string, typeof noop>) =>
    new Router({
      contract: testContract,
      handlers: testHandlers as unknown as AllHandlers,
      database: backend.database,
      sessions: localToolOperator('Test'),
      logger: recordingLogger(),
    })

  it('a command name used by two contexts is refused', () => {
    expect(() => mergeContexts({ 'people/search': spec }, { 'people/search': spec })).toThrow(
      /Duplicate command name in the contract: people\/search/,
    )
  })

  it.each([
    'settings/Get',
    'noslash',
    'Settings/get',
    'settings/get_organisation',
    'settings/get/organisation',
    '/get',
    'settings/',
    'settings /get',
    'settings/get-',
    '-settings/get',
    'ledger/record--payment',
    'lidé/hledat',
  ])('the badly formed command name %j is refused', (name) => {
    expect(() => mergeContexts({ [name]: spec })).toThrow(/context\/verb-noun/)
  })

  it('well formed names are accepted', () => {
    const merged = mergeContexts(
      { 'people/search': spec },
      { 'ledger/record-payment': spec, 'cash-desk/close-day': spec },
    )
    expect(Object.keys(merged)).toEqual(['people/search', 'ledger/record-payment', 'cash-desk/close-day'])
  })

  it('the real contract merges without a clash and every name reads context/verb-noun', () => {
    for (const name of Object.keys(contract)) expect(name).toMatch(/^[a-z]+(-[a-z]+)*\/[a-z]+(-[a-z]+)*$/)
  })

  it('a command without a handler stops the router from starting', () => {
    expect(() => routerFor({ 'test/one': spec, 'test/two': spec }, { 'test/one': noop })).toThrow(
      /No handler for command test\/two/,
    )
  })

  it('a handler without a command stops the router from starting', () => {
    expect(() => routerFor({ 'test/one': spec }, { 'test/one': noop, 'test/stray': noop })).toThrow(
      /Handler for unknown command test\/stray/,
    )
  })

  it('a handler that is not a function counts as missing', () => {
    expect(() => routerFor({ 'test/one': spec }, { 'test/one': 'noop' as unknown as typeof noop })).toThrow(
      /No handler for command test\/one/,
    )
  })

  it('a command handled twice is refused when the handler maps are combined', () => {
    expect(() => combineHandlers({ 'test/one': noop }, { 'test/two': noop }, { 'test/one': noop })).toThrow(
      /Duplicate handler for command: test\/one/,
    )
  })

  const handlers = allHandlers({} as StaffSessions, new SignInThrottle())

  it('the real handlers cover exactly the real contract', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort())
    expect(() => combineHandlers(systemHandlers, settingsHandlers)).not.toThrow()
    expect(
      () =>
        new Router({
          handlers,
          database: backend.database,
          sessions: localToolOperator('Test'),
          logger: recordingLogger(),
        }),
    ).not.toThrow()
  })
})
