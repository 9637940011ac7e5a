// Facts: apimachinery pkg/util/yaml/decoder.go (YAMLReader, LineReader, YAMLOrJSONDecoder, GuessJSONStream),
// cli-runtime pkg/resource/visitor.go (StreamVisitor skips empty/null documents; "error parsing <source>: ..."),
// sigs.k8s.io/yaml v1.4.0 YAMLToJSON over goyaml.v2, plus real kubectl 1.32.5 runs recorded in
// testdata/apply-syntax-*.stderr.golden and cmd/apply/testdata-yaml (line counted per document).
import { describe, expect, it } from 'vitest'
import { decodeManifest, splitYaml } from './manifests'

describe('decodeManifest', () => {
  it('splits YAML at --- lines and skips empty, comment-only and null documents', () => {
    const text = '# leading comment\n---\na: 1\n---\n---\n--- # note\nb: two\n---\nnull\n'
    expect(decodeManifest(text, 'x.yaml')).toEqual({ documents: [{ a: 1 }, { b: 'two' }] })
  })
  it('reads YAML 1.1 scalars as go-yaml v2 does (yes is true, 0755 octal, dates stay strings)', () => {
    expect(decodeManifest('a: yes\nb: 0755\nc: 2025-03-01\nd: "on"\n', 'x').documents).toEqual([{ a: true, b: 493, c: '2025-03-01', d: 'on' }])
  })
  it("reports a YAML error in go-yaml's words, its line counted from the start of its own document", () => {
    const text = 'a: 1\n---\nkind: Pod\nmetadata:\n  labels:\n    app: web\n   tier: front\n'
    const out = decodeManifest(text, 'pod.yaml')
    expect(out.documents).toEqual([{ a: 1 }])
    // The parser's problem mark is `tier` (0-based line 4), printed as go-yaml v2 prints it: not plus one.
    expect(out.error).toBe('error parsing pod.yaml: error converting YAML to JSON: yaml: line 4: did not find expected key')
  })
  it('lets a later duplicate key win, as go-yaml v2 does where js-yaml alone refuses it', () => {
    expect(decodeManifest('metadata:\n  name: a\n  name: b\n', 'x.yaml')).toEqual({ documents: [{ metadata: { name: 'b' } }] })
  })
  it('reads only the first document of a chunk, as yaml.Unmarshal does: nothing after `...` is looked at', () => {
    expect(decodeManifest('a: 1\n...\n: : [\n', 'x.yaml')).toEqual({ documents: [{ a: 1 }] })
  })
  it('keeps a scalar with a tag go-yaml does not resolve as its text, and ignores collection tags', () => {
    // A differential run against kubectl 1.32 found `apiVersion: !v1` accepted there, refused by js-yaml alone.
    expect(decodeManifest('a: !v1 x\nb: !!timestamp 2025-01-01\nc: !foo {d: 1}\ne: !!set [1]\n', 'x.yaml')).toEqual({
      documents: [{ a: 'x', b: '2025-01-01', c: { d: 1 }, e: [1] }],
    })
  })
  it('refuses .inf as json.Marshal does, after go-yaml read it', () => {
    expect(decodeManifest('a: {b: .inf, a: -.inf}\n', 'x.yaml').error).toBe('error parsing x.yaml: error converting YAML to JSON: json: unsupported value: -Inf')
  })
  it('reads a JSON stream whose first non-space is a BOM as YAML (GuessJSONStream: a BOM is no space)', () => {
    expect(decodeManifest('\ufeff{"a": 1}\n', 'x.json')).toEqual({ documents: [{ a: 1 }] })
  })
  it('reports a JSON syntax error at its byte offset, in encoding/json words', () => {
    expect(decodeManifest('{"é": 1,}', 'x.json').error).toBe("error parsing x.json: json: offset 10: invalid character '}' looking for beginning of object key string")
  })
  it('rejects text after a document separator, dropping the document it was ending (YAMLReader.Read)', () => {
    expect(decodeManifest('a: 1\n---foo\nb: 2\n', 'x.yaml')).toEqual({
      documents: [],
      error: 'error parsing x.yaml: invalid Yaml document separator: foo',
    })
  })
  it('refuses an alias bomb as go-yaml v2 does (decode.go allowedAliasRatio), without expanding it', () => {
    // Nine levels of nine aliases: ~320 bytes that expand to 9^9 (387 million) strings.
    const levels = 'abcdefghi'
    let bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n'
    for (let i = 1; i < levels.length; i++) bomb += `${levels[i]}: &${levels[i]} [${Array(9).fill(`*${levels[i - 1]}`).join(',')}]\n`
    const started = Date.now()
    expect(decodeManifest(`a: 1\n---\n${bomb}---\nb: 2\n`, 'bomb.yaml')).toEqual({
      documents: [{ a: 1 }],
      error: 'error parsing bomb.yaml: error converting YAML to JSON: yaml: document contains excessive aliasing',
    })
    expect(Date.now() - started).toBeLessThan(1000)
  })
  it('accepts ordinary aliases and merge keys, however many, while they stay a small share', () => {
    const base = 'base: &base {image: nginx, ports: [{containerPort: 80}]}\n'
    const users = Array.from({ length: 300 }, (_, i) => `c${i}: {<<: *base, name: c${i}}\n`).join('')
    const out = decodeManifest(base + users, 'x.yaml')
    expect(out.error).toBeUndefined()
    expect((out.documents[0] as Record<string, unknown>).c299).toEqual({ image: 'nginx', ports: [{ containerPort: 80 }], name: 'c299' })
  })
  it('refuses an anchor whose value contains its own alias, in go-yaml words', () => {
    expect(decodeManifest('a: &loop [x, *loop]\n', 'x.yaml')).toEqual({
      documents: [],
      error: "error parsing x.yaml: error converting YAML to JSON: yaml: anchor 'loop' value contains itself",
    })
  })
  it('decodes a JSON stream of several objects', () => {
    expect(decodeManifest(' {"a": 1}\n{"b": [1, "}"]}\n', 'x.json').documents).toEqual([{ a: 1 }, { b: [1, '}'] }])
  })
  it('reports truncated JSON as json.Decoder does', () => {
    expect(decodeManifest('{"a": 1', 'x.json').error).toBe('error parsing x.json: unexpected EOF')
  })
})

describe('splitYaml', () => {
  it('gives every line as LineReader does: CRLF read as LF, a newline added to a last line without one', () => {
    expect([...splitYaml('a: 1\r\n---\r\nb: 2')]).toEqual([{ text: 'a: 1\n' }, { text: 'b: 2\n' }])
  })
})
