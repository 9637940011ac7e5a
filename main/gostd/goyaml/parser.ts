// go-yaml v2's parser (sigs.k8s.io/yaml v1.4.0 goyaml.v2/parserc.go, a port of libyaml's parser.c), ported by
// hand to TypeScript: the state machine that turns the scanner's tokens into events, with its problem texts
// and marks ("did not find expected key" at the offending token, "did not find expected ',' or ']'", ...).
// Names follow the Go source (yaml_parser_parse_* -> parse*). Errors throw a YamlError of kind 'parser'.

import { YamlError, type Mark } from './errors'
import { Scanner, TokenType, type ScalarStyle, type Token } from './scanner'

export const enum EventType {
  StreamStart,
  StreamEnd,
  DocumentStart,
  DocumentEnd,
  Alias,
  Scalar,
  SequenceStart,
  SequenceEnd,
  MappingStart,
  MappingEnd,
}

export interface Event {
  type: EventType
  start: Mark
  end: Mark
  anchor?: string
  tag?: string
  value?: string
  /** Scalar: a plain scalar without tag (or with `!`), whose type is resolved from its text. */
  implicit?: boolean
  style?: ScalarStyle
}

const enum State {
  StreamStart,
  ImplicitDocumentStart,
  DocumentStart,
  DocumentContent,
  DocumentEnd,
  BlockNode,
  BlockNodeOrIndentlessSequence,
  FlowNode,
  BlockSequenceFirstEntry,
  BlockSequenceEntry,
  IndentlessSequenceEntry,
  BlockMappingFirstKey,
  BlockMappingKey,
  BlockMappingValue,
  FlowSequenceFirstEntry,
  FlowSequenceEntry,
  FlowSequenceEntryMappingKey,
  FlowSequenceEntryMappingValue,
  FlowSequenceEntryMappingEnd,
  FlowMappingFirstKey,
  FlowMappingKey,
  FlowMappingValue,
  FlowMappingEmptyValue,
  End,
}

interface TagDirective {
  handle: string
  prefix: string
}

const DEFAULT_TAG_DIRECTIVES: TagDirective[] = [
  { handle: '!', prefix: '!' },
  { handle: '!!', prefix: 'tag:yaml.org,2002:' },
]

export class Parser {
  private readonly scanner: Scanner
  private state = State.StreamStart
  private states: State[] = []
  private marks: Mark[] = []
  private tagDirectives: TagDirective[] = []

  constructor(text: string, maxDepth?: number) {
    this.scanner = new Scanner(text, maxDepth)
  }

  /** yaml_parser_parse: the next event; null after the stream's end. */
  parse(): Event | null {
    if (this.scanner.streamEndProduced || this.state === State.End) return null
    return this.stateMachine()
  }

  private error(problem: string, problemMark: Mark, context = '', contextMark?: Mark): never {
    throw new YamlError('parser', problem, problemMark, context, contextMark)
  }

  private peek(): Token {
    return this.scanner.peek()
  }
  private skip(): void {
    this.scanner.skipToken()
  }
  private popState(): void {
    this.state = this.states.pop()!
  }

  private stateMachine(): Event {
    switch (this.state) {
      case State.StreamStart:
        return this.parseStreamStart()
      case State.ImplicitDocumentStart:
        return this.parseDocumentStart(true)
      case State.DocumentStart:
        return this.parseDocumentStart(false)
      case State.DocumentContent:
        return this.parseDocumentContent()
      case State.DocumentEnd:
        return this.parseDocumentEnd()
      case State.BlockNode:
        return this.parseNode(true, false)
      case State.BlockNodeOrIndentlessSequence:
        return this.parseNode(true, true)
      case State.FlowNode:
        return this.parseNode(false, false)
      case State.BlockSequenceFirstEntry:
        return this.parseBlockSequenceEntry(true)
      case State.BlockSequenceEntry:
        return this.parseBlockSequenceEntry(false)
      case State.IndentlessSequenceEntry:
        return this.parseIndentlessSequenceEntry()
      case State.BlockMappingFirstKey:
        return this.parseBlockMappingKey(true)
      case State.BlockMappingKey:
        return this.parseBlockMappingKey(false)
      case State.BlockMappingValue:
        return this.parseBlockMappingValue()
      case State.FlowSequenceFirstEntry:
        return this.parseFlowSequenceEntry(true)
      case State.FlowSequenceEntry:
        return this.parseFlowSequenceEntry(false)
      case State.FlowSequenceEntryMappingKey:
        return this.parseFlowSequenceEntryMappingKey()
      case State.FlowSequenceEntryMappingValue:
        return this.parseFlowSequenceEntryMappingValue()
      case State.FlowSequenceEntryMappingEnd:
        return this.parseFlowSequenceEntryMappingEnd()
      case State.FlowMappingFirstKey:
        return this.parseFlowMappingKey(true)
      case State.FlowMappingKey:
        return this.parseFlowMappingKey(false)
      case State.FlowMappingValue:
        return this.parseFlowMappingValue(false)
      case State.FlowMappingEmptyValue:
        return this.parseFlowMappingValue(true)
      default:
        throw new Error('invalid parser state')
    }
  }

