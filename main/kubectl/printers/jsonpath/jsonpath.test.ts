// client-go util/jsonpath/jsonpath_test.go (v0.32.5), ported table by table. kubectl only ever hands the engine
// decoded JSON (maps, never Go structs), so upstream's struct inputs are given here as the maps their JSON makes:
// where upstream prints a struct's fields in declaration order, these expectations have the map's sorted keys
// (marked "as a map"), and `map[string]int` errors read `map[string]interface {}`.
import { describe, expect, it } from 'vitest'
import { JsonPath } from './jsonpath'

type Case = [name: string, template: string, input: unknown, expect: string, expectError?: boolean]

function run(c: Case, allowMissingKeys: boolean): { out?: string; error?: string } {
  const j = new JsonPath(c[0]).setAllowMissingKeys(allowMissingKeys)
  try {
    j.parse(c[1])
    return { out: j.execute(c[2]) }
  } catch (e) {
    return { error: (e as Error).message }
  }
}

function table(title: string, cases: Case[], allowMissingKeys: boolean) {
  describe(title, () => {
    it.each(cases.map((c) => [c[0], c] as const))('%s', (_n, c) => {
      const got = run(c, allowMissingKeys)
      if (c[4]) expect(got.error).toBeDefined()
      else expect(got).toEqual({ out: c[3] })
    })
  })
}

function failTable(title: string, cases: Case[]) {
  describe(title, () => {
    it.each(cases.map((c) => [c[0], c] as const))('%s', (_n, c) => {
      expect(run(c, false)).toEqual({ error: c[3] })
    })
  })
}

const types = {
  bools: [true, false, true, false],
  integers: [1, 2, 3, 4],
  floats: [1.0, 2.2, 3.3, 4.0],
  strings: ['one', 'two', 'three', 'four'],
  interfaces: [true, 'one', 1, 1.1],
  maps: [
    { name: 'one', value: 1 },
    { name: 'two', value: 2.02 },
    { name: 'three', value: 3.03 },
    { name: 'four', value: 4.04 },
  ],
  structs: [
    { name: 'one', value: 1, type: 'integer' },
    { name: 'two', value: 2.002, type: 'float' },
    { name: 'three', value: 3, type: 'integer' },
    { name: 'four', value: 4.004, type: 'float' },
  ],
}

