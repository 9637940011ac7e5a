import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { contentTypeOf, isInside } from '../door/renderer-files'
import { resolveRequestPath } from './request-path'

const root = join('/opt', 'Podlab', 'out', 'renderer')

describe('resolveRequestPath: files of the app folder', () => {
  it.each([
    ['/ is index.html', 'app://podlab/', join(root, 'index.html'), 'text/html; charset=utf-8'],
    ['the origin alone is index.html', 'app://podlab', join(root, 'index.html'), 'text/html; charset=utf-8'],
    ['a script', 'app://podlab/assets/index-abc.js', join(root, 'assets', 'index-abc.js'), 'text/javascript; charset=utf-8'],
    ['a stylesheet', 'app://podlab/assets/index.css', join(root, 'assets', 'index.css'), 'text/css; charset=utf-8'],
    ['an icon', 'app://podlab/favicon.svg', join(root, 'favicon.svg'), 'image/svg+xml'],
    ['the query string is ignored', 'app://podlab/index.html?lang=ko', join(root, 'index.html'), 'text/html; charset=utf-8'],
    ['the fragment is ignored', 'app://podlab/index.html#/pods', join(root, 'index.html'), 'text/html; charset=utf-8'],
    ['a percent-encoded space', 'app://podlab/a%20b.js', join(root, 'a b.js'), 'text/javascript; charset=utf-8'],
    ['dot-dot that stays inside, normalised by the URL parser', 'app://podlab/assets/../index.html', join(root, 'index.html'), 'text/html; charset=utf-8'],
  ])('%s', (_name, url, path, contentType) => {
    expect(resolveRequestPath(url, root)).toEqual({ ok: true, path, contentType })
  })
})

describe('resolveRequestPath: refusals', () => {
  it.each([
    ['dot-dot past the root (the parser clamps it at /)', 'app://podlab/../../etc/passwd', true],
    ['an encoded slash after dot-dot', 'app://podlab/..%2f..%2fetc%2fpasswd', false],
    ['an encoded dot-dot and slash', 'app://podlab/%2e%2e%2f%2e%2e%2fetc/passwd', false],
    ['an encoded backslash (Windows separator)', 'app://podlab/..%5c..%5cwindows%5cwin.ini', false],
    ['a raw backslash', 'app://podlab/assets\\..\\..\\x', false],
    ['a NUL byte', 'app://podlab/index.html%00.png', false],
    ['a Windows drive segment', 'app://podlab/C:/Windows/win.ini', false],
    ['an encoded drive after a slash', 'app://podlab/x%2fC:%2fWindows', false],
    ['a folder (trailing slash)', 'app://podlab/assets/', false],
    ['a double slash', 'app://podlab//etc/passwd', false],
    ['another host', 'app://evil/index.html', false],
    ['another scheme', 'file:///opt/Podlab/out/renderer/index.html', false],
  ])('%s', (_name, url, mayResolveInside) => {
    const got = resolveRequestPath(url, root)
    if (mayResolveInside && got.ok) {
      // The URL parser already removed the dot-dots: what is left must be a file inside the root.
      expect(got.path).toBe(join(root, 'etc', 'passwd'))
      return
    }
    expect(got).toMatchObject({ ok: false, status: 404 })
  })

  it('refuses a path that does not decode with 400', () => {
    expect(resolveRequestPath('app://podlab/%E0%A4%A', root)).toMatchObject({ ok: false, status: 400 })
  })

  it('refuses a string that is not a URL with 400', () => {
    expect(resolveRequestPath('not a url', root)).toMatchObject({ ok: false, status: 400 })
  })
})

describe('contentTypeOf', () => {
  it('knows the types a Vite build emits and sends octet-stream (never sniffed) otherwise', () => {
    expect(contentTypeOf('a.mjs')).toBe('text/javascript; charset=utf-8')
    expect(contentTypeOf('A.PNG')).toBe('image/png')
    expect(contentTypeOf('font.woff2')).toBe('font/woff2')
    expect(contentTypeOf('data.bin')).toBe('application/octet-stream')
    expect(contentTypeOf('LICENSE')).toBe('application/octet-stream')
  })
})

describe('isInside', () => {
  it.each([
    [join(root, 'a.js'), true],
    [join(root, '..x'), true],
    [root, false],
    [join(root, '..'), false],
    [join(root, '..', 'renderer2', 'a.js'), false],
    ['/etc/passwd', false],
  ])('%s -> %s', (path, want) => {
    expect(isInside(root, path)).toBe(want)
  })
})