  private parseStreamStart(): Event {
    const token = this.peek()
    if (token.type !== TokenType.StreamStart) this.error('did not find expected <stream-start>', token.start)
    this.state = State.ImplicitDocumentStart
    this.skip()
    return { type: EventType.StreamStart, start: token.start, end: token.end }
  }

  private parseDocumentStart(implicit: boolean): Event {
    let token = this.peek()
    // Extra document end indicators.
    if (!implicit) {
      while (token.type === TokenType.DocumentEnd) {
        this.skip()
        token = this.peek()
      }
    }
    if (
      implicit &&
      token.type !== TokenType.VersionDirective &&
      token.type !== TokenType.TagDirective &&
      token.type !== TokenType.DocumentStart &&
      token.type !== TokenType.StreamEnd
    ) {
      // An implicit document.
      this.processDirectives()
      this.states.push(State.DocumentEnd)
      this.state = State.BlockNode
      return { type: EventType.DocumentStart, start: token.start, end: token.end }
    }
    if (token.type !== TokenType.StreamEnd) {
      // An explicit document.
      const start = token.start
      this.processDirectives()
      token = this.peek()
      if (token.type !== TokenType.DocumentStart) this.error('did not find expected <document start>', token.start)
      this.states.push(State.DocumentEnd)
      this.state = State.DocumentContent
      this.skip()
      return { type: EventType.DocumentStart, start, end: token.end }
    }
    this.state = State.End
    this.skip()
    return { type: EventType.StreamEnd, start: token.start, end: token.end }
  }

  private parseDocumentContent(): Event {
    const token = this.peek()
    if (
      token.type === TokenType.VersionDirective ||
      token.type === TokenType.TagDirective ||
      token.type === TokenType.DocumentStart ||
      token.type === TokenType.DocumentEnd ||
      token.type === TokenType.StreamEnd
    ) {
      this.popState()
      return emptyScalar(token.start)
    }
    return this.parseNode(true, false)
  }

  private parseDocumentEnd(): Event {
    const token = this.peek()
    const start = token.start
    let end = token.start
    if (token.type === TokenType.DocumentEnd) {
      end = token.end
      this.skip()
    }
    this.tagDirectives = []
    this.state = State.DocumentStart
    return { type: EventType.DocumentEnd, start, end }
  }

  private parseNode(block: boolean, indentlessSequence: boolean): Event {
    let token = this.peek()
    if (token.type === TokenType.Alias) {
      this.popState()
      this.skip()
      return { type: EventType.Alias, start: token.start, end: token.end, anchor: token.value }
    }
    let start = token.start
    let end = token.start
    let tagToken = false
    let tagHandle = ''
    let tagSuffix = ''
    let anchor: string | undefined
    let tagMark = token.start
    if (token.type === TokenType.Anchor) {
      anchor = token.value
      start = token.start
      end = token.end
      this.skip()
      token = this.peek()
      if (token.type === TokenType.Tag) {
        tagToken = true
        tagHandle = token.value ?? ''
        tagSuffix = token.suffix ?? ''
        tagMark = token.start
        end = token.end
        this.skip()
        token = this.peek()
      }
    } else if (token.type === TokenType.Tag) {
      tagToken = true
      tagHandle = token.value ?? ''
      tagSuffix = token.suffix ?? ''
      start = token.start
      tagMark = token.start
      end = token.end
      this.skip()
      token = this.peek()
      if (token.type === TokenType.Anchor) {
        anchor = token.value
        end = token.end
        this.skip()
        token = this.peek()
      }
    }
    let tag = ''
    if (tagToken) {
      if (tagHandle.length === 0) {
        tag = tagSuffix
      } else {
        const directive = this.tagDirectives.find((d) => d.handle === tagHandle)
        if (directive) tag = directive.prefix + tagSuffix
        if (tag.length === 0) this.error('found undefined tag handle', tagMark, 'while parsing a node', start)
      }
    }
    const implicit = tag.length === 0
    const node = { start, anchor, ...(tag ? { tag } : {}) }
    if (indentlessSequence && token.type === TokenType.BlockEntry) {
      this.state = State.IndentlessSequenceEntry
      return { type: EventType.SequenceStart, ...node, end: token.end, implicit }
    }
    if (token.type === TokenType.Scalar) {
      const plainImplicit = (tag.length === 0 && token.style === 'plain') || tag === '!'
      this.popState()
      this.skip()
      return { type: EventType.Scalar, ...node, end: token.end, value: token.value, implicit: plainImplicit, style: token.style }
    }
    if (token.type === TokenType.FlowSequenceStart) {
      this.state = State.FlowSequenceFirstEntry
      return { type: EventType.SequenceStart, ...node, end: token.end, implicit }
    }
    if (token.type === TokenType.FlowMappingStart) {
      this.state = State.FlowMappingFirstKey
      return { type: EventType.MappingStart, ...node, end: token.end, implicit }
    }
    if (block && token.type === TokenType.BlockSequenceStart) {
      this.state = State.BlockSequenceFirstEntry
      return { type: EventType.SequenceStart, ...node, end: token.end, implicit }
    }
    if (block && token.type === TokenType.BlockMappingStart) {
      this.state = State.BlockMappingFirstKey
      return { type: EventType.MappingStart, ...node, end: token.end, implicit }
    }
    if (anchor !== undefined || tag.length > 0) {
      // An empty scalar with properties.
      this.popState()
      return { type: EventType.Scalar, ...node, end, value: '', implicit, style: 'plain' }
    }
    this.error('did not find expected node content', token.start, block ? 'while parsing a block node' : 'while parsing a flow node', start)
  }