table('TestTypesInput', [
  ['boolSlice', '{ .bools }', types, '[true,false,true,false]'],
  ['boolSliceIndex', '{ .bools[0] }', types, 'true'],
  ['boolSliceIndex', '{ .bools[-1] }', types, 'false'],
  ['boolSubSlice', '{ .bools[0:2] }', types, 'true false'],
  ['boolSubSliceFirst2', '{ .bools[:2] }', types, 'true false'],
  ['boolSubSliceStep2', '{ .bools[:4:2] }', types, 'true true'],
  ['integerSlice', '{ .integers }', types, '[1,2,3,4]'],
  ['integerSliceIndex', '{ .integers[0] }', types, '1'],
  ['integerSliceIndexReverse', '{ .integers[-2] }', types, '3'],
  ['integerSubSliceFirst2', '{ .integers[0:2] }', types, '1 2'],
  ['integerSubSliceFirst2Alt', '{ .integers[:2] }', types, '1 2'],
  ['integerSubSliceStep2', '{ .integers[:4:2] }', types, '1 3'],
  ['floatSlice', '{ .floats }', types, '[1,2.2,3.3,4]'],
  ['floatSliceIndex', '{ .floats[0] }', types, '1'],
  ['floatSliceIndexReverse', '{ .floats[-2] }', types, '3.3'],
  ['floatSubSliceFirst2', '{ .floats[0:2] }', types, '1 2.2'],
  ['floatSubSliceFirst2Alt', '{ .floats[:2] }', types, '1 2.2'],
  ['floatSubSliceStep2', '{ .floats[:4:2] }', types, '1 3.3'],
  ['stringSlice', '{ .strings }', types, '["one","two","three","four"]'],
  ['stringSliceIndex', '{ .strings[0] }', types, 'one'],
  ['stringSliceIndexReverse', '{ .strings[-2] }', types, 'three'],
  ['stringSubSliceFirst2', '{ .strings[0:2] }', types, 'one two'],
  ['stringSubSliceFirst2Alt', '{ .strings[:2] }', types, 'one two'],
  ['stringSubSliceStep2', '{ .strings[:4:2] }', types, 'one three'],
  ['interfaceSlice', '{ .interfaces }', types, '[true,"one",1,1.1]'],
  ['interfaceSliceIndex', '{ .interfaces[0] }', types, 'true'],
  ['interfaceSliceIndexReverse', '{ .interfaces[-2] }', types, '1'],
  ['interfaceSubSliceFirst2', '{ .interfaces[0:2] }', types, 'true one'],
  ['interfaceSubSliceFirst2Alt', '{ .interfaces[:2] }', types, 'true one'],
  ['interfaceSubSliceStep2', '{ .interfaces[:4:2] }', types, 'true 1'],
  ['mapSlice', '{ .maps }', types, '[{"name":"one","value":1},{"name":"two","value":2.02},{"name":"three","value":3.03},{"name":"four","value":4.04}]'],
  ['mapSliceIndex', '{ .maps[0] }', types, '{"name":"one","value":1}'],
  ['mapSliceIndexReverse', '{ .maps[-2] }', types, '{"name":"three","value":3.03}'],
  ['mapSubSliceFirst2', '{ .maps[0:2] }', types, '{"name":"one","value":1} {"name":"two","value":2.02}'],
  ['mapSubSliceFirst2Alt', '{ .maps[:2] }', types, '{"name":"one","value":1} {"name":"two","value":2.02}'],
  ['mapSubSliceStepOdd', '{ .maps[::2] }', types, '{"name":"one","value":1} {"name":"three","value":3.03}'],
  ['mapSubSliceStepEven', '{ .maps[1::2] }', types, '{"name":"two","value":2.02} {"name":"four","value":4.04}'],
  // as a map
  ['structSlice', '{ .structs }', types, '[{"name":"one","type":"integer","value":1},{"name":"two","type":"float","value":2.002},{"name":"three","type":"integer","value":3},{"name":"four","type":"float","value":4.004}]'],
  ['structSliceIndex', '{ .structs[0] }', types, '{"name":"one","type":"integer","value":1}'],
  ['structSliceIndexReverse', '{ .structs[-2] }', types, '{"name":"three","type":"integer","value":3}'],
  ['structSubSliceFirst2', '{ .structs[0:2] }', types, '{"name":"one","type":"integer","value":1} {"name":"two","type":"float","value":2.002}'],
  ['structSubSliceStepOdd', '{ .structs[::2] }', types, '{"name":"one","type":"integer","value":1} {"name":"three","type":"integer","value":3}'],
  ['structSubSliceStepEven', '{ .structs[1::2] }', types, '{"name":"two","type":"float","value":2.002} {"name":"four","type":"float","value":4.004}'],
], false)

const storeData = {
  Name: 'jsonpath',
  Book: [
    { Category: 'reference', Author: 'Nigel Rees', Title: 'Sayings of the Centurey', Price: 8.95 },
    { Category: 'fiction', Author: 'Evelyn Waugh', Title: 'Sword of Honour', Price: 12.99 },
    { Category: 'fiction', Author: 'Herman Melville', Title: 'Moby Dick', Price: 8.99 },
  ],
  Bicycle: [
    { Color: 'red', Price: 19.95, IsNew: true },
    { Color: 'green', Price: 20.01, IsNew: false },
  ],
  Labels: { engieer: 10, 'web/html': 15, 'k8s-app': 20 },
  Employees: { jason: 'manager', dan: 'clerk' },
}

