// Facts: go-yaml v2's own tests as sigs.k8s.io/yaml v1.4.0 vendors them (goyaml.v2/decode_test.go:
// unmarshalErrorTests, each error a regular expression there; unmarshalTests, documents yaml.Unmarshal reads
// without error, in testdata/unmarshal-tests.json), sigs.k8s.io/yaml yaml.go (the JSON conversion), and the real
// kubectl 1.32 (main/kubectl/cmd/apply/testdata-yaml: line numbers counted as go-yaml v2 counts them).
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { dump, load } from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { toYaml } from '../yaml'
import { jsonUnsupportedValue, yamlToJSON } from './yaml-to-json'

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name)
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : yamlFiles(full)
    return /\.ya?ml$/.test(e.name) ? [full] : []
  })
}

const errorOf = (text: string) => {
  const read = yamlToJSON(text)
  return 'error' in read ? read.error : null
}

describe('yamlToJSON refuses what go-yaml v2 refuses, in its words (decode_test.go unmarshalErrorTests)', () => {
  it.each([
    ["v: !!float 'error'", 'yaml: cannot decode !!str `error` as a !!float'],
    ['v: [A,', 'yaml: line 1: did not find expected node content'],
    ['v:\n- [A,', 'yaml: line 2: did not find expected node content'],
    ['a:\n- b: *,', 'yaml: line 2: did not find expected alphabetic or numeric character'],
    ['a: *b\n', "yaml: unknown anchor 'b' referenced"],
    ['a: &a\n  b: *a\n', "yaml: anchor 'a' value contains itself"],
    ['a: &x null\n<<:\n- *x\nb: &x {}\n', 'yaml: map merge requires map or sequence of maps as the value'],
    ['value: -', 'yaml: block sequence entries are not allowed in this context'],
    ['a: !!binary ==', 'yaml: !!binary value contains invalid base64 data'],
    ['{[.]}', 'yaml: invalid map key: []interface {}{"."}'],
    ['{{.}}', 'yaml: invalid map key: map[interface {}]interface {}{".":interface {}(nil)}'],
    ['b: *a\na: &a {c: 1}', "yaml: unknown anchor 'a' referenced"],
    ["%TAG !%79! tag:yaml.org,2002:\n---\nv: !%79!int '1'", 'yaml: did not find expected whitespace'],
    // go-yaml's test matches ".*could not find expected ':'"; the line is kubectl 1.32's for the same file.
    ['a:\n  1:\nb\n  2:', "yaml: line 4: could not find expected ':'"],
  ])('%j', (text, want) => {
    expect(errorOf(text)).toBe(want)
  })

  it('stops an alias bomb as the decoder does (document contains excessive aliasing)', () => {
    const levels = 'abcdefghi'
    let bomb = 'a: &a [00,00,00,00,00,00,00,00,00]\n'
    for (let i = 1; i < levels.length; i++) bomb += `${levels[i]}: &${levels[i]} [${Array(9).fill(`*${levels[i - 1]}`).join(',')}]\n`
    expect(errorOf(bomb)).toBe('yaml: document contains excessive aliasing')
  })
})

describe('yamlToJSON counts lines as go-yaml v2 does', () => {
  it('a parser error names the 0-based line of the offending token (one less than an editor shows)', () => {
    expect(errorOf('a:\n  b: 1\n c: 2\n')).toBe('yaml: line 2: did not find expected key')
  })
  it('a scanner error names the 1-based line', () => {
    expect(errorOf('a: 1\nb:\n\tc: 2\n')).toBe('yaml: line 3: found character that cannot start any token')
  })
  it('an error on the first line names no line at all', () => {
    expect(errorOf('a: b: c\n')).toBe('yaml: mapping values are not allowed in this context')
  })
  it('a control character is the reader\'s error, without a line, once the reader decodes the chunk holding it', () => {
    expect(errorOf('a: 1\nb: \u0007\n')).toBe('yaml: control characters are not allowed')
    // 600 bytes on, the reader has not decoded it when the scanner fails on line 2 (kubectl 1.32 says the same).
    expect(errorOf(`a: 1\n b: 2\nc: "${'x'.repeat(600)}\u0007"\n`)).toBe('yaml: line 2: mapping values are not allowed in this context')
  })
  it('reads only the first document, and says how much of the text it spans', () => {
    expect(yamlToJSON('a: 1\n...\nb: [\n')).toEqual({ length: 'a: 1\n...'.length })
  })
  it('lowers the nesting limit when asked, in its own words', () => {
    expect(errorOf(`a: ${'['.repeat(11)}${']'.repeat(11)}\n`)).toBeNull()
    const read = yamlToJSON(`a: ${'['.repeat(11)}${']'.repeat(11)}\n`, 10)
    expect(read).toEqual({ error: 'yaml: exceeded max depth of 10' })
  })
})