  private parseBlockSequenceEntry(first: boolean): Event {
    if (first) {
      this.marks.push(this.peek().start)
      this.skip()
    }
    let token = this.peek()
    if (token.type === TokenType.BlockEntry) {
      const mark = token.end
      this.skip()
      token = this.peek()
      if (token.type !== TokenType.BlockEntry && token.type !== TokenType.BlockEnd) {
        this.states.push(State.BlockSequenceEntry)
        return this.parseNode(true, false)
      }
      this.state = State.BlockSequenceEntry
      return emptyScalar(mark)
    }
    if (token.type === TokenType.BlockEnd) {
      this.popState()
      this.marks.pop()
      this.skip()
      return { type: EventType.SequenceEnd, start: token.start, end: token.end }
    }
    const contextMark = this.marks.pop()!
    this.error("did not find expected '-' indicator", token.start, 'while parsing a block collection', contextMark)
  }

  private parseIndentlessSequenceEntry(): Event {
    let token = this.peek()
    if (token.type === TokenType.BlockEntry) {
      const mark = token.end
      this.skip()
      token = this.peek()
      if (token.type !== TokenType.BlockEntry && token.type !== TokenType.Key && token.type !== TokenType.Value && token.type !== TokenType.BlockEnd) {
        this.states.push(State.IndentlessSequenceEntry)
        return this.parseNode(true, false)
      }
      this.state = State.IndentlessSequenceEntry
      return emptyScalar(mark)
    }
    this.popState()
    return { type: EventType.SequenceEnd, start: token.start, end: token.start }
  }

  private parseBlockMappingKey(first: boolean): Event {
    if (first) {
      this.marks.push(this.peek().start)
      this.skip()
    }
    let token = this.peek()
    if (token.type === TokenType.Key) {
      const mark = token.end
      this.skip()
      token = this.peek()
      if (token.type !== TokenType.Key && token.type !== TokenType.Value && token.type !== TokenType.BlockEnd) {
        this.states.push(State.BlockMappingValue)
        return this.parseNode(true, true)
      }
      this.state = State.BlockMappingValue
      return emptyScalar(mark)
    }
    if (token.type === TokenType.BlockEnd) {
      this.popState()
      this.marks.pop()
      this.skip()
      return { type: EventType.MappingEnd, start: token.start, end: token.end }
    }
    const contextMark = this.marks.pop()!
    this.error('did not find expected key', token.start, 'while parsing a block mapping', contextMark)
  }

  private parseBlockMappingValue(): Event {
    let token = this.peek()
    if (token.type === TokenType.Value) {
      const mark = token.end
      this.skip()
      token = this.peek()
      if (token.type !== TokenType.Key && token.type !== TokenType.Value && token.type !== TokenType.BlockEnd) {
        this.states.push(State.BlockMappingKey)
        return this.parseNode(true, true)
      }
      this.state = State.BlockMappingKey
      return emptyScalar(mark)
    }
    this.state = State.BlockMappingKey
    return emptyScalar(token.start)
  }

  private parseFlowSequenceEntry(first: boolean): Event {
    if (first) {
      this.marks.push(this.peek().start)
      this.skip()
    }
    let token = this.peek()
    if (token.type !== TokenType.FlowSequenceEnd) {
      if (!first) {
        if (token.type === TokenType.FlowEntry) {
          this.skip()
          token = this.peek()
        } else {
          const contextMark = this.marks.pop()!
          this.error("did not find expected ',' or ']'", token.start, 'while parsing a flow sequence', contextMark)
        }
      }
      if (token.type === TokenType.Key) {
        this.state = State.FlowSequenceEntryMappingKey
        this.skip()
        return { type: EventType.MappingStart, start: token.start, end: token.end, implicit: true }
      } else if (token.type !== TokenType.FlowSequenceEnd) {
        this.states.push(State.FlowSequenceEntry)
        return this.parseNode(false, false)
      }
    }
    this.popState()
    this.marks.pop()
    this.skip()
    return { type: EventType.SequenceEnd, start: token.start, end: token.end }
  }

