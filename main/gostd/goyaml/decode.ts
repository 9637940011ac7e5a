// go-yaml v2's decoder as sigs.k8s.io/yaml's YAMLToJSON drives it (goyaml.v2/decode.go decoder.unmarshal into
// an interface{}, then yaml.go convertToJSONableObject), ported by hand for the errors it raises on a document
// that parsed: excessive aliasing (the alias accounting, which stops an alias bomb early), an anchor inside its
// own value, a mapping or sequence used as a key, a tag that disagrees with its text, bad !!binary, a merge of
// something that is not a mapping, and (sigs.k8s.io/yaml) a key JSON cannot hold. The value itself is not built
// here: Podlab takes js-yaml's once this finds nothing wrong.

import { decodeStdBase64 } from '../base64'
import { goQuote } from '../gofmt'
import { resolve, type Resolved } from '../yaml-resolve'
import { YamlError } from './errors'
import { NodeKind, type Node } from './compose'

const ALIAS_RATIO_RANGE_LOW = 400_000
const ALIAS_RATIO_RANGE_HIGH = 4_000_000
const MERGE_TAG = 'tag:yaml.org,2002:merge'

/** allowedAliasRatio: 99% of the nodes decoded may come from aliases up to 400k nodes, down to 10% at 4M. */
function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= ALIAS_RATIO_RANGE_LOW) return 0.99
  if (decodeCount >= ALIAS_RATIO_RANGE_HIGH) return 0.1
  return 0.99 - 0.89 * ((decodeCount - ALIAS_RATIO_RANGE_LOW) / (ALIAS_RATIO_RANGE_HIGH - ALIAS_RATIO_RANGE_LOW))
}

/**
 * Decodes the tree as yaml.Unmarshal(&interface{}) would, then checks its keys as convertToJSONableObject does.
 * @throws YamlError (kind 'decoder') with go-yaml's text ("anchor 'x' value contains itself", "invalid map key:
 * []interface {}{\"a\", \"b\"}", ...), or kind 'convert' for sigs.k8s.io/yaml's "unsupported map key of type: ...".
 */
export function decodeTree(root: Node): void {
  const d = new Decoder()
  d.unmarshal(root)
  if (d.badKey) {
    const [key, value] = d.badKey
    throw new YamlError('convert', `unsupported map key of type: ${goTypeOf(key)}, key: ${goSharpV(key)}, value: ${goSharpV(construct(value))}`)
  }
}

type GoValue = null | boolean | string | { int: bigint } | { float: number } | GoValue[] | { map: Array<[GoValue, GoValue]> }

/** Work for the decoder's loop: a node to decode, an alias expansion to close, or a decoded key to check. */
type Work = Node | { leave: Node } | { key: Node; value: Node } | { badMerge: true }

/**
 * decoder.unmarshal's walk, in its order (key, then its checks, then its value; a merge's mappings last
 * first). go-yaml recurses; this keeps its work on a stack so that a deep or aliased document cannot overflow
 * the call stack, and the alias accounting stops a bomb after about a hundred times the document's own nodes.
 */
class Decoder {
  private decodeCount = 0
  private aliasCount = 0
  private aliasDepth = 0
  private readonly aliases = new Set<Node>()
  /** The first key convertToJSONableObject cannot turn into a string (nil, uint64), with its value's node. */
  badKey: [GoValue, Node] | null = null

  unmarshal(root: Node): void {
    const stack: Work[] = [root]
    while (stack.length > 0) {
      const w = stack.pop()!
      if ('leave' in w) {
        this.aliasDepth--
        this.aliases.delete(w.leave)
      } else if ('key' in w) {
        this.checkKey(w.key, w.value)
      } else if ('badMerge' in w) {
        failWantMap()
      } else {
        this.decode(w, stack)
      }
    }
  }

  private decode(n: Node, stack: Work[]): void {
    this.decodeCount++
    if (this.aliasDepth > 0) this.aliasCount++
    if (this.aliasCount > 100 && this.decodeCount > 1000 && this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)) {
      fail('document contains excessive aliasing')
    }
    switch (n.kind) {
      case NodeKind.Document:
        if (n.children.length === 1) stack.push(n.children[0]!)
        return
      case NodeKind.Alias:
        if (this.aliases.has(n)) fail(`anchor '${n.value}' value contains itself`)
        this.aliases.add(n)
        this.aliasDepth++
        stack.push({ leave: n }, n.alias!)
        return
      case NodeKind.Scalar:
        scalarValue(n)
        return
      case NodeKind.Sequence:
        for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!)
        return
      case NodeKind.Mapping: {
        const work: Work[] = []
        for (let i = 0; i < n.children.length; i += 2) {
          const key = n.children[i]!
          const value = n.children[i + 1]!
          if (isMerge(key)) work.push(...mergeWork(value))
          else work.push(key, { key, value }, value)
        }
        for (let i = work.length - 1; i >= 0; i--) stack.push(work[i]!)
      }
    }
  }

  /** After a key decoded: go-yaml refuses a mapping or sequence key; sigs.k8s.io/yaml a nil or uint64 one. */
  private checkKey(key: Node, value: Node): void {
    const target = aliased(key)
    if (target.kind === NodeKind.Mapping || target.kind === NodeKind.Sequence) fail(`invalid map key: ${goSharpV(construct(key))}`)
    if (this.badKey === null) {
      const k = scalarValue(target)
      if (k === null || (typeof k === 'object' && 'int' in k && k.int > INT64_MAX)) this.badKey = [k, value]
    }
  }
}

