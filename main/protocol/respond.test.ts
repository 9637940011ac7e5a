import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../door/csp'
import { appResponse } from './respond'

let base: string
let root: string

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'podlab-protocol-'))
  root = join(base, 'renderer')
  mkdirSync(join(root, 'assets'), { recursive: true })
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Podlab</title>')
  writeFileSync(join(root, 'assets', 'index.js'), 'console.log(1)')
  writeFileSync(join(base, 'secret.txt'), 'not for the page')
  symlinkSync(join(base, 'secret.txt'), join(root, 'link.txt'))
})

afterAll(() => rmSync(base, { recursive: true, force: true }))

const get = (url: string, method = 'GET') => appResponse({ url, method }, root)

describe('appResponse', () => {
  it('serves index.html for / with its type and the CSP header', async () => {
    const res = await get('app://podlab/')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await res.text()).toContain('<title>Podlab</title>')
  })

  it('serves a script as JavaScript (module scripts need the right MIME type)', async () => {
    const res = await get('app://podlab/assets/index.js?v=1')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await res.text()).toBe('console.log(1)')
  })

  it.each([
    ['a missing file', 'app://podlab/nope.js'],
    ['a folder', 'app://podlab/assets'],
    ['a folder with a slash', 'app://podlab/assets/'],
    ['an encoded escape', 'app://podlab/..%2fsecret.txt'],
    ['a NUL byte', 'app://podlab/index.html%00'],
    ['a symbolic link that points out of the folder', 'app://podlab/link.txt'],
    ['another host', 'app://other/index.html'],
  ])('answers 404 with the CSP for %s', async (_name, url) => {
    const res = await get(url)
    expect(res.status).toBe(404)
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(await res.text()).toBe('')
  })

  it('answers 400 for a path that does not decode', async () => {
    expect((await get('app://podlab/%E0%A4%A')).status).toBe(400)
  })

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://podlab/index.html', 'HEAD')
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
    const post = await get('app://podlab/index.html', 'POST')
    expect(post.status).toBe(405)
    expect(post.headers.get('allow')).toBe('GET, HEAD')
  })
})
