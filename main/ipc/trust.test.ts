import { describe, expect, it } from 'vitest'
import { isAllowedNavigation, isTrustedPageUrl, refuseSender, type TrustedPages } from './trust'

const built: TrustedPages = { indexFileUrl: 'file:///opt/Podlab/out/renderer/index.html' }
const dev: TrustedPages = { ...built, devServerUrl: 'http://localhost:5173' }

describe('isTrustedPageUrl', () => {
  const cases: Array<[string, TrustedPages, string, boolean]> = [
    ['the built index', built, 'file:///opt/Podlab/out/renderer/index.html', true],
    ['the built index with a hash route', built, 'file:///opt/Podlab/out/renderer/index.html#/pods', true],
    ['the built index with a query', built, 'file:///opt/Podlab/out/renderer/index.html?x=1', true],
    ['another file beside it', built, 'file:///opt/Podlab/out/renderer/evil.html', false],
    ['a longer name with the same prefix', built, 'file:///opt/Podlab/out/renderer/index.html.evil', false],
    ['a dot-dot path that normalises elsewhere', built, 'file:///opt/Podlab/out/renderer/../index.html', false],
    ['a file under a different host', built, 'file://server/opt/Podlab/out/renderer/index.html', false],
    ['a web page', built, 'https://example.com/', false],
    ['the dev server when not in dev', built, 'http://localhost:5173/', false],
    ['the dev server in dev', dev, 'http://localhost:5173/', true],
    ['a dev server route', dev, 'http://localhost:5173/index.html#/nodes', true],
    ['another port', dev, 'http://localhost:5174/', false],
    ['a look-alike host', dev, 'http://localhost:5173.attacker.example/', false],
    ['https instead of http', dev, 'https://localhost:5173/', false],
    ['garbage', dev, 'not a url', false],
    ['empty', dev, '', false],
    ['about:blank', dev, 'about:blank', false],
    ['a data url', dev, 'data:text/html,<script>1</script>', false],
  ]
  it.each(cases)('%s', (_name, pages, url, want) => {
    expect(isTrustedPageUrl(url, pages)).toBe(want)
  })

  it('compares paths case-insensitively only when asked (Windows)', () => {
    const win: TrustedPages = { indexFileUrl: 'file:///C:/Podlab/out/renderer/index.html' }
    expect(isTrustedPageUrl('file:///c:/podlab/OUT/renderer/index.html', win)).toBe(false)
    expect(isTrustedPageUrl('file:///c:/podlab/OUT/renderer/index.html', { ...win, caseInsensitivePaths: true })).toBe(true)
  })

  it('ignores a dev server URL that is not http(s)', () => {
    expect(isTrustedPageUrl('file:///x', { ...built, devServerUrl: 'file:///x' })).toBe(false)
  })
})

describe('isAllowedNavigation', () => {
  it('blocks every navigation of the built app', () => {
    expect(isAllowedNavigation('file:///opt/Podlab/out/renderer/index.html', built)).toBe(false)
    expect(isAllowedNavigation('https://kubernetes.io/docs/', built)).toBe(false)
  })
  it('lets the dev server reload itself and nothing else', () => {
    expect(isAllowedNavigation('http://localhost:5173/', dev)).toBe(true)
    expect(isAllowedNavigation('http://localhost:5173.attacker.example/', dev)).toBe(false)
    expect(isAllowedNavigation('https://kubernetes.io/', dev)).toBe(false)
    expect(isAllowedNavigation('nonsense', dev)).toBe(false)
  })
})

describe('refuseSender', () => {
  const main = { url: 'file:///opt/Podlab/out/renderer/index.html', parent: null }
  it('accepts the main frame of our window showing our page', () => {
    expect(refuseSender({ sender: { id: 7 }, senderFrame: main }, 7, built)).toBeNull()
  })
  it.each([
    ['another webContents', { sender: { id: 8 }, senderFrame: main }, 'not the Podlab window'],
    ['a destroyed frame', { sender: { id: 7 }, senderFrame: null }, 'gone'],
    ['a subframe', { sender: { id: 7 }, senderFrame: { ...main, parent: {} } }, 'subframe'],
    ['a foreign page', { sender: { id: 7 }, senderFrame: { url: 'https://evil.example/', parent: null } }, 'is not Podlab'],
  ])('refuses %s', (_name, event, reason) => {
    expect(refuseSender(event, 7, built)).toContain(reason)
  })
})
