// mvdan-sh's tree -> the shell's own (ast.ts). Node kinds the interpreter does not run become `unsupported`
// commands, which fail when they run, as an old shell fails on syntax it lacks.

import type { Arith, Cmd, Part, Redir, Script, Stmt, Word } from '../ast'
import type { GoNode, Mvdan } from './mvdan'

const CASE_AFTER: Record<string, 'break' | 'fall' | 'next'> = { ';;': 'break', ';&': 'fall', ';;&': 'next' }

export function convertFile(file: GoNode, m: Mvdan, src: string): Script {
  const script: Script = { stmts: [], lists: [], root: 0 }
  const type = (n: GoNode): string => m.nodeType(n)
  const textOf = (n: GoNode): string => (n ? src.slice(Number(n.Pos().Offset()), Number(n.End().Offset())) : '')
  /** The source between an opening token (`$((`: 3 characters) and a closing one, spaces kept as dash quotes them. */
  const between = (left: GoNode, width: number, right: GoNode): string => src.slice(Number(left.Offset()) + width, Number(right.Offset()))
  const arr = (xs: GoNode): GoNode[] => (xs ? Array.from(xs as ArrayLike<GoNode>) : [])

  const list = (stmts: GoNode): number => {
    const id = script.lists.length
    script.lists.push([])
    script.lists[id] = arr(stmts).map(stmt)
    return id
  }
  // The list's slot is taken before its statements are converted: they add lists of their own.
  const single = (s: GoNode): number => {
    const id = script.lists.length
    script.lists.push([])
    script.lists[id] = [stmt(s)]
    return id
  }

  function stmt(s: GoNode): number {
    const id = script.stmts.length
    const placeholder: Stmt = { cmd: { t: 'unsupported', what: '' }, negated: Boolean(s.Negated), background: Boolean(s.Background), redirs: [], line: Number(s.Pos().Line()) }
    script.stmts.push(placeholder)
    placeholder.redirs = arr(s.Redirs).map(redir)
    placeholder.cmd = s.Cmd ? cmd(s.Cmd) : { t: 'call', assigns: [], args: [] }
    return id
  }

  function cmd(c: GoNode): Cmd {
    switch (type(c)) {
      case 'CallExpr':
        return { t: 'call', assigns: arr(c.Assigns).map((a) => ({ name: String(a.Name.Value), append: Boolean(a.Append), ...(a.Value ? { value: word(a.Value) } : {}) })), args: markAssignments(arr(c.Args).map(word)) }
      case 'BinaryCmd': {
        const op = m.ops.binCmd.get(c.Op)
        if (op === '&&' || op === '||') return { t: op === '&&' ? 'and' : 'or', x: single(c.X), y: single(c.Y) }
        if (op === '|&') return { t: 'unsupported', what: '|&' }
        const stages: number[] = []
        const flatten = (s: GoNode): void => {
          if (type(s.Cmd) === 'BinaryCmd' && m.ops.binCmd.get(s.Cmd.Op) === '|' && !s.Negated && arr(s.Redirs).length === 0) {
            flatten(s.Cmd.X)
            flatten(s.Cmd.Y)
          } else stages.push(single(s))
        }
        flatten(c.X)
        flatten(c.Y)
        return { t: 'pipe', stages }
      }
      case 'IfClause': {
        const node: Cmd = { t: 'if', cond: list(c.Cond), then: list(c.Then) }
        const e = c.Else
        if (e) node.else = arr(e.Cond).length === 0 ? list(e.Then) : elseIf(e)
        return node
      }
      case 'WhileClause':
        return { t: 'while', until: Boolean(c.Until), cond: list(c.Cond), body: list(c.Do) }
      case 'ForClause': {
        if (type(c.Loop) !== 'WordIter') return { t: 'unsupported', what: 'for ((' }
        const items = arr(c.Loop.Items)
        const hasIn = Boolean(c.Loop.InPos?.IsValid?.()) || items.length > 0
        return { t: 'for', name: String(c.Loop.Name.Value), ...(hasIn ? { items: items.map(word) } : {}), body: list(c.Do) }
      }
      case 'CaseClause':
        return { t: 'case', word: word(c.Word), items: arr(c.Items).map((it) => ({ patterns: arr(it.Patterns).map(word), body: list(it.Stmts), after: CASE_AFTER[m.ops.caseItem.get(it.Op) ?? ';;'] ?? 'break' })) }
      case 'Block':
        return { t: 'block', body: list(c.Stmts) }
      case 'Subshell':
        return { t: 'subshell', body: list(c.Stmts) }
      case 'FuncDecl':
        return { t: 'func', name: String(c.Name.Value), body: single(c.Body) }
      case 'ArithmCmd':
        return { t: 'arith', expr: arith(c.X), text: between(c.Left, 2, c.Right) }
      case 'DeclClause':
        return declAsCall(c)
      default:
        return { t: 'unsupported', what: type(c) }
    }
  }

  /** `elif` as an `else` list holding one `if`. */
  function elseIf(e: GoNode): number {
    const id = script.lists.length
    script.lists.push([])
    const sid = script.stmts.length
    script.stmts.push({ cmd: { t: 'unsupported', what: '' }, negated: false, background: false, redirs: [], line: 1 })
    script.stmts[sid]!.cmd = cmd(e)
    script.lists[id] = [sid]
    return id
  }

  /** bash's `export a=$x`, `local b`: a call whose assignment words are not field-split (see expand.ts). */
  function declAsCall(c: GoNode): Cmd {
    const args: Word[] = [{ parts: [{ t: 'lit', v: String(c.Variant.Value) }] }]
    for (const a of arr(c.Args)) {
      if (a.Naked) args.push(a.Value ? word(a.Value) : { parts: [{ t: 'lit', v: String(a.Name.Value) }] })
      else args.push({ parts: [{ t: 'lit', v: `${a.Name.Value}${a.Append ? '+=' : '='}` }, ...(a.Value ? word(a.Value).parts : [])] })
    }
    return { t: 'call', assigns: [], args: markAssignments(args) }
  }

  function word(w: GoNode): Word {
    return { parts: arr(w.Parts).map(part) }
  }

  function part(p: GoNode): Part {
    switch (type(p)) {
      case 'Lit':
        return { t: 'lit', v: String(p.Value) }
      case 'SglQuoted':
        return { t: 'sq', v: p.Dollar ? dollarSingle(String(p.Value)) : String(p.Value) }
      case 'DblQuoted':
        return { t: 'dq', parts: arr(p.Parts).map(part) }
      case 'CmdSubst':
        return { t: 'cmd', body: list(p.Stmts) }
      case 'ArithmExp':
        return { t: 'arith', expr: arith(p.X), text: between(p.Left, 3, p.Right) }
      case 'ParamExp': {
        const out: Part = { t: 'param', name: String(p.Param.Value), length: Boolean(p.Length) }
        if (p.Exp) {
          out.op = m.ops.param.get(p.Exp.Op) ?? '?'
          if (p.Exp.Word) out.word = word(p.Exp.Word)
        }
        if (p.Repl) out.repl = { all: Boolean(p.Repl.All), orig: word(p.Repl.Orig), ...(p.Repl.With ? { with: word(p.Repl.With) } : {}) }
        if (p.Slice) out.slice = { offset: arith(p.Slice.Offset), ...(p.Slice.Length ? { length: arith(p.Slice.Length) } : {}) }
        return out
      }
      default:
        return { t: 'lit', v: '' }
    }
  }

  function arith(a: GoNode): Arith {
    switch (type(a)) {
      case 'BinaryArithm':
        return { t: 'bin', op: m.ops.arith.get(a.Op) ?? '?', x: arith(a.X), y: arith(a.Y), ytext: textOf(a.Y) }
      case 'UnaryArithm':
        return { t: 'un', op: m.ops.arith.get(a.Op) ?? '?', post: Boolean(a.Post), x: arith(a.X) }
      case 'ParenArithm':
        return { t: 'paren', x: arith(a.X) }
      default:
        return { t: 'word', word: word(a) }
    }
  }

  function redir(r: GoNode): Redir {
    const op = m.ops.redir.get(r.Op) ?? '>'
    const out: Redir = { op, word: word(r.Word) }
    if (r.N) out.fd = Number(r.N.Value)
    if (r.Hdoc) {
      out.heredoc = word(r.Hdoc)
      out.quoted = arr(r.Word.Parts).some((p) => type(p) !== 'Lit') || /['"\\]/.test(arr(r.Word.Parts).map((p) => String(p.Value ?? '')).join(''))
      if (op === '<<-') out.heredoc = stripTabs(out.heredoc)
    } else if (op === '<<' || op === '<<-') out.heredoc = { parts: [] }
    return out
  }

  script.root = list(file.Stmts)
  return script
}

/** `<<-`: leading tabs go from every line of the body. */
function stripTabs(w: Word): Word {
  let atLineStart = true
  const parts = w.parts.map((p): Part => {
    if (p.t !== 'lit') {
      atLineStart = false
      return p
    }
    let v = p.v.replace(/\n\t+/g, '\n')
    if (atLineStart) v = v.replace(/^\t+/, '')
    atLineStart = v.endsWith('\n')
    return { t: 'lit', v }
  })
  return { parts }
}

/** bash's `$'...'` escapes. */
function dollarSingle(v: string): string {
  const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"' }
  return v.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/g, (all, c: string) => {
    if (c.startsWith('x') && c.length > 1) return String.fromCharCode(parseInt(c.slice(1), 16))
    if (/^[0-7]+$/.test(c)) return String.fromCharCode(parseInt(c, 8))
    return map[c] ?? all
  })
}

const DECLARATIONS = ['export', 'local', 'readonly', 'declare', 'typeset']

/** Marks the `name=value` arguments of a declaration builtin, whose values are not field-split. */
function markAssignments(words: Word[]): Word[] {
  const first = words[0]?.parts[0]
  if (words[0]?.parts.length !== 1 || first?.t !== 'lit' || !DECLARATIONS.includes(first.v)) return words
  return words.map((w, i) => (i > 0 && w.parts[0]?.t === 'lit' && /^[A-Za-z_]\w*\+?=/.test(w.parts[0].v) ? { ...w, assign: true } : w))
}
