// The shell's own syntax tree: plain JSON-able data converted from mvdan-sh's (parse/convert.ts), so the
// interpreter never touches the parser's objects. Statements are numbered: `Script.stmts[id]`, and statement
// lists `Script.lists[id]` hold statement ids, which is how the interpreter's saved frames point into a script.

export interface Script {
  stmts: Stmt[]
  /** Each list: statement ids in order. */
  lists: number[][]
  /** The list of the whole script. */
  root: number
}

export interface Stmt {
  cmd: Cmd
  negated: boolean
  background: boolean
  redirs: Redir[]
  /** 1-based source line, for dash's and bash's `sh: 3: foo: not found`. */
  line: number
}

export type Cmd =
  | { t: 'call'; assigns: Assign[]; args: Word[] }
  | { t: 'and' | 'or'; x: number; y: number }
  /** Stages in order; `a | b | c` is flattened. */
  | { t: 'pipe'; stages: number[] }
  | { t: 'if'; cond: number; then: number; else?: number }
  | { t: 'while'; until: boolean; cond: number; body: number }
  | { t: 'for'; name: string; items?: Word[]; body: number }
  | { t: 'case'; word: Word; items: CaseItem[] }
  | { t: 'block' | 'subshell'; body: number }
  | { t: 'func'; name: string; body: number }
  | { t: 'arith'; expr: Arith; text: string }
  /** Something the parser accepts that this shell does not run (bash's `[[`, coprocesses, C-style for). */
  | { t: 'unsupported'; what: string }

export interface CaseItem {
  patterns: Word[]
  body: number
  /** `;;` ends the case, `;&` falls through into the next body, `;;&` tests the next patterns. */
  after: 'break' | 'fall' | 'next'
}

export interface Assign {
  name: string
  append: boolean
  value?: Word
}

export interface Word {
  parts: Part[]
  /** `a=$x` given to export/local/readonly/declare: its value is not field-split (bash, dash 0.5.11+, busybox). */
  assign?: true
}

export type Part =
  | { t: 'lit'; v: string }
  | { t: 'sq'; v: string }
  | { t: 'dq'; parts: Part[] }
  | ParamPart
  | { t: 'cmd'; body: number }
  /** `text`: the expression as written, for error messages. */
  | { t: 'arith'; expr: Arith; text: string }

export interface ParamPart {
  t: 'param'
  name: string
  /** `${#x}` */
  length: boolean
  /** `${x:-w}`: the operator text (`:-`, `-`, `:=`, `=`, `:+`, `+`, `:?`, `?`, `%`, `%%`, `#`, `##`) and its word. */
  op?: string
  word?: Word
  /** `${x/a/b}`, `${x//a/b}` (bash, busybox). */
  repl?: { all: boolean; orig: Word; with?: Word }
  /** `${x:1:2}` (bash, busybox). */
  slice?: { offset: Arith; length?: Arith }
}

export type Arith =
  | { t: 'word'; word: Word }
  /** `ytext`: the right operand as written (bash names it as the error token). */
  | { t: 'bin'; op: string; x: Arith; y: Arith; ytext: string }
  | { t: 'un'; op: string; post: boolean; x: Arith }
  | { t: 'paren'; x: Arith }

export interface Redir {
  /** `>`, `>>`, `<`, `>&`, `<&`, `<<`, `<<-`, `<<<`, `&>`, `&>>`, `>|`, `<>` */
  op: string
  fd?: number
  word: Word
  /** A heredoc's body; `quoted` when its delimiter was quoted (no expansion). */
  heredoc?: Word
  quoted?: boolean
}