table('TestStructInput', [
  ['plain', 'hello jsonpath', null, 'hello jsonpath'],
  ['recursive', '{..}', [1, 2, 3], '[1,2,3]'],
  ['filter', '{[?(@<5)]}', [2, 6, 3, 7], '2 3'],
  ['quote', '{"{"}', null, '{'],
  ['union', '{[1,3,4]}', [0, 1, 2, 3, 4], '1 3 4'],
  ['array', '{[0:2]}', ['Monday', 'Tudesday'], 'Monday Tudesday'],
  ['variable', 'hello {.Name}', storeData, 'hello jsonpath'],
  ['dict/', '{$.Labels.web/html}', storeData, '15'],
  ['dict/', '{$.Employees.jason}', storeData, 'manager'],
  ['dict/', '{$.Employees.dan}', storeData, 'clerk'],
  ['dict-', '{.Labels.k8s-app}', storeData, '20'],
  ['nest', '{.Bicycle[*].Color}', storeData, 'red green'],
  ['allarray', '{.Book[*].Author}', storeData, 'Nigel Rees Evelyn Waugh Herman Melville'],
  // as a map
  ['allfields', '{range .Bicycle[*]}{ "{" }{ @.* }{ "} " }{end}', storeData, '{red true 19.95} {green false 20.01} '],
  // as a map: Bicycle's keys come before Book's
  ['recurfields', '{..Price}', storeData, '19.95 20.01 8.95 12.99 8.99'],
  ['recurdotfields', '{...Price}', storeData, '19.95 20.01 8.95 12.99 8.99'],
  ['superrecurfields', '{............................................................Price}', storeData, '', true],
  // as a map
  ['allstructsSlice', '{.Bicycle}', storeData, '[{"Color":"red","IsNew":true,"Price":19.95},{"Color":"green","IsNew":false,"Price":20.01}]'],
  ['allstructs', '{range .Bicycle[*]}{ @ }{ " " }{end}', storeData, '{"Color":"red","IsNew":true,"Price":19.95} {"Color":"green","IsNew":false,"Price":20.01} '],
  ['lastarray', '{.Book[-1:]}', storeData, '{"Author":"Herman Melville","Category":"fiction","Price":8.99,"Title":"Moby Dick"}'],
  ['recurarray', '{..Book[2]}', storeData, '{"Author":"Herman Melville","Category":"fiction","Price":8.99,"Title":"Moby Dick"}'],
  ['bool', '{.Bicycle[?(@.IsNew==true)]}', storeData, '{"Color":"red","IsNew":true,"Price":19.95}'],
], false)

table('TestStructInput (missing keys allowed)', [
  ['nonexistent field', '{.hello}', storeData, ''],
  ['nonexistent field 2', 'before-{.hello}after', storeData, 'before-after'],
], true)

failTable('TestStructInput (failures)', [
  ['invalid identifier', '{hello}', storeData, 'unrecognized identifier hello'],
  ['nonexistent field', '{.hello}', storeData, 'hello is not found'],
  ['invalid array', '{.Labels[0]}', storeData, 'map[string]interface {} is not array or slice'],
  ['invalid filter operator', '{.Book[?(@.Price<>10)]}', storeData, 'unrecognized filter operator <>'],
  ['redundant end', '{range .Labels.*}{@}{end}{end}', storeData, 'not in range, nothing to end'],
])

const pointsData = JSON.parse(`[
  {"id": "i1", "x":4, "y":-5},
  {"id": "i2", "x":-2, "y":-5, "z":1},
  {"id": "i3", "x":  8, "y":  3 },
  {"id": "i4", "x": -6, "y": -1 },
  {"id": "i5", "x":  0, "y":  2, "z": 1 },
  {"id": "i6", "x":  1, "y":  4 },
  {"id": "i7", "x":  null, "y":  4 }
]`)

table('TestJSONInput', [
  ['exists filter', '{[?(@.z)].id}', pointsData, 'i2 i5'],
  ['bracket key', "{[0]['id']}", pointsData, 'i1'],
  ['nil value', "{[-1]['x']}", pointsData, 'null'],
], false)

const nodesData = {
  kind: 'List',
  items: [
    {
      kind: 'None',
      metadata: { name: '127.0.0.1', labels: { 'kubernetes.io/hostname': '127.0.0.1' } },
      status: { capacity: { cpu: '4' }, ready: true, addresses: [{ type: 'LegacyHostIP', address: '127.0.0.1' }] },
    },
    {
      kind: 'None',
      metadata: { name: '127.0.0.2', labels: { 'kubernetes.io/hostname': '127.0.0.2' } },
      status: {
        capacity: { cpu: '8' },
        ready: false,
        addresses: [
          { type: 'LegacyHostIP', address: '127.0.0.2' },
          { type: 'another', address: '127.0.0.3' },
        ],
      },
    },
  ],
  users: [
    { name: 'myself', user: {} },
    { name: 'e2e', user: { username: 'admin', password: 'secret' } },
  ],
}

