// Client-side decoding of a manifest file, as kubectl's resource builder reads one: cli-runtime
// pkg/resource/visitor.go StreamVisitor over apimachinery pkg/util/yaml YAMLOrJSONDecoder (v0.32). A stream
// starting with "{" is JSON; otherwise YAMLReader cuts it at "---" lines and each document is converted on its
// own, so a YAML error's line is counted from the start of its document, as kubectl counts it. Empty and null
// documents are skipped. An error ends the stream, but the documents before it stand (kubectl applies them).

import { FAILSAFE_SCHEMA, boolYaml11Tag, floatYaml11Tag, intYaml11Tag, loadAll, mergeTag, nullYaml11Tag } from 'js-yaml'

/** go-yaml v2 (sigs.k8s.io/yaml) reads YAML 1.1 scalars: yes/on are true, 0755 is octal; timestamps stay strings. */
const SCHEMA = FAILSAFE_SCHEMA.withTags(nullYaml11Tag, boolYaml11Tag, intYaml11Tag, floatYaml11Tag, mergeTag)

export interface DecodedStream {
  /** The documents decoded before any error, in order. */
  documents: unknown[]
  /** kubectl's text for the error that ended the stream (without "error: "), if any. */
  error?: string
}

/** `source` is the name kubectl shows: the path as given, or STDIN. */
export function decodeManifest(text: string, source: string): DecodedStream {
  const documents: unknown[] = []
  const chunks = /^\s*\{/.test(text) ? jsonValues(text) : yamlDocuments(text)
  for (const chunk of chunks) {
    if ('error' in chunk) return { documents, error: `error parsing ${source}: ${chunk.error}` }
    // StreamVisitor skips documents that are empty or decode to null.
    if (chunk.value !== null && chunk.value !== undefined) documents.push(chunk.value)
  }
  return { documents }
}

type Chunk = { value: unknown } | { error: string }

function* yamlDocuments(text: string): Generator<Chunk> {
  for (const doc of splitYaml(text)) {
    if ('error' in doc) {
      yield doc
      return
    }
    try {
      // A chunk holds one document; loadAll tolerates an empty one.
      yield { value: loadAll(doc.text, { schema: SCHEMA })[0] ?? null }
    } catch (e) {
      const err = e as { reason?: string; mark?: { line: number; column: number }; message?: string }
      const where = err.mark ? `line ${err.mark.line + 1}, column ${err.mark.column + 1}: ` : ''
      yield { error: `error converting YAML to JSON: yaml: ${where}${err.reason ?? err.message}` }
      return
    }
  }
}

/** YAMLReader.Read: a line starting with "---" ends a document; only a comment may follow the dashes. */
export function* splitYaml(text: string): Generator<{ text: string } | { error: string }> {
  let buffer = ''
  const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? []
  for (const line of lines) {
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

/** A stream of concatenated JSON values, as json.Decoder reads it. */
function* jsonValues(text: string): Generator<Chunk> {
  let i = 0
  while (true) {
    while (i < text.length && /\s/.test(text[i]!)) i++
    if (i >= text.length) return
    const end = valueEnd(text, i)
    if (end < 0) {
      yield { error: 'unexpected EOF' }
      return
    }
    try {
      yield { value: JSON.parse(text.slice(i, end)) }
    } catch (e) {
      yield { error: `json: offset ${end}: ${(e as Error).message}` }
      return
    }
    i = end
  }
}

/** The end of the JSON value starting at `start`: its closing bracket, or the end of a bare scalar. */
function valueEnd(text: string, start: number): number {
  let depth = 0
  let inString = false
  for (let i = start; i < text.length; i++) {
    const ch = text[i]
    if (inString) {
      if (ch === '\\') i++
      else if (ch === '"') inString = false
      continue
    }
    if (ch === '"') inString = true
    else if (ch === '{' || ch === '[') depth++
    else if (ch === '}' || ch === ']') {
      depth--
      if (depth === 0) return i + 1
    } else if (depth === 0 && /\s/.test(ch!)) return i
  }
  return depth === 0 && !inString ? text.length : -1
}
