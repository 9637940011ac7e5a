// go-yaml v2's node tree (sigs.k8s.io/yaml v1.4.0 goyaml.v2/decode.go: type node, parser.parse, document,
// alias, scalar, sequence, mapping), ported by hand: yaml.Unmarshal reads the FIRST document of its input only
// and never looks at the tokens after that document's end, so a second document (or anything after `...`) is
// not checked here; kubectl's YAMLReader has already cut the stream at `---` lines.

import { YamlError, type Mark } from './errors'
import { EventType, Parser, type Event } from './parser'
import { MAX_DEPTH } from './scanner'

export const enum NodeKind {
  Document,
  Mapping,
  Sequence,
  Scalar,
  Alias,
}

export interface Node {
  kind: NodeKind
  /** 0-based, as go-yaml keeps it. */
  line: number
  column: number
  /** The tag as written, expanded (`tag:yaml.org,2002:int`), or ''. */
  tag: string
  /** Scalar text, or the alias's anchor name. */
  value: string
  /** A plain scalar whose type comes from its text. */
  implicit: boolean
  children: Node[]
  /** Alias: the node its anchor named when the alias was read. */
  alias?: Node
}

/**
 * go-yaml's parser.parse() on a whole input: the first document's tree (null for an input without one), and
 * where that document ended.
 * Throws YamlError: the scanner's and parser's errors, and "unknown anchor 'x' referenced". `maxDepth` is
 * go-yaml's max_flow_level and max_indents (10000), which Podlab lowers (kubectl/manifests.ts says why).
 */
export function composeFirstDocument(text: string, maxDepth = MAX_DEPTH): ComposedDocument {
  // newParser: an empty input is read as "\n".
  const composer = new Composer(text.length === 0 ? '\n' : text, maxDepth)
  const root = composer.parse()
  return { root, end: composer.documentEnd }
}

export interface ComposedDocument {
  root: Node | null
  /** Where the first document's end event ended (after a `...`, or at the next token): go-yaml reads no further. */
  end: Mark | null
}

class Composer {
  private readonly parser: Parser
  private event: Event | null = null
  private anchors = new Map<string, Node>()
  documentEnd: Mark | null = null

  constructor(text: string, maxDepth: number) {
    this.parser = new Parser(text, maxDepth)
  }

  /** peek: the current event, parsed when none is pending. */
  private peek(): Event {
    if (this.event === null) this.event = this.parser.parse()
    // parse() gives null only after STREAM-END, which the composer never reads past.
    return this.event!
  }

  /** expect: consume the current event, which must be of this type. */
  private expect(type: EventType): void {
    const e = this.peek()
    if (e.type === EventType.StreamEnd) throw new YamlError('decoder', 'attempted to go past the end of stream; corrupted value?')
    if (e.type !== type) throw new YamlError('parser', `expected event ${type} but got ${e.type}`, e.start)
    this.event = null
  }

  /**
   * parser.parse() from the stream's start: the first document. go-yaml recurses (document -> mapping ->
   * parse -> ...); this keeps the open collections on a stack instead, in the same order of events, so that
   * a deep document cannot overflow the call stack.
   */
  parse(): Node | null {
    this.expect(EventType.StreamStart)
    const first = this.peek()
    if (first.type === EventType.StreamEnd) return null
    const open: Array<{ node: Node; end: EventType }> = []
    let root: Node | null = null
    const add = (n: Node) => {
      if (open.length === 0) root = n
      else open[open.length - 1]!.node.children.push(n)
    }
    do {
      const e = this.peek()
      const top = open[open.length - 1]
      if (top !== undefined && e.type === top.end) {
        if (e.type === EventType.DocumentEnd) this.documentEnd = e.end
        this.expect(top.end)
        open.pop()
        continue
      }
      switch (e.type) {
        case EventType.Scalar:
          add(this.scalar(e))
          break
        case EventType.Alias:
          add(this.alias(e))
          break
        case EventType.DocumentStart: {
          const n = this.node(NodeKind.Document, e)
          this.anchors = new Map()
          this.expect(EventType.DocumentStart)
          add(n)
          open.push({ node: n, end: EventType.DocumentEnd })
          break
        }
        case EventType.MappingStart:
        case EventType.SequenceStart: {
          // go-yaml keeps no tag on collections.
          const kind = e.type === EventType.MappingStart ? NodeKind.Mapping : NodeKind.Sequence
          const n = this.node(kind, e)
          if (e.anchor !== undefined) this.anchors.set(e.anchor, n)
          this.expect(e.type)
          add(n)
          open.push({ node: n, end: e.type === EventType.MappingStart ? EventType.MappingEnd : EventType.SequenceEnd })
          break
        }
        default:
          // A document or collection end that does not close the innermost one; the parser never gives one.
          this.expect(top?.end ?? EventType.DocumentStart)
      }
    } while (open.length > 0)
    return root
  }

  private node(kind: NodeKind, e: Event): Node {
    return { kind, line: e.start.line, column: e.start.column, tag: '', value: '', implicit: false, children: [] }
  }

  private alias(e: Event): Node {
    const n = this.node(NodeKind.Alias, e)
    n.value = e.anchor ?? ''
    n.alias = this.anchors.get(n.value)
    if (n.alias === undefined) throw new YamlError('decoder', `unknown anchor '${n.value}' referenced`)
    this.expect(EventType.Alias)
    return n
  }

  private scalar(e: Event): Node {
    const n = this.node(NodeKind.Scalar, e)
    n.value = e.value ?? ''
    n.tag = e.tag ?? ''
    n.implicit = e.implicit === true
    if (e.anchor !== undefined) this.anchors.set(e.anchor, n)
    this.expect(EventType.Scalar)
    return n
  }
}
