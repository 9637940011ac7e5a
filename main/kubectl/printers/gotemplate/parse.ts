// The subset of Go's text/template (lex.go, parse.go, node.go of Go 1.23, what kubectl 1.32 is built with) that
// `kubectl get -o go-template` users write, ported by hand: text and actions with `{{-`/`-}}` trimming and
// comments; pipelines of commands joined by `|`; fields (`.a.b`), variables (`$`, `$x`, `$x :=`, `$x =`),
// strings, raw strings, numbers, booleans, nil, parenthesised pipelines; `if`/`else if`/`else`, `range`
// (`$i, $e :=`, `else`, `break`, `continue`), `with`/`else`, `end`; and, for a template set (parseTemplateSet, what
// kubectl explain's plaintext.tmpl needs), `define` at top level and `template "name" pipeline`. Not ported
// (refused as Go would refuse an unknown word, or said so): `block`, `define`/`template` in -o go-template,
// character constants, complex and hex-float numbers.
// Parse errors read as Go's: `template: output:1: function "foo" not defined`.

export class TemplateParseError extends Error {
  readonly reason = 'TemplateParse'
}

export type Node = TextNode | ActionNode | IfNode | RangeNode | WithNode | BreakNode | ContinueNode | TemplateNode
export interface TextNode { type: 'text'; text: string }
export interface ActionNode { type: 'action'; pos: number; pipe: Pipe }
export interface IfNode { type: 'if'; pos: number; pipe: Pipe; list: Node[]; elseList?: Node[] }
export interface WithNode { type: 'with'; pos: number; pipe: Pipe; list: Node[]; elseList?: Node[] }
export interface RangeNode { type: 'range'; pos: number; pipe: Pipe; list: Node[]; elseList?: Node[] }
export interface BreakNode { type: 'break'; pos: number }
export interface ContinueNode { type: 'continue'; pos: number }
/** `{{template "name" pipeline}}`: the named template run with the pipeline's value (nil without one) as dot. */
export interface TemplateNode { type: 'template'; pos: number; name: string; pipe?: Pipe }

export interface Pipe {
  pos: number
  /** `$x :=` (declare) or `$x =` (assign) variables. */
  decl: string[]
  isAssign: boolean
  cmds: Command[]
}

export interface Command { pos: number; args: Arg[] }

export type Arg =
  | { type: 'field'; pos: number; ident: string[] }
  | { type: 'variable'; pos: number; ident: string[] }
  | { type: 'dot'; pos: number }
  | { type: 'nil'; pos: number }
  | { type: 'bool'; pos: number; value: boolean }
  | { type: 'number'; pos: number; text: string; int?: number; float?: number }
  | { type: 'string'; pos: number; quoted: string; text: string }
  | { type: 'identifier'; pos: number; name: string }
  | { type: 'pipe'; pos: number; pipe: Pipe }
  | { type: 'chain'; pos: number; node: Arg; field: string[] }

/** Node.String() of an argument or command, as error contexts print them (`<.metadata.name>`, `<eq 1 1.0>`). */
export function argText(a: Arg): string {
  switch (a.type) {
    case 'field':
      return a.ident.map((f) => `.${f}`).join('')
    case 'variable':
      return a.ident.join('.')
    case 'dot':
      return '.'
    case 'nil':
      return 'nil'
    case 'bool':
      return String(a.value)
    case 'number':
      return a.text
    case 'string':
      return a.quoted
    case 'identifier':
      return a.name
    case 'pipe':
      return `(${pipeText(a.pipe)})`
    case 'chain':
      return `${argText(a.node)}${a.field.map((f) => `.${f}`).join('')}`
  }
}

export function commandText(c: Command): string {
  return c.args.map(argText).join(' ')
}

export function pipeText(p: Pipe): string {
  const decl = p.decl.length > 0 ? `${p.decl.join(', ')} ${p.isAssign ? '=' : ':='} ` : ''
  return decl + p.cmds.map(commandText).join(' | ')
}

// ---- lexer (lex.go) ----

