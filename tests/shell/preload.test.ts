import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { CALL_CHANNEL } from '../../src/shared/transport'

// In the spirit of Beekeeper Studio's preload exploit spec: load the real preload against a
// fake Electron and prove the page gets one function on one channel, and nothing else.
const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, data: null })),
}))

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api),
  },
  ipcRenderer: {
    invoke: electron.invoke,
    send: () => {
      throw new Error('the preload must not send')
    },
    on: () => {
      throw new Error('the preload must not listen')
    },
  },
}))

describe('the preload', () => {
  beforeAll(async () => {
    await import('../../src/preload/index')
  })

  it('exposes exactly one thing to the page: window.api', () => {
    expect([...electron.exposed.keys()]).toEqual(['api'])
  })

  it('window.api has exactly one member, call', () => {
    const api = electron.exposed.get('api') as object
    expect(Reflect.ownKeys(api)).toEqual(['call'])
    expect(typeof (api as { call: unknown }).call).toBe('function')
    // Nothing hides behind a prototype either.
    expect(Object.getPrototypeOf(api)).toBe(Object.prototype)
  })

  it('call invokes only the call channel, with only the name and input', async () => {
    const { call } = electron.exposed.get('api') as { call: (...args: unknown[]) => Promise<unknown> }
    const result = await call('people/search', { text: 'novak' }, 'ipc-channel-smuggle', { evil: true })
    expect(result).toEqual({ ok: true, data: null })
    expect(electron.invoke).toHaveBeenCalledOnce()
    expect(electron.invoke).toHaveBeenCalledWith(CALL_CHANNEL, 'people/search', { text: 'novak' })
  })

  it('imports nothing a page could reach but electron and the shared channel name', () => {
    const source = readFileSync(resolve(__dirname, '../../src/preload/index.ts'), 'utf8')
    const imports = [...source.matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)].map((match) => match[1])
    expect(imports.sort()).toEqual(['../shared/transport', 'electron'])
  })
})
