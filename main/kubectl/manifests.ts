// Client-side decoding of a manifest file, as kubectl's resource builder reads one: cli-runtime
// pkg/resource/visitor.go StreamVisitor over apimachinery pkg/util/yaml YAMLOrJSONDecoder (v0.32). A stream
// starting with "{" is JSON; otherwise YAMLReader cuts it at "---" lines and each document is converted on its
// own, so a YAML error's line is counted from the start of its document, as kubectl counts it. Empty and null
// documents are skipped. An error ends the stream, but the documents before it stand (kubectl applies them).
// A document whose aliases expand too far, or whose anchor contains its own alias, is refused in go-yaml's
// words before anything walks its value.

import {
  EVENT_ID,
  FAILSAFE_SCHEMA,
  SCALAR_STYLE,
  boolYaml11Tag,
  constructFromEvents,
  floatYaml11Tag,
  getScalarValue,
  intYaml11Tag,
  mergeTag,
  nullYaml11Tag,
  parseEvents,
  type Event,
} from 'js-yaml'

/**
 * How deep a manifest may nest (objects and arrays). encoding/json and sigs.k8s.io/json stop at 10000
 * (scanner.go maxNestingDepth: "invalid character '{' exceeded max depth"), go-yaml at 10000 flow levels or
 * indents ("exceeded max depth of 10000"); Podlab stops at 1000, in the same words, because a document that
 * deep must still pass through recursive walks (structuredClone, JSON.stringify, the last-applied bookkeeping)
 * that overflow V8's stack well before 10000. No Kubernetes object nests more than a few dozen levels.
 */
export const MAX_NESTING_DEPTH = 1000

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

/** js-yaml's reason for a document nested past its maxDepth option. */
const JS_YAML_TOO_DEEP = `nesting exceeded maxDepth (${MAX_NESTING_DEPTH})`

function* yamlDocuments(text: string): Generator<Chunk> {
  for (const doc of splitYaml(text)) {
    if ('error' in doc) {
      yield doc
      return
    }
    try {
      // A chunk holds one document; this is loadAll(doc.text, { schema }), which tolerates an empty one, with
      // the parser's events kept for the alias check. js-yaml shares an anchored value among its aliases, so
      // loading is cheap even when the value, walked, is not.
      const events = parseEvents(doc.text, { maxDepth: MAX_NESTING_DEPTH })
      const value = constructFromEvents(events, { source: doc.text, schema: SCHEMA })[0] ?? null
      const aliasing = aliasingError(documentTree(events, doc.text))
      if (aliasing !== null) {
        yield { error: `error converting YAML to JSON: yaml: ${aliasing}` }
        return
      }
      yield { value }
    } catch (e) {
      const err = e as { reason?: string; mark?: { line: number; column: number }; message?: string }
      if (err.reason === JS_YAML_TOO_DEEP) {
        // go-yaml's parser.fail(): a scanner error names its line only when it is not the first.
        const line = err.mark && err.mark.line > 0 ? `line ${err.mark.line + 1}: ` : ''
        yield { error: `error converting YAML to JSON: yaml: ${line}exceeded max depth of ${MAX_NESTING_DEPTH}` }
        return
      }
      const where = err.mark ? `line ${err.mark.line + 1}, column ${err.mark.column + 1}: ` : ''
      yield { error: `error converting YAML to JSON: yaml: ${where}${err.reason ?? err.message}` }
      return
    }
  }
}

// go-yaml v2 decode.go (sigs.k8s.io/yaml's goyaml.v2, which YAMLToJSON decodes with) walks the node tree
// expanding every alias, and refuses a document whose expansion outweighs what it spells out: a few hundred
// bytes of nested anchors ("billion laughs") would otherwise expand to hundreds of millions of nodes.
const ALIAS_RATIO_RANGE_LOW = 400_000
const ALIAS_RATIO_RANGE_HIGH = 4_000_000

/** allowedAliasRatio: 99% of the nodes decoded may come from aliases up to 400k nodes, down to 10% at 4M. */
function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= ALIAS_RATIO_RANGE_LOW) return 0.99
  if (decodeCount >= ALIAS_RATIO_RANGE_HIGH) return 0.1
  return 0.99 - 0.89 * ((decodeCount - ALIAS_RATIO_RANGE_LOW) / (ALIAS_RATIO_RANGE_HIGH - ALIAS_RATIO_RANGE_LOW))
}

type YamlNode =
  | { kind: 'scalar'; merge: boolean }
  | { kind: 'sequence' | 'mapping'; children: YamlNode[] }
  | { kind: 'alias'; name: string; target: YamlNode | undefined }

