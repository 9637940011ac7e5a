import { describe, expect, it } from 'vitest'
import { FieldSet, keyElement, pathString, valueElement } from './fieldpath'

describe('FieldsV1 encoding (structured-merge-diff fieldpath/serialize.go)', () => {
  it('writes a member with children as `.: {}` beside them, and sorts fields before keys before values', () => {
    const set = FieldSet.of(
      ['f:spec', 'f:containers', keyElement([['name', 'b']])],
      ['f:spec', 'f:containers', keyElement([['name', 'b']]), 'f:image'],
      ['f:spec', 'f:containers', keyElement([['name', 'a']])],
      ['f:metadata', 'f:finalizers', valueElement('x')],
      ['f:metadata', 'f:finalizers', 'f:zzz'],
    )
    expect(JSON.stringify(set.toFieldsV1())).toBe(
      '{"f:metadata":{"f:finalizers":{"f:zzz":{},"v:\\"x\\"":{}}},"f:spec":{"f:containers":{"k:{\\"name\\":\\"a\\"}":{},"k:{\\"name\\":\\"b\\"}":{".":{},"f:image":{}}}}}',
    )
  })

  it('reads back what it writes', () => {
    const json = { 'f:metadata': { 'f:labels': { '.': {}, 'f:run': {} } }, 'f:spec': { 'f:containers': { 'k:{"name":"nginx"}': { '.': {}, 'f:image': {} } } } }
    expect(FieldSet.fromFieldsV1(json).toFieldsV1()).toEqual(json)
    expect(FieldSet.fromFieldsV1(json).has(['f:metadata', 'f:labels'])).toBe(true)
    expect(FieldSet.fromFieldsV1(json).has(['f:metadata'])).toBe(false)
  })

  it('sorts key fields by name and numbers numerically (value.FieldList.Sort, value.Compare)', () => {
    expect(keyElement([['protocol', 'TCP'], ['containerPort', 80]])).toBe('k:{"containerPort":80,"protocol":"TCP"}')
    const set = FieldSet.of(['f:ports', keyElement([['containerPort', 8080]])], ['f:ports', keyElement([['containerPort', 80]])])
    expect(Object.keys(set.toFieldsV1()['f:ports'] as object)).toEqual(['k:{"containerPort":80}', 'k:{"containerPort":8080}'])
  })
})

describe('Path.String, as conflicts print paths', () => {
  it('prints keys as name="value" and set items as [=value]', () => {
    expect(pathString(['f:spec', 'f:containers', keyElement([['name', 'nginx']]), 'f:image'])).toBe('.spec.containers[name="nginx"].image')
    expect(pathString(['f:spec', 'f:ports', keyElement([['containerPort', 80], ['protocol', 'TCP']])])).toBe('.spec.ports[containerPort=80,protocol="TCP"]')
    expect(pathString(['f:metadata', 'f:finalizers', valueElement('a')])).toBe('.metadata.finalizers[="a"]')
  })
})

describe('set operations (fieldpath/set.go)', () => {
  it('difference removes members exactly and keeps the rest of a subtree', () => {
    const a = FieldSet.of(['f:a'], ['f:a', 'f:b'], ['f:a', 'f:c'])
    const d = a.difference(FieldSet.of(['f:a', 'f:b']))
    expect(d.toFieldsV1()).toEqual({ 'f:a': { '.': {}, 'f:c': {} } })
    expect(a.intersection(FieldSet.of(['f:a', 'f:c'], ['f:x'])).paths()).toEqual([['f:a', 'f:c']])
  })
})
