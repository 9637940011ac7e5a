// Client-side decoding of a manifest file, as kubectl's resource builder reads one: cli-runtime
// pkg/resource/visitor.go StreamVisitor over apimachinery pkg/util/yaml YAMLOrJSONDecoder (v0.32). A stream
// starting with "{" is JSON; otherwise YAMLReader cuts it at "---" lines and each document is converted on its
// own, so a YAML error's line is counted from the start of its document, as kubectl counts it. Empty and null
// documents are skipped. An error ends the stream, but the documents before it stand (kubectl applies them).
// Each document is read by go-yaml's ported scanner, parser and decoder first (gostd/goyaml), so its errors
// (syntax, an alias bomb, an anchor containing its own alias, a bad key) are go-yaml's, with go-yaml's line.

import { createRequire } from 'node:module'
import type * as JsYaml from 'js-yaml'
import { jsonUnsupportedValue, yamlToJSON } from '../gostd/goyaml/yaml-to-json'
import { jsonStream } from '../gostd/json-scanner'

/**
 * How deep a manifest may nest (objects and arrays). encoding/json and sigs.k8s.io/json stop at 10000
 * (scanner.go maxNestingDepth: "invalid character '{' exceeded max depth"), go-yaml at 10000 flow levels or
 * indents ("exceeded max depth of 10000"); Podlab stops at 1000, in the same words, because a document that
 * deep must still pass through recursive walks (structuredClone, JSON.stringify, the last-applied bookkeeping)
 * that overflow V8's stack well before 10000. No Kubernetes object nests more than a few dozen levels.
 */
export const MAX_NESTING_DEPTH = 1000

// js-yaml is required on the first manifest read, not at load: ~15 ms of every `podlab` start that reads none.
let jsYaml: { lib: typeof JsYaml; schema: JsYaml.Schema } | undefined

function yamlLib(): { lib: typeof JsYaml; schema: JsYaml.Schema } {
  if (jsYaml) return jsYaml
  const lib = createRequire(import.meta.url)('js-yaml') as typeof JsYaml
  const { FAILSAFE_SCHEMA, boolYaml11Tag, defineScalarTag, floatYaml11Tag, intYaml11Tag, mapTag, mergeTag, nullYaml11Tag, seqTag } = lib
  // go-yaml v2 keeps a scalar whose tag it does not resolve (`!v1`, `!foo`, `!!timestamp`) as its text and
  // ignores a collection's tag (goyaml.v2 resolve.go resolvableTag, decode.go); js-yaml would refuse them all.
  const anyScalarTag = defineScalarTag<string>('', { matchByTagPrefix: true, resolve: (source) => source, identify: () => false })
  const anySequenceTag = { ...seqTag, tagName: '', matchByTagPrefix: true }
  const anyMappingTag = { ...mapTag, tagName: '', matchByTagPrefix: true }
  // go-yaml v2 (sigs.k8s.io/yaml) reads YAML 1.1 scalars: yes/on are true, 0755 is octal; timestamps stay strings.
  const schema = FAILSAFE_SCHEMA.withTags(nullYaml11Tag, boolYaml11Tag, intYaml11Tag, floatYaml11Tag, mergeTag, anyScalarTag, anySequenceTag, anyMappingTag)
  jsYaml = { lib, schema }
  return jsYaml
}

export interface DecodedStream {
  /** The documents decoded before any error, in order. */
  documents: unknown[]
  /** kubectl's text for the error that ended the stream (without "error: "), if any. */
  error?: string
}

/**
 * GuessJSONStream: JSON when the first byte that is not unicode.IsSpace is "{" (a BOM is not a space: a JSON
 * file that starts with one is read as YAML).
 */