type ItemType =
  | 'text' | 'leftDelim' | 'rightDelim' | 'space' | 'field' | 'variable' | 'identifier' | 'keyword' | 'string' | 'rawString'
  | 'number' | 'bool' | 'nil' | 'dot' | 'pipe' | 'leftParen' | 'rightParen' | 'declare' | 'assign' | 'char' | 'comma' | 'eof' | 'error'

interface Item { type: ItemType; pos: number; val: string; line: number }

const KEYWORDS = new Set(['if', 'else', 'end', 'range', 'with', 'break', 'continue', 'define', 'template', 'block'])

function lex(input: string): Item[] {
  const items: Item[] = []
  let pos = 0
  const emit = (type: ItemType, start: number, val: string) => items.push({ type, pos: start, val, line: lineAt(input, start) })
  const lineAt = (s: string, p: number) => 1 + (s.slice(0, p).match(/\n/g)?.length ?? 0)
  const fail = (message: string) => {
    items.push({ type: 'error', pos, val: message, line: lineAt(input, pos) })
    return items
  }
  while (pos < input.length) {
    const at = input.indexOf('{{', pos)
    if (at < 0) {
      emit('text', pos, input.slice(pos))
      pos = input.length
      break
    }
    let text = input.slice(pos, at)
    const trimLeft = input.startsWith('{{- ', at) || input.startsWith('{{-\t', at) || input.startsWith('{{-\n', at) || input.startsWith('{{-\r', at)
    if (trimLeft) text = text.replace(/[ \t\r\n]+$/, '')
    if (text) emit('text', pos, text)
    pos = at + 2 + (trimLeft ? 1 : 0)
    // A comment: {{/* ... */}}, alone in its action.
    const afterSpace = trimLeft ? pos + 1 : pos
    if (input.startsWith('/*', afterSpace)) {
      const end = input.indexOf('*/', afterSpace)
      if (end < 0) return fail('unclosed comment')
      let close = end + 2
      let trimRight = false
      if (/^[ \t\r\n]-}}/.test(input.slice(close, close + 4))) {
        trimRight = true
        close += 1
      }
      if (!input.startsWith(trimRight ? '-}}' : '}}', close)) return fail('comment ends before closing delimiter')
      pos = close + (trimRight ? 3 : 2)
      if (trimRight) pos += (input.slice(pos).match(/^[ \t\r\n]*/)?.[0].length ?? 0)
      continue
    }
    emit('leftDelim', at, '{{')
    // Inside the action.
    let parenDepth = 0
    for (;;) {
      if (/^[ \t\r\n]-}}/.test(input.slice(pos, pos + 4))) {
        pos += 1
        emit('rightDelim', pos, '-}}')
        pos += 3
        pos += input.slice(pos).match(/^[ \t\r\n]*/)?.[0].length ?? 0
        break
      }
      if (input.startsWith('}}', pos)) {
        if (parenDepth > 0) return fail('unclosed left paren')
        emit('rightDelim', pos, '}}')
        pos += 2
        break
      }
      const c = input[pos]
      if (c === undefined) return fail('unclosed action')
      if (/[ \t\r\n]/.test(c)) {
        const start = pos
        while (pos < input.length && /[ \t\r\n]/.test(input[pos]!) && !/^[ \t\r\n]-}}/.test(input.slice(pos, pos + 4))) pos++
        if (pos === start) {
          // Only reached at ` -}}`.
          continue
        }
        emit('space', start, input.slice(start, pos))
        continue
      }
      const start = pos
      if (c === ':') {
        if (input[pos + 1] !== '=') return fail('expected :=')
        pos += 2
        emit('declare', start, ':=')
      } else if (c === '|') {
        pos++
        emit('pipe', start, '|')
      } else if (c === '"') {
        pos++
        for (;;) {
          const d = input[pos]
          if (d === undefined || d === '\n') return fail('unterminated quoted string')
          pos++
          if (d === '\\') {
            if (input[pos] === undefined || input[pos] === '\n') return fail('unterminated quoted string')
            pos++
          } else if (d === '"') break
        }
        emit('string', start, input.slice(start, pos))
      } else if (c === '`') {
        const end = input.indexOf('`', pos + 1)
        if (end < 0) return fail('unterminated raw quoted string')
        pos = end + 1
        emit('rawString', start, input.slice(start, pos))
      } else if (c === "'") {
        return fail('character constants are not supported by Podlab yet')
      } else if (c === '$') {
        pos++
        while (pos < input.length && /[\p{L}\p{Nd}_]/u.test(input[pos]!)) pos++
        emit('variable', start, input.slice(start, pos))
      } else if (c === '.') {
        if (pos + 1 < input.length && /\d/.test(input[pos + 1]!)) {
          pos = scanNumber(input, pos)
          emit('number', start, input.slice(start, pos))
        } else {
          pos++
          while (pos < input.length && /[\p{L}\p{Nd}_]/u.test(input[pos]!)) pos++
          emit(pos - start === 1 ? 'dot' : 'field', start, input.slice(start, pos))
        }
      } else if (c === '=') {
        pos++
        emit('assign', start, '=')
      } else if (c === ',') {
        pos++
        emit('comma', start, ',')
      } else if (c === '(') {
        parenDepth++
        pos++
        emit('leftParen', start, '(')
      } else if (c === ')') {
        parenDepth--
        if (parenDepth < 0) return fail(`unexpected right paren`)
        pos++
        emit('rightParen', start, ')')
      } else if (/[+\-\d]/.test(c)) {
        pos = scanNumber(input, pos)
        if (pos === start || (pos < input.length && /[\p{L}_]/u.test(input[pos]!))) {
          return fail(`bad number syntax: ${JSON.stringify(input.slice(start, pos + 1)).slice(1, -1)}`)
        }
        emit('number', start, input.slice(start, pos))
      } else if (/[\p{L}_]/u.test(c)) {
        while (pos < input.length && /[\p{L}\p{Nd}_]/u.test(input[pos]!)) pos++
        const word = input.slice(start, pos)
        // A word followed by `.x` is still a word then a field: lexIdentifier stops at '.'.
        emit(KEYWORDS.has(word) ? 'keyword' : word === 'true' || word === 'false' ? 'bool' : word === 'nil' ? 'nil' : 'identifier', start, word)
      } else {
        // lex.go: a printable ASCII character is an itemChar, which the parser calls a bad character.
        return fail(c >= ' ' && c <= '~' ? `bad character ${sharpU(c)}` : `unrecognized character in action: ${sharpU(c)}`)
      }
    }
  }
  items.push({ type: 'eof', pos, val: '', line: lineAt(input, pos) })
  return items
}