describe("yamlToJSON's JSON side (sigs.k8s.io/yaml convertToJSONableObject, json.Marshal)", () => {
  it('refuses a null key as convertToJSONableObject does', () => {
    // fmt's %s of a nil reflect.Type, as kubectl 1.32 prints it (cmd/apply/testdata-yaml/create-yamlerr-null-key).
    expect(errorOf('~: web\n')).toBe('unsupported map key of type: %!s(<nil>), key: <nil>, value: "web"')
  })
  it('turns int, float and bool keys into strings without complaint', () => {
    expect(errorOf('1: a\n1.5: b\ntrue: c\n')).toBeNull()
  })
  it('finds the first float JSON cannot hold in encoding/json order (keys sorted)', () => {
    expect(jsonUnsupportedValue({ b: [1, NaN], a: { c: -Infinity } })).toBe('json: unsupported value: -Inf')
    expect(jsonUnsupportedValue({ a: [1, 'x', null] })).toBeNull()
  })
})

describe('yamlToJSON accepts what go-yaml v2 accepts', () => {
  it("every document of decode_test.go's unmarshalTests", () => {
    const corpus = JSON.parse(fs.readFileSync(path.join(__dirname, 'testdata', 'unmarshal-tests.json'), 'utf8')) as string[]
    expect(corpus.length).toBeGreaterThan(100)
    // go-yaml reads `~: null key`; only sigs.k8s.io/yaml's conversion to JSON refuses its null key.
    const refused = corpus.map((text) => [text, errorOf(text)]).filter(([, e]) => e !== null)
    expect(refused).toEqual([['~: null key', 'unsupported map key of type: %!s(<nil>), key: <nil>, value: "null key"']])
  })

  it("every manifest in Podlab's other golden suites", () => {
    const files = yamlFiles(path.resolve(__dirname, '../..'))
      // Not the ones broken on purpose: kubectl/cmd/apply/testdata-yaml, kubectl/testdata's syntax-*.yaml.
      .filter((f) => f.includes(`${path.sep}testdata${path.sep}`) && !f.includes('testdata-yaml') && !path.basename(f).startsWith('syntax-'))
    expect(files.length).toBeGreaterThan(20)
    const refused = files.flatMap((f) => {
      const text = fs.readFileSync(f, 'utf8')
      return text.split(/^---.*\n/m).flatMap((doc) => (errorOf(doc) === null ? [] : [[f, errorOf(doc)]]))
    })
    expect(refused).toEqual([])
  })

  // No false errors on learners' good manifests: whatever js-yaml and kubectl's own printer write, and js-yaml
  // reads back, go-yaml's port reads too.
  // Not `~`: js-yaml writes that key plain, which go-yaml (and kubectl) rightly reads as a null key.
  // Not `~`: js-yaml writes that key plain, which go-yaml (and kubectl) rightly reads as a null key.
  const key = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('apiVersion', 'kind', 'name', 'image', 'yes', 'on', 'null', '-', '? x', '#c', 'a: b', '"q"')).filter((k) => k !== '~')
  const scalar = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null))
  const tree = (k: fc.Arbitrary<string>, leaf: fc.Arbitrary<unknown>) =>
    fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(k, tie('node'), { maxKeys: 4 })),
    })).node
  const value = tree(key, scalar)
  const options = fc.record({ indent: fc.integer({ min: 1, max: 6 }), noArrayIndent: fc.boolean(), quotingType: fc.constantFrom<"'" | '"'>("'", '"'), forceQuotes: fc.boolean(), lineWidth: fc.constantFrom(-1, 20, 80) })

  it('any value as js-yaml dumps it in block style', () => {
    fc.assert(
      fc.property(value, options, (v, opts) => {
        const text = dump(v, opts)
        load(text)
        expect(errorOf(text)).toBeNull()
      }),
      { numRuns: 400 },
    )
  })

  // In flow style js-yaml leaves `?` and `:` inside plain scalars that go-yaml reads as indicators there (kubectl
  // 1.32 refuses `- {'': {$?: 0}}` too): the words here are the ones manifests hold.
  const word = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9./_-]{0,15}$/)
  it('any manifest-like value as js-yaml dumps it in flow style', () => {
    fc.assert(
      fc.property(tree(word, fc.oneof(word, fc.integer(), fc.boolean(), fc.constant(null))), fc.integer({ min: 0, max: 3 }), options, (v, flowLevel, opts) => {
        const text = dump(v, { ...opts, flowLevel })
        load(text)
        expect(errorOf(text)).toBeNull()
      }),
      { numRuns: 400 },
    )
  })

  it("any JSON value as kubectl's -o yaml prints it (gostd/yaml.ts, go-yaml's emitter)", () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(errorOf(toYaml(JSON.parse(JSON.stringify(v))))).toBeNull()
      }),
      { numRuns: 400 },
    )
  })
})