/** The first document's node tree, aliases pointing at the node their anchor named when they were read. */
function documentTree(events: readonly Event[], source: string): YamlNode | null {
  const anchors = new Map<string, YamlNode>()
  const open: Array<{ children: YamlNode[] }> = []
  let root: YamlNode | null = null
  const anchorOf = (e: { anchorStart: number; anchorEnd: number }) => (e.anchorStart < 0 ? null : source.slice(e.anchorStart, e.anchorEnd))
  for (const e of events) {
    let node: YamlNode
    switch (e.type) {
      case EVENT_ID.DOCUMENT:
        continue
      case EVENT_ID.POP:
        if (open.length === 0) return root
        open.pop()
        continue
      case EVENT_ID.ALIAS: {
        const name = anchorOf(e) ?? ''
        node = { kind: 'alias', name, target: anchors.get(name) }
        break
      }
      case EVENT_ID.SCALAR: {
        // isMerge: a plain untagged `<<`, or one tagged !!merge.
        const tag = e.tagStart < 0 ? '' : source.slice(e.tagStart, e.tagEnd)
        const merge =
          getScalarValue(source, e) === '<<' &&
          ((tag === '' && e.style === SCALAR_STYLE.PLAIN) || tag === '!!merge' || tag === '!<tag:yaml.org,2002:merge>')
        node = { kind: 'scalar', merge }
        break
      }
      default:
        node = { kind: e.type === EVENT_ID.SEQUENCE ? 'sequence' : 'mapping', children: [] }
    }
    // The parser records an anchor as its node starts, so an alias inside the node can name it (a cycle).
    const anchor = e.type === EVENT_ID.ALIAS ? null : anchorOf(e)
    if (anchor !== null) anchors.set(anchor, node)
    if (open.length === 0) root = node
    else open[open.length - 1]!.children.push(node)
    if (node.kind === 'sequence' || node.kind === 'mapping') open.push(node)
  }
  return root
}

/**
 * decoder.unmarshal's accounting, in its order: every node decoded counts once more each time an alias brings
 * it back, and those brought back count as aliased too. It stops as soon as the aliased share passes
 * allowedAliasRatio (past 100 aliased of 1000 decoded), or an alias is reached inside its own expansion, so
 * the walk stays within about a hundred times the document's own nodes. go-yaml's message, or null.
 */
function aliasingError(root: YamlNode | null): string | null {
  if (root === null) return null
  type Alias = Extract<YamlNode, { kind: 'alias' }>
  type Work = YamlNode | { kind: 'leave'; alias: Alias }
  let decodeCount = 1 // the document node
  let aliasCount = 0
  let aliasDepth = 0
  const expanding = new Set<Alias>()
  const stack: Work[] = [root]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.kind === 'leave') {
      aliasDepth--
      expanding.delete(node.alias)
      continue
    }
    decodeCount++
    if (aliasDepth > 0) aliasCount++
    if (aliasCount > 100 && decodeCount > 1000 && aliasCount / decodeCount > allowedAliasRatio(decodeCount)) {
      return 'document contains excessive aliasing'
    }
    if (node.kind === 'alias') {
      if (expanding.has(node)) return `anchor '${node.name}' value contains itself`
      if (node.target === undefined) continue
      expanding.add(node)
      aliasDepth++
      stack.push({ kind: 'leave', alias: node }, node.target)
    } else if (node.kind === 'sequence') {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!)
    } else if (node.kind === 'mapping') {
      // Pairs in order: key then value; a merge key is not decoded, its value is merged (a sequence of
      // mappings member by member, last first, without decoding the sequence itself).
      const order: YamlNode[] = []
      for (let i = 0; i + 1 < node.children.length; i += 2) {
        const key = node.children[i]!
        const value = node.children[i + 1]!
        if (key.kind === 'scalar' && key.merge) {
          if (value.kind === 'sequence') order.push(...[...value.children].reverse())
          else order.push(value)
        } else order.push(key, value)
      }
      for (let i = order.length - 1; i >= 0; i--) stack.push(order[i]!)
    }
  }
  return null
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
    if (typeof end === 'object') {
      yield { error: `json: offset ${end.tooDeepAt + 1}: invalid character '${text[end.tooDeepAt]}' exceeded max depth` }
      return
    }
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

/**
 * The end of the JSON value starting at `start`: its closing bracket, or the end of a bare scalar; -1 when it
 * never ends, or where a bracket opens past MAX_NESTING_DEPTH (encoding/json's scanner stops there too).
 */
function valueEnd(text: string, start: number): number | { tooDeepAt: number } {
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
    else if (ch === '{' || ch === '[') {
      if (++depth > MAX_NESTING_DEPTH) return { tooDeepAt: i }
    } else if (ch === '}' || ch === ']') {
      depth--
      if (depth === 0) return i + 1
    } else if (depth === 0 && /\s/.test(ch!)) return i
  }
  return depth === 0 && !inString ? text.length : -1
}