function scanNumber(input: string, pos: number): number {
  const m = /^[+-]?(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|(\d[\d_]*)?\.?\d*([eE][+-]?\d+)?)/.exec(input.slice(pos))
  return pos + (m?.[0].length ?? 0)
}

function sharpU(r: string): string {
  const cp = r.codePointAt(0)!
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')} '${r}'`
}

// ---- parser (parse.go) ----

/** Parse: the template's nodes. `functions` are the names a command may call. Throws TemplateParseError. */
export function parseTemplate(text: string, name: string, functions: ReadonlySet<string>): Node[] {
  return new Parser(lex(text), name, functions).parse()
}

/**
 * Parse of a template that defines others (template.New(name).Parse): the top-level nodes and each
 * `{{define "x"}}...{{end}}` by name (Go's parse.go parseDefinition: a new tree, its own variables). Throws
 * TemplateParseError.
 */
export function parseTemplateSet(text: string, name: string, functions: ReadonlySet<string>): { root: Node[]; defines: Map<string, Node[]> } {
  const defines = new Map<string, Node[]>()
  const root = new Parser(lex(text), name, functions, defines).parse()
  return { root, defines }
}

class Parser {
  private i = 0
  private vars: string[] = ['$']
  private rangeDepth = 0

  constructor(
    private readonly items: Item[],
    private readonly name: string,
    private readonly functions: ReadonlySet<string>,
    /** Where `define`s go; without it `define` and `template` are refused (-o go-template). */
    private readonly defines?: Map<string, Node[]>,
  ) {}