const INT64_MAX = 2n ** 63n - 1n

function failWantMap(): never {
  fail('map merge requires map or sequence of maps as the value')
}

/** decoder.merge: what a `<<` key's value decodes, each checked just before go-yaml decodes it. */
function mergeWork(n: Node): Work[] {
  if (n.kind === NodeKind.Mapping) return [n]
  if (n.kind === NodeKind.Alias) {
    if (n.alias!.kind !== NodeKind.Mapping) failWantMap()
    return [n]
  }
  if (n.kind !== NodeKind.Sequence) failWantMap()
  // Backwards, as earlier mappings take precedence: a member that is not a mapping fails once those after it
  // have been decoded.
  const out: Work[] = []
  for (let i = n.children.length - 1; i >= 0; i--) {
    const child = n.children[i]!
    if (child.kind === NodeKind.Alias ? child.alias!.kind !== NodeKind.Mapping : child.kind !== NodeKind.Mapping) {
      out.push({ badMerge: true })
      break
    }
    out.push(child)
  }
  return out
}

function fail(problem: string): never {
  throw new YamlError('decoder', problem)
}

function aliased(n: Node): Node {
  while (n.kind === NodeKind.Alias) n = n.alias!
  return n
}

function isMerge(n: Node): boolean {
  return n.kind === NodeKind.Scalar && n.value === '<<' && (n.implicit || n.tag === MERGE_TAG)
}

/**
 * decoder.scalar into an interface{}: the Go value a scalar becomes. (decoder.prepare's null check only spares
 * pointers and unmarshalers; a quoted "null" is still the string "null".)
 */
function scalarValue(n: Node): GoValue {
  if (n.tag === '' && !n.implicit) return n.value
  let r: Resolved
  try {
    r = resolve(n.tag, n.value)
  } catch (e) {
    fail((e as Error).message)
  }
  switch (r.tag) {
    case 'null':
      return null
    case 'bool':
      return r.value
    case 'int':
      return { int: r.value }
    case 'float':
      return { float: r.value }
    case 'binary': {
      const decoded = decodeStdBase64(new TextEncoder().encode(n.value.replace(/[\r\n]/g, '')))
      if (!decoded.ok) fail('!!binary value contains invalid base64 data')
      return new TextDecoder().decode(decoded.bytes)
    }
    default:
      return n.value
  }
}

/** The Go value of a node, for the messages that print one (%#v); merges are not expanded. */
function construct(n: Node): GoValue {
  n = aliased(n)
  if (n.kind === NodeKind.Scalar) return scalarValue(n)
  if (n.kind === NodeKind.Sequence) return n.children.map(construct)
  const map: Array<[GoValue, GoValue]> = []
  for (let i = 0; i < n.children.length; i += 2) map.push([construct(n.children[i]!), construct(n.children[i + 1]!)])
  return { map }
}

/** %s of reflect.TypeOf(key): a nil key has no type, which fmt prints as `%!s(<nil>)`. */
function goTypeOf(v: GoValue): string {
  if (v === null) return '%!s(<nil>)'
  if (typeof v === 'object' && 'int' in v) return v.int > INT64_MAX ? 'uint64' : 'int'
  return 'interface {}'
}

/** fmt's %#v (and %+#v) of what go-yaml decodes into an interface{}: maps print with their keys sorted. */
function goSharpV(v: GoValue, inside = false): string {
  if (v === null) return inside ? 'interface {}(nil)' : '<nil>'
  if (typeof v === 'boolean') return String(v)
  if (typeof v === 'string') return goQuote(v)
  if (Array.isArray(v)) return `[]interface {}{${v.map((x) => goSharpV(x, true)).join(', ')}}`
  if ('int' in v) return v.int > INT64_MAX ? `0x${v.int.toString(16)}` : String(v.int)
  if ('float' in v) return goFloat(v.float)
  const entries = v.map.map(([k, x]) => [goSharpV(k, true), goSharpV(x, true)] as const)
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  return `map[interface {}]interface {}{${entries.map(([k, x]) => `${k}:${x}`).join(', ')}}`
}

/** strconv.FormatFloat(f, 'g', -1, 64) as %#v prints it. */
function goFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN'
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf'
  const exp = f === 0 ? 0 : Math.floor(Math.log10(Math.abs(f)))
  // Shortest 'g' switches to an exponent from 1e+06 on (strconv/ftoa.go: eprec = 6).
  if (exp < -4 || exp >= 6) return f.toExponential().replace(/e([+-])(\d)$/, 'e$10$2')
  return String(f)
}