table('TestKubernetes', [
  ['range item', '{range .items[*]}{.metadata.name}, {end}{.kind}', nodesData, '127.0.0.1, 127.0.0.2, List'],
  ['range item with quote', '{range .items[*]}{.metadata.name}{"\\t"}{end}', nodesData, '127.0.0.1\t127.0.0.2\t'],
  ['range addresss', '{.items[*].status.addresses[*].address}', nodesData, '127.0.0.1 127.0.0.2 127.0.0.3'],
  ['double range', '{range .items[*]}{range .status.addresses[*]}{.address}, {end}{end}', nodesData, '127.0.0.1, 127.0.0.2, 127.0.0.3, '],
  ['item name', '{.items[*].metadata.name}', nodesData, '127.0.0.1 127.0.0.2'],
  ['union nodes capacity', "{.items[*]['metadata.name', 'status.capacity']}", nodesData, '127.0.0.1 127.0.0.2 {"cpu":"4"} {"cpu":"8"}'],
  ['range nodes capacity', '{range .items[*]}[{.metadata.name}, {.status.capacity}] {end}', nodesData, '[127.0.0.1, {"cpu":"4"}] [127.0.0.2, {"cpu":"8"}] '],
  ['user password', '{.users[?(@.name=="e2e")].user.password}', nodesData, 'secret'],
  ['hostname', '{.items[0].metadata.labels.kubernetes\\.io/hostname}', nodesData, '127.0.0.1'],
  ['hostname filter', '{.items[?(@.metadata.labels.kubernetes\\.io/hostname=="127.0.0.1")].kind}', nodesData, 'None'],
  ['bool item', '{.items[?(@..ready==true)].metadata.name}', nodesData, '127.0.0.1'],
], false)

describe('TestKubernetes (map order)', () => {
  it('recursive name finds every name (Go prints them in map order; Podlab walks keys sorted)', () => {
    const out = run(['recursive name', '{..name}', nodesData, ''], false).out!
    expect(out.split(' ').sort()).toEqual(['127.0.0.1', '127.0.0.2', 'e2e', 'myself'])
  })
})

table('TestEmptyRange', [
  ['empty range', '{range .items[*]}{.metadata.name}{end}', { items: [] }, ''],
  ['empty nested range', '{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}', { items: [] }, ''],
], true)

const podsData = {
  items: [
    { metadata: { name: 'pod1' }, spec: { containers: [{ name: 'foo', another: [{ name: 'value1' }, { name: 'value2' }] }, { name: 'bar', another: [{ name: 'value1' }, { name: 'value2' }] }] } },
    { metadata: { name: 'pod2' }, spec: { containers: [{ name: 'baz', another: [{ name: 'value1' }, { name: 'value2' }] }] } },
  ],
}

table('TestNestedRanges', [
  ['nested range with a trailing newline', '{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}', podsData, 'pod1:foo,bar,+pod2:baz,+'],
  [
    'nested range with a trailing character within another nested range with a trailing newline',
    '{range .items[*]}{.metadata.name}{"~"}{range @.spec.containers[*]}{.name}{":"}{range @.another[*]}{.name}{","}{end}{"+"}{end}{"#"}{end}',
    podsData,
    'pod1~foo:value1,value2,+bar:value1,value2,+#pod2~baz:value1,value2,+#',
  ],
  [
    'two nested ranges at the same level with a trailing newline',
    '{range .items[*]}{.metadata.name}{"\\t"}{range @.spec.containers[*]}{.name}{" "}{end}{"\\t"}{range @.spec.containers[*]}{.name}{" "}{end}{"\\n"}{end}',
    podsData,
    'pod1\tfoo bar \tfoo bar \npod2\tbaz \tbaz \n',
  ],
], false)

const annotated = {
  kind: 'List',
  items: [
    { kind: 'Pod', metadata: { name: 'pod1', annotations: { color: 'blue' } } },
    { kind: 'Pod', metadata: { name: 'pod2' } },
    { kind: 'Pod', metadata: { name: 'pod3', annotations: { color: 'green' } } },
    { kind: 'Pod', metadata: { name: 'pod4', annotations: { color: 'blue' } } },
  ],
}

table('TestFilterPartialMatchesSometimesMissingAnnotations (missing keys allowed)', [
  ['filter, tolerate missing items', '{.items[?(@.metadata.annotations.color=="blue")].metadata.name}', annotated, 'pod1 pod4'],
], true)
table('TestFilterPartialMatchesSometimesMissingAnnotations (missing keys refused)', [
  ['filter, error on missing items', '{.items[?(@.metadata.annotations.color=="blue")].metadata.name}', annotated, '', true],
], false)

const containers = (n: number) => ({ apiVersion: 'v1', kind: 'Pod', spec: { containers: Array.from({ length: n }, (_, i) => ({ image: 'radial/busyboxplus:curl', name: `fake${i}` })) } })

