import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from './csp'

describe('Content-Security-Policy', () => {
  it("renderer/index.html's <meta> carries the same policy the hosts send as a header", () => {
    const html = readFileSync(join(__dirname, '../../renderer/index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)
    expect(meta?.[1]).toBe(META_CONTENT_SECURITY_POLICY)
  })

  it('allows no inline script, no eval, no plugins and no framing (Electron security checklist)', () => {
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self';/)
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*/)
    expect(CONTENT_SECURITY_POLICY).toMatch(/object-src 'none'/)
    expect(CONTENT_SECURITY_POLICY).toMatch(/frame-ancestors 'none'/)
  })
})
