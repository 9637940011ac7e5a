// The frames of a script's structure: a command list runs its statements in order (stopping under `set -e`),
// and a statement frame moves through its phases: redirections first, then what its command is (a simple
// command, `&&`/`||`, a pipeline, if, while/until, for, case, `{ }`, `( )`, a function definition, `(( ))`).

import type { Block } from '../process/program'
import type { Stmt } from './ast'
import { background } from './jobs'
import type { Machine } from './machine'
import { matchWhole } from './pattern'
import { applyRedirs } from './redirect'
import { scopeOf } from './scope'
import { call, type ExecStep } from './simple-command'
import type { Frame } from './state'

/** The next statement of a list, or the list's end; `set -e` ends the shell after a failed one. */
export function stepList(m: Machine, f: Extract<Frame, { k: 'list' }>): undefined {
  const s = m.s
  const ids = m.script(f.src).lists[f.list]!
  if (f.i > 0 && s.status !== 0 && s.opts.e && !errexitSuppressed(m)) {
    s.unwind = { kind: 'exit', status: s.status }
    return undefined
  }
  if (f.i >= ids.length) {
    s.stack.pop()
    return undefined
  }
  const id = ids[f.i++]!
  m.push({ k: 'stmt', src: f.src, id, phase: 0 })
  return undefined
}

/** `set -e` does not apply inside if/while tests, the left of `&&`/`||`, or a negated pipeline. */
function errexitSuppressed(m: Machine): boolean {
  return m.s.stack.some((f) => (f.k === 'list' && f.cond) || f.k === 'negate')
}

/** One phase of a statement. `top`: the shell is the process itself (it may exec its last command). */
export function stepStmt(m: Machine, f: Extract<Frame, { k: 'stmt' }>, top: boolean): Block | ExecStep | undefined {
  const s = m.s
  const stmt = m.script(f.src).stmts[f.id]!
  const cmd = stmt.cmd
  if (f.phase === 0) {
    s.line = stmt.line
    s.stack.pop()
    if (stmt.background && !f.fg) {
      background(m, f.src, f.id)
      return undefined
    }
    if (stmt.negated) m.push({ k: 'negate' })
    if (stmt.redirs.length > 0 && cmd.t !== 'call') {
      const got = applyRedirs(s, m.sys, m.expander(f.src), stmt.redirs)
      if ('error' in got) {
        m.err(got.error)
        s.status = 1
        return undefined
      }
      m.push({ k: 'restore', fds: got.saved, inbuf: got.inbuf })
    }
    m.push({ ...f, phase: 1 })
    return undefined
  }
  const list = (id: number, cond = false): void => m.push({ k: 'list', src: f.src, list: id, i: 0, ...(cond ? { cond: true as const } : {}) })
  const done = (): undefined => {
    s.stack.pop()
    return undefined
  }
  switch (cmd.t) {
    case 'call':
      s.stack.pop()
      return call(m, f.src, stmt, top && (f.fg === true || !stmt.background))
    case 'and':
    case 'or':
      if (f.phase === 1) {
        f.phase = 2
        list(cmd.x, true)
      } else if (f.phase === 2 && (s.status === 0) === (cmd.t === 'and')) {
        f.phase = 3
        list(cmd.y)
      } else return done()
      return undefined
    case 'pipe':
      s.stack.pop()
      m.push({ k: 'pipe', src: f.src, id: f.id, i: 0 })
      return undefined
    case 'if':
      if (f.phase === 1) {
        f.phase = 2
        list(cmd.cond, true)
      } else if (f.phase === 2) {
        f.phase = 3
        if (s.status === 0) list(cmd.then)
        else if (cmd.else !== undefined) list(cmd.else)
        else s.status = 0
      } else return done()
      return undefined
    case 'while':
      if (f.phase === 1) {
        f.phase = 2
        list(cmd.cond, true)
      } else if (f.phase === 2) {
        if ((s.status === 0) !== cmd.until) {
          f.phase = 3
          list(cmd.body)
        } else {
          s.status = f.idx ?? 0
          return done()
        }
      } else {
        f.idx = s.status
        f.phase = 1
      }
      return undefined
    case 'for':
      if (f.phase === 1) {
        const items = m.expandOr(() => (cmd.items ? m.expander(f.src).fields(cmd.items) : [...s.args]))
        if (!items) return done()
        f.items = items
        f.idx = 0
        f.phase = 2
        s.status = 0
      }
      if ((f.idx ?? 0) >= (f.items?.length ?? 0)) return done()
      m.setVar(cmd.name, f.items![f.idx!]!)
      f.idx = f.idx! + 1
      list(cmd.body)
      return undefined
    case 'case':
      return stepCase(m, f, cmd)
    case 'block':
      if (f.phase === 1) {
        f.phase = 2
        list(cmd.body)
        return undefined
      }
      return done()
    case 'subshell':
      s.stack.pop()
      m.push({ k: 'subshell', saved: scopeOf(s) })
      list(cmd.body)
      return undefined
    case 'func':
      s.funcs[cmd.name] = { src: f.src, list: cmd.body }
      s.status = 0
      return done()
    case 'arith': {
      const value = m.expandOr(() => m.expander(f.src).arith(cmd.expr, cmd.text))
      if (value !== undefined) s.status = value === 0 ? 1 : 0
      return done()
    }
    case 'unsupported':
      m.err(`${m.prefix()}${cmd.what}: not supported by Podlab's shell\n`)
      s.status = 2
      return done()
  }
}

/** `case WORD in ...`: the first item whose pattern matches runs; `;&` falls through, `;;&` tests on. */
function stepCase(m: Machine, f: Extract<Frame, { k: 'stmt' }>, cmd: Extract<Stmt['cmd'], { t: 'case' }>): undefined {
  const s = m.s
  const ex = m.expander(f.src)
  if (f.phase === 2) {
    const item = cmd.items[f.idx!]!
    if (item.after === 'fall' && f.idx! + 1 < cmd.items.length) {
      f.idx = f.idx! + 1
      m.push({ k: 'list', src: f.src, list: cmd.items[f.idx]!.body, i: 0 })
      return undefined
    }
    if (item.after !== 'next') {
      s.stack.pop()
      return undefined
    }
    f.body = f.idx! + 1
  }
  const word = f.items?.[0] ?? m.expandOr(() => ex.string(cmd.word))
  if (word === undefined) {
    s.stack.pop()
    return undefined
  }
  f.items = [word]
  for (let i = f.body ?? 0; i < cmd.items.length; i++) {
    const item = cmd.items[i]!
    if (item.patterns.some((p) => matchWhole(ex.pattern(p), word))) {
      f.idx = i
      f.phase = 2
      m.push({ k: 'list', src: f.src, list: item.body, i: 0 })
      return undefined
    }
  }
  if (f.phase === 1) s.status = 0
  s.stack.pop()
  return undefined
}
