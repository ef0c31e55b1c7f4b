import { describe, expect, it, vi } from 'vitest'
import type { Router } from '../../src/main/core/router'
import { appLocation, isAppUrl, isTrustedSender } from '../../src/main/shell/appLocation'
import { handleCall, registerCallChannel, type CallChannelHost, type CallEvent } from '../../src/main/shell/callChannel'
import { CALL_CHANNEL } from '../../src/shared/transport'

const RENDERER_HTML = '/opt/Frontdesk/resources/app/out/renderer/index.html'
const APP_URL = 'file:///opt/Frontdesk/resources/app/out/renderer/index.html'
const production = appLocation(undefined, RENDERER_HTML, true)
const dev = appLocation('http://localhost:5173/', RENDERER_HTML)

describe('who may call the backend', () => {
  it('the built app page may call, on any of its routes', () => {
    expect(production.entryUrl).toBe(APP_URL)
    expect(isTrustedSender(APP_URL, production)).toBe(true)
    expect(isTrustedSender(`${APP_URL}#/people/12`, production)).toBe(true)
    expect(isTrustedSender(`${APP_URL}?desk=2`, production)).toBe(true)
  })

  it('a foreign web site may not call', () => {
    expect(isTrustedSender('https://evil.example/', production)).toBe(false)
    expect(
      isTrustedSender('https://evil.example/opt/Frontdesk/resources/app/out/renderer/index.html', production),
    ).toBe(false)
  })

  it('another local file may not call', () => {
    expect(isTrustedSender('file:///etc/passwd', production)).toBe(false)
    expect(isTrustedSender('file:///home/desk/Downloads/index.html', production)).toBe(false)
    expect(isTrustedSender('file:///opt/Frontdesk/resources/app/out/renderer/other.html', production)).toBe(false)
  })

  it('the same path on a network host may not call', () => {
    expect(isTrustedSender('file://evil.example/opt/Frontdesk/resources/app/out/renderer/index.html', production)).toBe(
      false,
    )
  })

  it('a frame with no URL (navigated away or destroyed), about:blank or garbage may not call', () => {
    expect(isTrustedSender(undefined, production)).toBe(false)
    expect(isTrustedSender('', production)).toBe(false)
    expect(isTrustedSender('about:blank', production)).toBe(false)
    expect(isTrustedSender('data:text/html,<script>1</script>', production)).toBe(false)
    expect(isTrustedSender('file:///opt/Frontdesk/%E0%A4%A', production)).toBe(false)
  })

  it('the dev server page may call in development, other origins may not', () => {
    expect(isTrustedSender('http://localhost:5173/', dev)).toBe(true)
    expect(isTrustedSender('http://localhost:5173/#/activities', dev)).toBe(true)
    expect(isTrustedSender('http://localhost:5174/', dev)).toBe(false)
    expect(isTrustedSender('http://127.0.0.1:5173/', dev)).toBe(false)
    expect(isTrustedSender('https://localhost:5173/', dev)).toBe(false)
    expect(isTrustedSender(APP_URL, dev)).toBe(false)
  })

  it('paths compare without case on Windows, where the file system ignores it', () => {
    const windows = {
      kind: 'file',
      entryUrl: 'file:///C:/Program%20Files/Frontdesk/resources/app/out/renderer/index.html',
      caseSensitivePaths: false,
    } as const
    expect(isAppUrl('file:///c:/Program Files/Frontdesk/resources/app/out/renderer/index.html', windows)).toBe(true)
    expect(isAppUrl('file:///C:/Users/desk/index.html', windows)).toBe(false)
  })
})

describe('the call channel', () => {
  const fromFrame = (url: string | null): CallEvent => ({
    sender: { id: 7 },
    senderFrame: url === null ? null : { url },
  })

  function routerSpy() {
    const dispatch = vi.fn<Router['dispatch']>(async () => ({ ok: true, data: 'pong' }))
    return { dispatch }
  }

  it('passes a call from the app page to the router as this window', async () => {
    const router = routerSpy()
    const result = await handleCall(router, production, fromFrame(APP_URL), 'system/ping', { a: 1 })
    expect(result).toEqual({ ok: true, data: 'pong' })
    expect(router.dispatch).toHaveBeenCalledWith('system/ping', { a: 1 }, { transport: 'ipc', key: '7' })
  })

  it('refuses a call from a foreign page before it reaches the router', async () => {
    const router = routerSpy()
    for (const url of ['https://evil.example/', 'file:///etc/passwd', null]) {
      const result = await handleCall(router, production, fromFrame(url), 'settings/update', {})
      expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'Untrusted sender' } })
    }
    expect(router.dispatch).not.toHaveBeenCalled()
  })

  it('is registered on the one call channel', async () => {
    const handle = vi.fn<CallChannelHost['handle']>()
    const router = routerSpy()
    registerCallChannel({ handle }, router, production)
    expect(handle).toHaveBeenCalledOnce()
    const [channel, listener] = handle.mock.calls[0]
    expect(channel).toBe(CALL_CHANNEL)
    await listener(fromFrame(APP_URL), 'system/ping', null, 'extra')
    expect(router.dispatch).toHaveBeenCalledWith('system/ping', null, { transport: 'ipc', key: '7' })
  })
})
