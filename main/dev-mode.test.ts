import { describe, expect, it } from 'vitest'
import { devServerUrl, isDevelopmentMode } from './dev-mode'

describe('isDevelopmentMode', () => {
  it('is on only for an unpackaged app built for development', () => {
    expect(isDevelopmentMode(false, true)).toBe(true)
    expect(isDevelopmentMode(false, false)).toBe(false)
    expect(isDevelopmentMode(true, true)).toBe(false)
    expect(isDevelopmentMode(true, false)).toBe(false)
  })
})

describe('devServerUrl', () => {
  const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' }
  it('honours ELECTRON_RENDERER_URL in development mode', () => {
    expect(devServerUrl(true, env)).toBe('http://localhost:5173')
    expect(devServerUrl(true, {})).toBeUndefined()
  })
  it('ignores ELECTRON_RENDERER_URL outside development mode, so no env var can point the window at a remote page', () => {
    expect(devServerUrl(false, { ELECTRON_RENDERER_URL: 'https://evil.example/' })).toBeUndefined()
  })
})
