// The Electron wiring of app://, against a stand-in for Electron's protocol module (no binary here).

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'

const fake = vi.hoisted(() => ({ privileged: [] as unknown[], handlers: new Map<string, (r: Request) => Promise<Response>>() }))

vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => fake.privileged.push(...schemes),
    handle: (scheme: string, handler: (r: Request) => Promise<Response>) => fake.handlers.set(scheme, handler),
  },
}))

const { registerAppScheme, serveAppProtocol } = await import('./serve')

describe('app scheme', () => {
  it('is registered as standard, secure and fetchable', () => {
    registerAppScheme()
    expect(fake.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
    ])
  })

  it('is handled by serving the given folder', async () => {
    const root = mkdtempSync(join(tmpdir(), 'podlab-serve-'))
    try {
      writeFileSync(join(root, 'index.html'), 'hello')
      serveAppProtocol(root)
      const handler = fake.handlers.get('app')!
      const res = await handler(new Request('app://podlab/index.html'))
      expect(res.status).toBe(200)
      expect(await res.text()).toBe('hello')
      expect((await handler(new Request('app://podlab/missing.html'))).status).toBe(404)
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })
})