const GUESS_JSON = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*\{/

/** `source` is the name kubectl shows: the path as given, or STDIN. */
export function decodeManifest(text: string, source: string): DecodedStream {
  const documents: unknown[] = []
  const chunks = GUESS_JSON.test(text) ? jsonValues(text) : yamlDocuments(text)
  for (const chunk of chunks) {
    if ('error' in chunk) return { documents, error: `error parsing ${source}: ${chunk.error}` }
    // StreamVisitor skips documents that are empty or decode to null.
    if (chunk.value !== null && chunk.value !== undefined) documents.push(chunk.value)
  }
  return { documents }
}

type Chunk = { value: unknown } | { error: string }

/** js-yaml's reason for a document nested past its maxDepth option. */
const JS_YAML_TOO_DEEP = `nesting exceeded maxDepth (${MAX_NESTING_DEPTH})`

function* yamlDocuments(text: string): Generator<Chunk> {
  for (const doc of splitYaml(text)) {
    if ('error' in doc) {
      yield doc
      return
    }
    // go-yaml's own reading first (sigs.k8s.io/yaml YAMLToJSON: the scanner, parser and decoder ported in
    // gostd/goyaml): a manifest it refuses gets its words and its line; one it reads, js-yaml builds.
    const read = yamlToJSON(doc.text, MAX_NESTING_DEPTH)
    if ('error' in read) {
      yield { error: `error converting YAML to JSON: ${read.error}` }
      return
    }
    // yaml.Unmarshal reads the first document only: what follows its end (after `...`) is never looked at.
    const source = doc.text.slice(0, read.length)
    let value: unknown
    try {
      // A chunk holds one document; this is loadAll(doc.text, { schema }), which tolerates an empty one.
      // `json: true`: go-yaml lets a later duplicate key win, where js-yaml would refuse it.
      const { lib, schema } = yamlLib()
      const events = lib.parseEvents(source, { maxDepth: MAX_NESTING_DEPTH })
      value = lib.constructFromEvents(events, { source, schema, json: true })[0] ?? null
    } catch (e) {
      yield { error: `error converting YAML to JSON: yaml: ${jsYamlReason(e)}` }
      return
    }
    // json.Marshal, the last step of YAMLToJSON: `.inf` and `.nan` have no JSON form.
    const unsupported = jsonUnsupportedValue(value)
    if (unsupported !== null) {
      yield { error: `error converting YAML to JSON: ${unsupported}` }
      return
    }
    yield { value }
  }
}

/**
 * Where js-yaml refuses what go-yaml read (a collection nested past MAX_NESTING_DEPTH counting block and flow
 * levels together, which go-yaml counts apart), its reason in go-yaml's form.
 */
function jsYamlReason(e: unknown): string {
  const err = e as { reason?: string; mark?: { line: number; column: number }; message?: string }
  if (err.reason === JS_YAML_TOO_DEEP) {
    // go-yaml's parser.fail(): a scanner error names its line only when it is not the first.
    const line = err.mark && err.mark.line > 0 ? `line ${err.mark.line + 1}: ` : ''
    return `${line}exceeded max depth of ${MAX_NESTING_DEPTH}`
  }
  const where = err.mark ? `line ${err.mark.line + 1}, column ${err.mark.column + 1}: ` : ''
  return `${where}${err.reason ?? err.message}`
}

/**
 * YAMLReader.Read: a line starting with "---" ends a document; only a comment may follow the dashes. Its
 * LineReader gives every line as bufio.ReadLine does, without "\r\n" or "\n", then adds "\n": a CRLF file reaches
 * go-yaml with LF line ends, and a last line without one gets it.
 */
export function* splitYaml(text: string): Generator<{ text: string } | { error: string }> {
  let buffer = ''
  const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? []
  for (const raw of lines) {
    const line = raw.replace(/\r?\n$/, '') + '\n'
    if (line.startsWith('---')) {
      const rest = line.slice(3).trim()
      if (rest.length > 0 && !rest.startsWith('#')) {
        yield { error: `invalid Yaml document separator: ${rest}` }
        return
      }
      if (buffer.length > 0) yield { text: buffer }
      buffer = ''
      continue
    }
    buffer += line
  }
  if (buffer.length > 0) yield { text: buffer }
}

/** A stream of concatenated JSON values, as json.Decoder reads it, its syntax errors as YAMLOrJSONDecoder words them. */
function* jsonValues(text: string): Generator<Chunk> {
  for (const item of jsonStream(text, MAX_NESTING_DEPTH)) {
    if ('unexpectedEOF' in item) yield { error: 'unexpected EOF' }
    else if ('syntaxError' in item) yield { error: `json: offset ${item.offset}: ${item.syntaxError}` }
    else yield { value: JSON.parse(item.text) }
  }
}