table('TestNegativeIndex', [
  ['containers[0]', '{.spec.containers[0].name}', containers(4), 'fake0'],
  ['containers[0:0], the empty set', '{.spec.containers[0:0].name}', containers(4), ''],
  ['containers[0:-1], containers[0:3]', '{.spec.containers[0:-1].name}', containers(4), 'fake0 fake1 fake2'],
  ['containers[-1:0], an error', '{.spec.containers[-1:0].name}', containers(4), '', true],
  ['containers[-1], containers[3]', '{.spec.containers[-1].name}', containers(4), 'fake3'],
  ['containers[-1:], containers[3:]', '{.spec.containers[-1:].name}', containers(4), 'fake3'],
  ['containers[-2], containers[2]', '{.spec.containers[-2].name}', containers(4), 'fake2'],
  ['containers[-2:], containers[2:]', '{.spec.containers[-2:].name}', containers(4), 'fake2 fake3'],
  ['containers[-3], containers[1]', '{.spec.containers[-3].name}', containers(4), 'fake1'],
  ['containers[-4], containers[0]', '{.spec.containers[-4].name}', containers(4), 'fake0'],
  ['containers[-4:], containers[0:]', '{.spec.containers[-4:].name}', containers(4), 'fake0 fake1 fake2 fake3'],
  ['containers[-5], out of bounds', '{.spec.containers[-5].name}', containers(4), '', true],
  ['containers[5:5], the empty set', '{.spec.containers[5:5].name}', containers(4), ''],
  ['containers[-5:-5], the empty set', '{.spec.containers[-5:-5].name}', containers(4), ''],
  ['containers[3:1], start after end', '{.spec.containers[3:1].name}', containers(4), '', true],
  ['containers[-1:-2], start after end', '{.spec.containers[-1:-2].name}', containers(4), '', true],
], false)

table('TestRunningPodsJSONPathOutput', [
  [
    'range over pods without selecting the last one',
    '{range .items[?(.status.phase=="Running")]}{.metadata.name}{" is Running\\n"}{end}',
    { kind: 'List', items: [1, 2, 3].map((i) => ({ kind: 'Pod', metadata: { name: `pod${i}` }, status: { phase: 'Running' } })).concat([{ resourceVersion: '' } as never]) },
    'pod1 is Running\npod2 is Running\npod3 is Running\n',
  ],
], true)

table('TestStep', [
  ['containers[0:]', '{.spec.containers[0:].name}', containers(6), 'fake0 fake1 fake2 fake3 fake4 fake5'],
  ['containers[0:6:]', '{.spec.containers[0:6:].name}', containers(6), 'fake0 fake1 fake2 fake3 fake4 fake5'],
  ['containers[0:6:1]', '{.spec.containers[0:6:1].name}', containers(6), 'fake0 fake1 fake2 fake3 fake4 fake5'],
  ['containers[0:6:0] errors', '{.spec.containers[0:6:0].name}', containers(6), '', true],
  ['containers[0:6:-1] errors', '{.spec.containers[0:6:-1].name}', containers(6), '', true],
  ['containers[1:4:2]', '{.spec.containers[1:4:2].name}', containers(6), 'fake1 fake3'],
  ['containers[1:4:3]', '{.spec.containers[1:4:3].name}', containers(6), 'fake1'],
  ['containers[1:4:4]', '{.spec.containers[1:4:4].name}', containers(6), 'fake1'],
  ['containers[0:6:2]', '{.spec.containers[0:6:2].name}', containers(6), 'fake0 fake2 fake4'],
  ['containers[0:6:3]', '{.spec.containers[0:6:3].name}', containers(6), 'fake0 fake3'],
  ['containers[0:6:5]', '{.spec.containers[0:6:5].name}', containers(6), 'fake0 fake5'],
  ['containers[0:6:6]', '{.spec.containers[0:6:6].name}', containers(6), 'fake0'],
], false)

describe('Podlab additions, checked against kubectl 1.32', () => {
  it('a whole-number float literal does not compare with an int (incompatible types for comparison)', () => {
    expect(run(['float', '{[?(@.x==1.0)]}', [{ x: 1 }], ''], false)).toEqual({ error: 'incompatible types for comparison' })
  })

  it('jsonpath-as-json prints each result set as an indented JSON array', () => {
    const j = new JsonPath('out').setAllowMissingKeys(true).enableJsonOutput(true)
    j.parse('{.data}')
    expect(j.execute({ data: { a: '1' } })).toBe('[\n    {\n        "a": "1"\n    }\n]\n')
  })

  it('a string is not an array: the error names its Go type', () => {
    expect(run(['s', '{.metadata.name[-1]}', { metadata: { name: 'x' } }, ''], true)).toEqual({ error: 'string is not array or slice' })
  })
})
