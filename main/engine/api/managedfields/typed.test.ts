import { describe, expect, it } from 'vitest'
import { schemaFor } from './schema'
import { compare, merge, removeItems, toFieldSet } from './typed'
import { FieldSet } from '../../../kube/fieldpath'

const pod = schemaFor('v1', 'Pod')
const base = { spec: { containers: [{ name: 'c', image: 'nginx', args: ['a'] }], nodeSelector: { a: 'b' } } }

describe('ToFieldSet (typed/tofieldset.go)', () => {
  it('lists keyed items as members, struct fields only at leaves, atomic lists and maps as one leaf', () => {
    expect(toFieldSet(base, pod).toFieldsV1()).toEqual({
      'f:spec': { 'f:containers': { 'k:{"name":"c"}': { '.': {}, 'f:args': {}, 'f:image': {}, 'f:name': {} } }, 'f:nodeSelector': {} },
    })
  })

  it('keys ports by containerPort and the defaulted protocol', () => {
    const set = toFieldSet({ spec: { containers: [{ name: 'c', ports: [{ containerPort: 80 }] }] } }, pod)
    expect(set.has(['f:spec', 'f:containers', 'k:{"name":"c"}', 'f:ports', 'k:{"containerPort":80,"protocol":"TCP"}'])).toBe(true)
  })
})

describe('Compare (typed/compare.go)', () => {
  it('marks a changed leaf modified, new nodes added with their parents, gone ones removed', () => {
    const next = { spec: { containers: [{ name: 'c', image: 'nginx:1.28', args: ['a'] }, { name: 'd', image: 'busybox' }] } }
    const c = compare(base, next, pod)
    expect(c.modified.paths()).toEqual([['f:spec', 'f:containers', 'k:{"name":"c"}', 'f:image']])
    expect(c.added.paths()).toEqual([
      ['f:spec', 'f:containers', 'k:{"name":"d"}'],
      ['f:spec', 'f:containers', 'k:{"name":"d"}', 'f:image'],
      ['f:spec', 'f:containers', 'k:{"name":"d"}', 'f:name'],
    ])
    expect(c.removed.paths()).toEqual([['f:spec', 'f:nodeSelector']])
  })

  it('treats a null list beside a keyed one as empty: the items are new, the list is not', () => {
    const c = compare({ spec: { containers: null } }, { spec: { containers: [{ name: 'c' }] } }, pod)
    expect(c.added.has(['f:spec', 'f:containers'])).toBe(false)
    expect(c.added.has(['f:spec', 'f:containers', 'k:{"name":"c"}'])).toBe(true)
  })
})

describe('Merge and RemoveItems (typed/merge.go, remove.go)', () => {
  it('merges keyed items by key, the applied values winning, live-only items and fields kept', () => {
    const live = { spec: { containers: [{ name: 'a', image: 'x', imagePullPolicy: 'Always' }, { name: 'b', image: 'y' }] } }
    const applied = { spec: { containers: [{ name: 'a', image: 'z' }] } }
    expect(merge(live, applied, pod)).toEqual({ spec: { containers: [{ name: 'a', image: 'z', imagePullPolicy: 'Always' }, { name: 'b', image: 'y' }] } })
  })

  it('replaces an atomic list whole', () => {
    const merged = merge({ spec: { containers: [{ name: 'a', args: ['1', '2'] }] } }, { spec: { containers: [{ name: 'a', args: ['3'] }] } }, pod)
    expect(merged).toEqual({ spec: { containers: [{ name: 'a', args: ['3'] }] } })
  })

  it('removes a keyed item with its subtree', () => {
    const live = { spec: { containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }] } }
    expect(removeItems(live, FieldSet.of(['f:spec', 'f:containers', 'k:{"name":"b"}']), pod)).toEqual({ spec: { containers: [{ name: 'a', image: 'x' }] } })
  })
})
