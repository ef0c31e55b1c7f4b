import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../src/main/shell/contentSecurityPolicy'

const html = readFileSync(join(__dirname, '../../src/renderer/index.html'), 'utf8')
const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? ''

function directives(policy: string): string[] {
  return policy
    .split(';')
    .map((part) => part.trim().replace(/\s+/g, ' '))
    .filter(Boolean)
    .sort()
}

describe('the renderer page', () => {
  it("carries the shell's Content-Security-Policy, because file:// pages get no headers", () => {
    // frame-ancestors is ignored in a meta tag; only the header can carry it.
    const header = directives(CONTENT_SECURITY_POLICY).filter((d) => !d.startsWith('frame-ancestors'))
    expect(directives(meta)).toEqual(header)
  })

  it('allows no eval and no inline script', () => {
    expect(meta).not.toContain('unsafe-eval')
    const scriptSrc = directives(meta).find((d) => d.startsWith('script-src'))
    expect(scriptSrc).toBe("script-src 'self'")
  })
})