  private errorf(message: string, item: Item = this.items[Math.max(0, this.i - 1)]!): never {
    throw new TemplateParseError(`template: ${this.name}:${item.line}: ${message}`)
  }

  private next(): Item {
    const item = this.items[this.i]!
    if (item.type === 'error') this.errorf(item.val, item)
    if (this.i < this.items.length - 1) this.i++
    return item
  }

  private peek(): Item {
    return this.items[this.i]!
  }

  private nextNonSpace(): Item {
    let item = this.next()
    while (item.type === 'space') item = this.next()
    return item
  }

  private peekNonSpace(): Item {
    const save = this.i
    const item = this.nextNonSpace()
    this.i = save
    return item
  }

  parse(): Node[] {
    const { list, end } = this.itemList(true)
    if (end) this.errorf(`unexpected ${describe(end)}`, end)
    return list
  }

  /** Nodes up to {{end}} or {{else}} (returned as `end`), or to EOF at top level. */
  private itemList(top: boolean): { list: Node[]; end?: Item; elseItem?: Item } {
    const list: Node[] = []
    for (;;) {
      const item = this.peek()
      if (item.type === 'error') this.next()
      if (item.type === 'eof') {
        if (!top) this.errorf(`unexpected EOF`, item)
        return { list }
      }
      if (item.type === 'text') {
        this.next()
        list.push({ type: 'text', text: item.val })
        continue
      }
      // leftDelim
      this.next()
      const word = this.peekNonSpace()
      if (word.type === 'keyword' && (word.val === 'end' || word.val === 'else')) {
        if (top) this.errorf(`unexpected {{${word.val}}}`, word)
        this.nextNonSpace()
        if (word.val === 'end') {
          this.expectRight('end')
          return { list, end: word }
        }
        return { list, end: word, elseItem: word }
      }
      if (top && this.defines && word.type === 'keyword' && word.val === 'define') {
        this.nextNonSpace()
        this.definition()
        continue
      }
      list.push(this.action())
    }
  }

  private expectRight(context: string): void {
    const item = this.nextNonSpace()
    if (item.type !== 'rightDelim') this.errorf(`unexpected ${describe(item)} in ${context}`, item)
  }

  private action(): Node {
    const word = this.peekNonSpace()
    if (word.type === 'keyword') {
      this.nextNonSpace()
      switch (word.val) {
        case 'if':
          return this.control('if', word)
        case 'range':
          return this.control('range', word)
        case 'with':
          return this.control('with', word)
        case 'break':
        case 'continue':
          if (this.rangeDepth === 0) this.errorf(`{{${word.val}}} outside {{range}}`, word)
          this.expectRight(word.val)
          return { type: word.val, pos: word.pos }
        case 'template':
          if (this.defines) return this.templateControl(word)
          this.errorf(`{{${word.val}}} is not supported by Podlab yet`, word)
        // eslint-disable-next-line no-fallthrough
        default:
          this.errorf(`{{${word.val}}} is not supported by Podlab yet`, word)
      }
    }
    return { type: 'action', pos: word.pos, pipe: this.pipeline('command', 'rightDelim') }
  }

  /** parseDefinition: `{{define "name"}}` then the body up to its `{{end}}`, with only `$` in scope. */
  private definition(): void {
    const nameItem = this.nextNonSpace()
    const name = this.templateName(nameItem, 'define clause')
    this.expectRight('define clause')
    const [vars, depth] = [this.vars, this.rangeDepth]
    this.vars = ['$']
    this.rangeDepth = 0
    const body = this.itemList(false)
    if (body.elseItem) this.errorf(`unexpected {{else}}`, body.end)
    ;[this.vars, this.rangeDepth] = [vars, depth]
    this.defines!.set(name, body.list)
  }

