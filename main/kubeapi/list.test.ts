import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../kube'
import { decodeContinue, encodeContinue, paginate } from './list'

const pod = (namespace: string, name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { namespace, name } })

describe('paginate', () => {
  it('orders by etcd key bytes: a namespace that prefixes another with a dash comes after it', () => {
    const page = paginate([pod('a', 'x'), pod('a-b', 'x')], '7', undefined, undefined, false)
    expect(page.items.map((o) => o.metadata.namespace)).toEqual(['a-b', 'a'])
  })

  it('continues after the last key of the page, and counts the rest only without selectors', () => {
    const items = ['p1', 'p2', 'p3'].map((n) => pod('default', n))
    const first = paginate(items, '9', 2, undefined, false)
    expect(first.items.map((o) => o.metadata.name)).toEqual(['p1', 'p2'])
    expect(first.remainingItemCount).toBe(1)
    expect(paginate(items, '9', 2, undefined, true).remainingItemCount).toBeUndefined()
    const second = paginate(items, '9', 2, first.continueToken, false)
    expect(second).toEqual({ items: [items[2]] })
  })

  it('encodes the token as the storage layer does', () => {
    const token = encodeContinue('default/p2', '9')
    expect(JSON.parse(Buffer.from(token, 'base64url').toString())).toEqual({ v: 'meta.k8s.io/v1', rv: 9, start: 'default/p2\u0000' })
    expect(decodeContinue(token)).toBe('default/p2\u0000')
  })

  it.each([
    ['!!', 'invalid continue token: continue key is not valid: illegal base64 data at input byte 0'],
    [Buffer.from('{"v":"x","rv":1,"start":"a"}').toString('base64url'), 'invalid continue token: continue key is not valid: server does not recognize this encoded version'],
    [Buffer.from('{"v":"meta.k8s.io/v1","rv":0,"start":"a"}').toString('base64url'), 'invalid continue token: continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)'],
  ])('refuses the token %s', (token, message) => {
    expect(() => decodeContinue(token)).toThrow(message)
  })
})
