// A hostile body nested thousands of levels deep (a shared workshop file, a curl to the REST door) is refused with
// the API server's BadRequest, never an internal error from the engine's own recursion (a fresh user saw
// "Internal error occurred: Maximum call stack size exceeded" for a ConfigMap 2,000 levels deep).

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ApiError, openCluster, type HostEngine } from '..'

let engine: HostEngine
beforeEach(() => {
  engine = openCluster(join(mkdtempSync(join(tmpdir(), 'podlab-deep-')), 'c.podlab'), { mode: 'manual' })
})
afterEach(() => engine.close())

const nested = (depth: number): unknown => {
  let v: unknown = 'x'
  for (let i = 0; i < depth; i++) v = { a: v }
  return v
}

const refusal = (f: () => unknown): ApiError => {
  try {
    f()
  } catch (e) {
    if (e instanceof ApiError) return e
    throw e
  }
  throw new Error('no error')
}

describe('bodies nested deeper than the engine can copy', () => {
  it.each([3_000, 10_000])('a ConfigMap whose data is %i levels deep: the decoder\'s type error, 400', (depth) => {
    const e = refusal(() => engine.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'deep' }, data: nested(depth) } as never))
    expect(e.reason).toBe('BadRequest')
    expect(e.message).toBe('ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal object into Go struct field ConfigMap.data of type string')
    expect(() => engine.get('configmaps', 'default', 'deep')).toThrow(/not found/)
  })

  it('a merge patch 10,000 levels deep is a BadRequest, and the object is unchanged', () => {
    engine.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: { k: 'v' } } as never)
    const e = refusal(() => engine.patch('configmaps', 'default', 'cm', 'merge', { data: nested(10_000) }))
    expect(e.reason).toBe('BadRequest')
    expect(engine.get('configmaps', 'default', 'cm').data).toEqual({ k: 'v' })
  })
})
