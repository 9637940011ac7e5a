import { describe, expect, it } from 'vitest'
import { isAllowedNavigation, isTrustedPageUrl, refuseSender, type TrustedPages } from './trust'

const built: TrustedPages = {}
const dev: TrustedPages = { devServerUrl: 'http://localhost:5173' }

describe('isTrustedPageUrl', () => {
  const cases: Array<[string, TrustedPages, string, boolean]> = [
    ['the built index on app://podlab', built, 'app://podlab/index.html', true],
    ['the app origin root', built, 'app://podlab/', true],
    ['the built index with a hash route', built, 'app://podlab/index.html#/pods', true],
    ['the built index with a query', built, 'app://podlab/index.html?x=1', true],
    ['another host on the app scheme', built, 'app://evil/index.html', false],
    ['a look-alike host', built, 'app://podlab.evil/index.html', false],
    ['credentials in the URL', built, 'app://user@podlab/index.html', false],
    ['the old file:// page', built, 'file:///opt/Podlab/out/renderer/index.html', false],
    ['any file', built, 'file:///etc/passwd', false],
    ['a web page', built, 'https://example.com/', false],
    ['the dev server when not in dev', built, 'http://localhost:5173/', false],
    ['the dev server in dev', dev, 'http://localhost:5173/', true],
    ['a dev server route', dev, 'http://localhost:5173/index.html#/nodes', true],
    ['the app origin in dev (the window shows the dev server only)', dev, 'app://podlab/index.html', false],
    ['another port', dev, 'http://localhost:5174/', false],
    ['a look-alike dev host', dev, 'http://localhost:5173.attacker.example/', false],
    ['https instead of http', dev, 'https://localhost:5173/', false],
    ['garbage', dev, 'not a url', false],
    ['empty', built, '', false],
    ['about:blank', built, 'about:blank', false],
    ['a data url', built, 'data:text/html,<script>1</script>', false],
  ]
  it.each(cases)('%s', (_name, pages, url, want) => {
    expect(isTrustedPageUrl(url, pages)).toBe(want)
  })

  it('ignores a dev server URL that is not http(s), falling back to nothing trusted but its own origin', () => {
    expect(isTrustedPageUrl('file:///x', { devServerUrl: 'file:///x' })).toBe(false)
  })
})

describe('isAllowedNavigation', () => {
  it('lets the built app move within app://podlab only', () => {
    expect(isAllowedNavigation('app://podlab/index.html', built)).toBe(true)
    expect(isAllowedNavigation('file:///opt/Podlab/out/renderer/index.html', built)).toBe(false)
    expect(isAllowedNavigation('https://kubernetes.io/docs/', built)).toBe(false)
    expect(isAllowedNavigation('app://other/', built)).toBe(false)
  })
  it('lets the dev server reload itself and nothing else', () => {
    expect(isAllowedNavigation('http://localhost:5173/', dev)).toBe(true)
    expect(isAllowedNavigation('http://localhost:5173.attacker.example/', dev)).toBe(false)
    expect(isAllowedNavigation('https://kubernetes.io/', dev)).toBe(false)
    expect(isAllowedNavigation('nonsense', dev)).toBe(false)
  })
})

describe('refuseSender', () => {
  const main = { url: 'app://podlab/index.html', parent: null }
  it('accepts the main frame of our window showing our page', () => {
    expect(refuseSender({ sender: { id: 7 }, senderFrame: main }, 7, built)).toBeNull()
  })
  it.each([
    ['another webContents', { sender: { id: 8 }, senderFrame: main }, 'not the Podlab window'],
    ['a destroyed frame', { sender: { id: 7 }, senderFrame: null }, 'gone'],
    ['a subframe', { sender: { id: 7 }, senderFrame: { ...main, parent: {} } }, 'subframe'],
    ['a foreign page', { sender: { id: 7 }, senderFrame: { url: 'https://evil.example/', parent: null } }, 'is not Podlab'],
    ['a local file', { sender: { id: 7 }, senderFrame: { url: 'file:///tmp/evil.html', parent: null } }, 'is not Podlab'],
  ])('refuses %s', (_name, event, reason) => {
    expect(refuseSender(event, 7, built)).toContain(reason)
  })
})
