import { describe, expect, it } from 'vitest'
import { toYaml } from './yaml'
import { yamlKeyOrder } from './yaml-key-order'

describe('map keys in goyaml.v2 order (sorter.go keyList.Less), not byte order', () => {
  it('bug: `create configmap --from-literal=10=ten --from-literal=9=nine -o yaml` printed "10" before "9"; kubectl prints 9 first', () => {
    expect(toYaml({ data: { '10': 'ten', '9': 'nine', a: '1' } })).toBe('data:\n  "9": nine\n  "10": ten\n  a: "1"\n')
  })

  it.each([
    [['10', '9', '1'], ['1', '9', '10']],
    [['a10', 'a9', 'a'], ['a', 'a9', 'a10']],
    [['aZ', 'a_b'], ['a_b', 'aZ']],
    [['b', 'B', 'a'], ['B', 'a', 'b']],
    [['x-2', 'x.1', 'x1'], ['x-2', 'x.1', 'x1']],
    [['app.kubernetes.io/name', 'app'], ['app', 'app.kubernetes.io/name']],
  ])('%j sorts as %j', (keys, want) => {
    expect([...keys].sort(yamlKeyOrder)).toEqual(want)
  })
})
