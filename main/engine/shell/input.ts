// What the shell reads: lines from a descriptor (buffered per descriptor in the state, so a read that must
// wait for input resumes where it stopped), `read`'s splitting into variables, and the interactive loop that
// prompts, gathers lines until a command parses, and runs it.

import { isErrno } from '../process/errno'
import type { Block } from '../process/program'
import { prompt } from './flavour'
import type { Machine } from './machine'
import { parseScript, ParseFailure } from './parse'
import type { Frame, ShellState } from './state'

/** A line from descriptor `fd` (with its newline, if it had one), 'eof', or 'wait' until input comes. */
export function readLine(m: Machine, fd: number): string | 'eof' | 'wait' {
  const key = String(fd)
  for (;;) {
    const b = (m.s.inbuf[key] ??= { rest: '', eof: false })
    const nl = b.rest.indexOf('\n')
    if (nl >= 0) {
      const line = b.rest.slice(0, nl + 1)
      b.rest = b.rest.slice(nl + 1)
      return line
    }
    if (b.eof) {
      const last = b.rest
      b.rest = ''
      return last === '' ? 'eof' : last
    }
    const target = m.s.fds[key]
    if (!target) b.eof = true
    else if (target.kind === 'file') {
      const data = m.sys.fs.readFile(target.path)
      if (!isErrno(data)) b.rest += data
      b.eof = true
    } else {
      const got = m.sys.read(target)
      if (got === 'wait') return 'wait'
      if (got === 'eof') b.eof = true
      else b.rest += got
    }
  }
}

/** `read [-r] [NAME...]`: one line of standard input split on IFS into the names (REPLY when none). */
export function stepRead(m: Machine, f: Extract<Frame, { k: 'read' }>): Block | undefined {
  const s = m.s
  const line = readLine(m, 0)
  if (line === 'wait') return { input: true }
  s.stack.pop()
  if (line === 'eof') {
    for (const name of f.names) m.setVar(name, '')
    s.status = 1
    return undefined
  }
  let text = line.endsWith('\n') ? line.slice(0, -1) : line
  if (!f.raw) text = text.replace(/\\(.)/g, '$1')
  const ifs = s.vars.IFS ?? ' \t\n'
  const names = f.names.length > 0 ? f.names : ['REPLY']
  if (f.names.length === 0) {
    m.setVar('REPLY', text)
  } else {
    const ws = `[${ifs.replace(/[\\\]^-]/g, '\\$&')}]`
    let rest = text.replace(new RegExp(`^${ws}+`), '')
    names.forEach((name, i) => {
      if (i === names.length - 1) {
        m.setVar(name, rest.replace(new RegExp(`${ws}+$`), ''))
        return
      }
      const match = new RegExp(`${ws}+`).exec(rest)
      m.setVar(name, match ? rest.slice(0, match.index) : rest)
      rest = match ? rest.slice(match.index + match[0].length) : ''
    })
  }
  s.status = line.endsWith('\n') ? 0 : 1
  return undefined
}

/** The interactive (or stdin-fed) shell: prompt, read lines until they parse, run them, again until EOF. */
export function stepRepl(m: Machine, f: Extract<Frame, { k: 'repl' }>): Block | undefined {
  const s = m.s
  if (!f.prompted) {
    if (s.interactive) m.err(f.text === '' ? prompt(s) : (s.vars.PS2 ?? '> '))
    f.prompted = true
  }
  const line = readLine(m, 0)
  if (line === 'wait') return { input: true }
  f.prompted = false
  if (line === 'eof') {
    if (s.interactive && s.flavour === 'bash') m.err('exit\n')
    s.stack.pop()
    return undefined
  }
  f.text += line
  const parsed = parseScript(f.text, s.lang)
  s.line = f.line
  if (parsed instanceof ParseFailure) {
    if (parsed.incomplete) return undefined
    m.err(syntaxError(s, parsed))
    s.status = 2
    f.line += f.text.split('\n').length - 1
    f.text = ''
    return undefined
  }
  const src = m.addSrc(f.text)
  f.line += f.text.split('\n').length - 1
  f.text = ''
  m.push({ k: 'list', src, list: parsed.root, i: 0 })
  return undefined
}

/** A syntax error as each shell prints it (status 2). */
export function syntaxError(s: ShellState, e: ParseFailure): string {
  const what = e.message.replace(/^\d+:\d+: /, '')
  switch (s.flavour) {
    case 'busybox':
      return `${s.arg0}: syntax error: ${what}\n`
    case 'dash':
      return `${s.arg0}: ${e.line}: Syntax error: ${what}\n`
    case 'bash':
      return `${s.arg0}: -c: line ${e.line}: syntax error: ${what}\n`
  }
}
