// kubectl pkg/cmd/get/sorter_test.go's rules (v0.32.5): numbers, strings, quantities, a missing value first,
// stable for equal values, and the error when no object has the field.
import { describe, expect, it } from 'vitest'
import { sortBy } from './sorter'

const obj = (name: string, extra: Record<string, unknown> = {}) => ({ metadata: { name }, ...extra })
const names = (r: unknown) => (r as Array<{ metadata: { name: string } }>).map((o) => o.metadata.name)

describe('--sort-by orders as kubectl sorts', () => {
  it('strings byte by byte', () => {
    expect(names(sortBy([obj('b'), obj('a'), obj('C')], '.metadata.name', (o) => o, false))).toEqual(['C', 'a', 'b'])
  })
  it('integers as numbers, not text', () => {
    const items = [obj('x', { n: 10 }), obj('y', { n: 9 }), obj('z', { n: 100 })]
    expect(names(sortBy(items, '{.n}', (o) => o, false))).toEqual(['y', 'x', 'z'])
  })
  it('strings that are all quantities as quantities (100m < 1 < 2Gi)', () => {
    const items = [obj('a', { q: '2Gi' }), obj('b', { q: '1' }), obj('c', { q: '100m' })]
    expect(names(sortBy(items, 'q', (o) => o, false))).toEqual(['c', 'b', 'a'])
  })
  it('an object without the field comes first; equal values keep their order', () => {
    const items = [obj('a', { n: 1 }), obj('b'), obj('c', { n: 1 })]
    expect(names(sortBy(items, '.n', (o) => o, false))).toEqual(['b', 'a', 'c'])
  })
  it('no object has the field: an error naming the relaxed path', () => {
    expect(sortBy([obj('a'), obj('b')], '.nope', (o) => o, false)).toEqual({ error: 'couldn\'t find any field with path "{.nope}" in the list of objects' })
  })
})

describe('--sort-by compares strings as sortorder.NaturalLess does', () => {
  it('pod-9 before pod-10 (numbers in names compare as numbers)', () => {
    expect(names(sortBy([obj('pod-10'), obj('pod-9'), obj('pod-1')], '.metadata.name', (o) => o, false))).toEqual(['pod-1', 'pod-9', 'pod-10'])
  })
})