  /** templateControl: `{{template "name"}}` or `{{template "name" pipeline}}`. */
  private templateControl(word: Item): Node {
    const name = this.templateName(this.nextNonSpace(), 'template clause')
    if (this.peekNonSpace().type === 'rightDelim') {
      this.nextNonSpace()
      return { type: 'template', pos: word.pos, name }
    }
    return { type: 'template', pos: word.pos, name, pipe: this.pipeline('template clause', 'rightDelim') }
  }

  private templateName(item: Item, context: string): string {
    const text = item.type === 'string' ? unquoteGo(item.val) : item.type === 'rawString' ? item.val.slice(1, -1) : undefined
    if (text === undefined) this.errorf(`unexpected ${describe(item)} in ${context}`, item)
    return text
  }

  private control(kind: 'if' | 'range' | 'with', word: Item): Node {
    const saved = this.vars.length
    const pipe = this.pipeline(kind, 'rightDelim')
    if (kind === 'range') this.rangeDepth++
    const body = this.itemList(false)
    if (kind === 'range') this.rangeDepth--
    let elseList: Node[] | undefined
    if (body.elseItem) {
      // {{else if ...}} / {{else with ...}}: a nested control ending at the same {{end}}.
      const next = this.peekNonSpace()
      if ((kind === 'if' || kind === 'with') && next.type === 'keyword' && next.val === kind) {
        this.nextNonSpace()
        elseList = [this.control(kind, next)]
      } else {
        this.expectRight('else')
        const rest = this.itemList(false)
        if (rest.elseItem) this.errorf(`expected end; found {{else}}`, rest.end)
        elseList = rest.list
      }
    }
    this.vars.length = saved
    return { type: kind, pos: word.pos, pipe, list: body.list, ...(elseList ? { elseList } : {}) } as Node
  }