  private parseFlowSequenceEntryMappingKey(): Event {
    const token = this.peek()
    if (token.type !== TokenType.Value && token.type !== TokenType.FlowEntry && token.type !== TokenType.FlowSequenceEnd) {
      this.states.push(State.FlowSequenceEntryMappingValue)
      return this.parseNode(false, false)
    }
    const mark = token.end
    this.skip()
    this.state = State.FlowSequenceEntryMappingValue
    return emptyScalar(mark)
  }

  private parseFlowSequenceEntryMappingValue(): Event {
    const token = this.peek()
    if (token.type === TokenType.Value) {
      this.skip()
      // go-yaml shadows `token` here, so an empty value's mark below is the VALUE token's.
      const next = this.peek()
      if (next.type !== TokenType.FlowEntry && next.type !== TokenType.FlowSequenceEnd) {
        this.states.push(State.FlowSequenceEntryMappingEnd)
        return this.parseNode(false, false)
      }
    }
    this.state = State.FlowSequenceEntryMappingEnd
    return emptyScalar(token.start)
  }

  private parseFlowSequenceEntryMappingEnd(): Event {
    const token = this.peek()
    this.state = State.FlowSequenceEntry
    return { type: EventType.MappingEnd, start: token.start, end: token.start }
  }

  private parseFlowMappingKey(first: boolean): Event {
    if (first) {
      this.marks.push(this.peek().start)
      this.skip()
    }
    let token = this.peek()
    if (token.type !== TokenType.FlowMappingEnd) {
      if (!first) {
        if (token.type === TokenType.FlowEntry) {
          this.skip()
          token = this.peek()
        } else {
          const contextMark = this.marks.pop()!
          this.error("did not find expected ',' or '}'", token.start, 'while parsing a flow mapping', contextMark)
        }
      }
      if (token.type === TokenType.Key) {
        this.skip()
        token = this.peek()
        if (token.type !== TokenType.Value && token.type !== TokenType.FlowEntry && token.type !== TokenType.FlowMappingEnd) {
          this.states.push(State.FlowMappingValue)
          return this.parseNode(false, false)
        }
        this.state = State.FlowMappingValue
        return emptyScalar(token.start)
      } else if (token.type !== TokenType.FlowMappingEnd) {
        this.states.push(State.FlowMappingEmptyValue)
        return this.parseNode(false, false)
      }
    }
    this.popState()
    this.marks.pop()
    this.skip()
    return { type: EventType.MappingEnd, start: token.start, end: token.end }
  }

  private parseFlowMappingValue(empty: boolean): Event {
    let token = this.peek()
    if (empty) {
      this.state = State.FlowMappingKey
      return emptyScalar(token.start)
    }
    if (token.type === TokenType.Value) {
      this.skip()
      token = this.peek()
      if (token.type !== TokenType.FlowEntry && token.type !== TokenType.FlowMappingEnd) {
        this.states.push(State.FlowMappingKey)
        return this.parseNode(false, false)
      }
    }
    this.state = State.FlowMappingKey
    return emptyScalar(token.start)
  }

  /** yaml_parser_process_directives: %YAML and %TAG before a document, then the default tag handles. */
  private processDirectives(): void {
    let versionSeen = false
    let token = this.peek()
    while (token.type === TokenType.VersionDirective || token.type === TokenType.TagDirective) {
      if (token.type === TokenType.VersionDirective) {
        if (versionSeen) this.error('found duplicate %YAML directive', token.start)
        if (token.major !== 1 || token.minor !== 1) this.error('found incompatible YAML document', token.start)
        versionSeen = true
      } else {
        this.appendTagDirective({ handle: token.value ?? '', prefix: token.prefix ?? '' }, false, token.start)
      }
      this.skip()
      token = this.peek()
    }
    for (const d of DEFAULT_TAG_DIRECTIVES) this.appendTagDirective(d, true, token.start)
  }

  private appendTagDirective(value: TagDirective, allowDuplicates: boolean, mark: Mark): void {
    if (this.tagDirectives.some((d) => d.handle === value.handle)) {
      if (allowDuplicates) return
      this.error('found duplicate %TAG directive', mark)
    }
    this.tagDirectives.push({ ...value })
  }
}

function emptyScalar(mark: Mark): Event {
  return { type: EventType.Scalar, start: mark, end: mark, value: '', implicit: true, style: 'plain' }
}
