import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy } from '../../src/main/shell/contentSecurityPolicy'

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name, sources]),
  )
}

describe('the Content-Security-Policy', () => {
  const policy = directives(CONTENT_SECURITY_POLICY)

  it('never allows eval', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval')
    expect(contentSecurityPolicy('http://localhost:5173')).not.toContain('unsafe-eval')
  })

  it("runs only the app's own scripts, never inline ones", () => {
    expect(policy.get('script-src')).toEqual(["'self'"])
    expect(policy.get('default-src')).toEqual(["'self'"])
  })

  it('lets the page talk to nothing but itself', () => {
    expect(policy.get('connect-src')).toEqual(["'self'"])
  })

  it('forbids plugins, base rewriting, form posts and being framed', () => {
    expect(policy.get('object-src')).toEqual(["'none'"])
    expect(policy.get('base-uri')).toEqual(["'none'"])
    expect(policy.get('form-action')).toEqual(["'none'"])
    expect(policy.get('frame-ancestors')).toEqual(["'none'"])
  })

  it("with the dev server, adds exactly that server's hot-reload socket and nothing else", () => {
    const dev = directives(contentSecurityPolicy('http://localhost:5173'))
    expect(dev.get('connect-src')).toEqual(["'self'", 'ws://localhost:5173'])
    for (const [name, sources] of policy) {
      if (name !== 'connect-src') expect(dev.get(name)).toEqual(sources)
    }
  })

  it('without a dev server is the production policy', () => {
    expect(contentSecurityPolicy()).toBe(CONTENT_SECURITY_POLICY)
  })
})