  private pipeline(context: string, end: 'rightDelim' | 'rightParen'): Pipe {
    const start = this.peekNonSpace()
    const pipe: Pipe = { pos: start.pos, decl: [], isAssign: false, cmds: [] }
    // Declarations: $x := / $x = / $i, $e :=
    const save = this.i
    const v = this.nextNonSpace()
    if (v.type === 'variable') {
      const after = this.nextNonSpace()
      if (after.type === 'declare' || after.type === 'assign') {
        pipe.decl.push(v.val)
        pipe.isAssign = after.type === 'assign'
        if (after.type === 'declare') this.vars.push(v.val)
        else if (!this.vars.includes(v.val)) this.errorf(`undefined variable "${v.val}"`, v)
      } else if (after.type === 'comma' && context === 'range') {
        const second = this.nextNonSpace()
        const op = this.nextNonSpace()
        if (second.type !== 'variable' || op.type !== 'declare') this.errorf(`range can only initialize variables`, second)
        pipe.decl.push(v.val, second.val)
        this.vars.push(v.val, second.val)
      } else this.i = save
    } else this.i = save

    for (;;) {
      const item = this.peekNonSpace()
      if (item.type === end) {
        this.nextNonSpace()
        if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`, item)
        return pipe
      }
      if (item.type === 'rightDelim' || item.type === 'rightParen' || item.type === 'eof') {
        this.nextNonSpace()
        this.errorf(`unexpected ${describe(item)} in ${context === 'command' ? 'operand' : context}`, item)
      }
      pipe.cmds.push(this.command(end))
    }
  }

  private command(end: ItemType): Command {
    const cmd: Command = { pos: this.peekNonSpace().pos, args: [] }
    for (;;) {
      this.skipSpace()
      const operand = this.operand()
      if (operand) cmd.args.push(operand)
      const item = this.peek()
      if (item.type === 'space') {
        this.next()
        continue
      }
      if (item.type === end || item.type === 'rightDelim' || item.type === 'rightParen') break
      if (item.type === 'pipe') {
        this.next()
        break
      }
      if (item.type === 'error') this.next()
      this.errorf(`unexpected ${describe(item)} in operand`, item)
    }
    if (cmd.args.length === 0) this.errorf('empty command')
    return cmd
  }

  private skipSpace(): void {
    while (this.peek().type === 'space') this.next()
  }

  private operand(): Arg | undefined {
    const node = this.term()
    if (!node) return undefined
    if (this.peek().type === 'field') {
      const fields: string[] = []
      const pos = this.peek().pos
      while (this.peek().type === 'field') fields.push(this.next().val.slice(1))
      if (node.type === 'field') return { type: 'field', pos, ident: [...node.ident, ...fields] }
      if (node.type === 'variable') return { type: 'variable', pos, ident: [...node.ident, ...fields] }
      if (node.type === 'bool' || node.type === 'string' || node.type === 'number' || node.type === 'nil' || node.type === 'dot') {
        this.errorf(`unexpected . after term ${JSON.stringify(argText(node))}`)
      }
      return { type: 'chain', pos, node, field: fields }
    }
    return node
  }

  private term(): Arg | undefined {
    const item = this.peek()
    switch (item.type) {
      case 'identifier':
        this.next()
        if (!this.functions.has(item.val)) this.errorf(`function ${JSON.stringify(item.val)} not defined`, item)
        return { type: 'identifier', pos: item.pos, name: item.val }
      case 'dot':
        this.next()
        return { type: 'dot', pos: item.pos }
      case 'nil':
        this.next()
        return { type: 'nil', pos: item.pos }
      case 'variable':
        this.next()
        if (!this.vars.includes(item.val)) this.errorf(`undefined variable "${item.val}"`, item)
        return { type: 'variable', pos: item.pos, ident: [item.val] }
      case 'field':
        this.next()
        return { type: 'field', pos: item.pos, ident: [item.val.slice(1)] }
      case 'bool':
        this.next()
        return { type: 'bool', pos: item.pos, value: item.val === 'true' }
      case 'number':
        this.next()
        return numberNode(item, (m) => this.errorf(m, item))
      case 'leftParen': {
        this.next()
        const pipe = this.pipeline('parenthesized pipeline', 'rightParen')
        return { type: 'pipe', pos: item.pos, pipe }
      }
      case 'string':
      case 'rawString': {
        this.next()
        const text = item.type === 'rawString' ? item.val.slice(1, -1).replaceAll('\r', '') : unquoteGo(item.val)
        if (text === undefined) this.errorf(`invalid syntax: ${item.val}`, item)
        return { type: 'string', pos: item.pos, quoted: item.val, text }
      }
      case 'keyword':
        this.next()
        this.errorf(`unexpected <${item.val}> in command`, item)
        return undefined
      default:
        return undefined
    }
  }
}

function numberNode(item: Item, fail: (m: string) => never): Arg {
  const text = item.val.replaceAll('_', '')
  if (/^[+-]?(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|\d+)$/.test(text)) {
    const sign = text.startsWith('-') ? -1 : 1
    const body = text.replace(/^[+-]/, '')
    const n = /^0\d/.test(body) ? parseInt(body, 8) : Number(body)
    return { type: 'number', pos: item.pos, text: item.val, int: sign * n }
  }
  const f = Number(text)
  if (text === '' || Number.isNaN(f)) fail(`illegal number syntax: ${JSON.stringify(item.val)}`)
  // exec.go idealConstant: a constant written with `.` or an exponent is a float64, whatever its value.
  return { type: 'number', pos: item.pos, text: item.val, float: f }
}

/** strconv.Unquote of a double-quoted Go string. */
function unquoteGo(quoted: string): string | undefined {
  try {
    return JSON.parse(quoted.replace(/\\([abfv'])/g, (_m, c: string) => ({ a: '\\u0007', b: '\\b', f: '\\f', v: '\\u000b', "'": "'" })[c]!).replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1')) as string
  } catch {
    return undefined
  }
}

function describe(item: Item): string {
  switch (item.type) {
    case 'eof':
      return 'EOF'
    case 'rightDelim':
      return '"}}"'
    case 'rightParen':
      return '")"'
    case 'keyword':
      return `{{${item.val}}}`
    default:
      return `<${item.val}>`
  }
}
