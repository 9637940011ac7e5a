// A simple command (`a=b cmd args >file`): its words expanded, its assignments and redirections applied, and
// then, by name, a function of the shell, one of its builtins, or an external program it spawns and waits for
// (or becomes, when nothing follows in a `-c` shell). Why a command could not run is printed as each shell does.

import { ERRNO_TEXT, isErrno } from '../process/errno'
import type { Block, FdTarget } from '../process/program'
import type { Stmt } from './ast'
import { isBuiltin, runBuiltin } from './builtins'
import { notFound, permissionDenied } from './flavour'
import type { Machine } from './machine'
import { parseScript, ParseFailure } from './parse'
import { applyRedirs } from './redirect'
import { sameFds, scopeOf } from './scope'
import type { SavedInput } from './state'

/** The shell replaces itself with a program (same pid), as exec(2) does. */
export type ExecStep = { exec: { argv: string[]; env: Record<string, string>; cwd: string } }

/**
 * Runs the simple command `stmt` of script `src`. `top`: the shell is the process itself and the command is in
 * the foreground, so it may exec the command when nothing follows. Undefined to go on, a Block to wait.
 */
export function call(m: Machine, src: number, stmt: Stmt, top: boolean): Block | ExecStep | undefined {
  const s = m.s
  const cmd = stmt.cmd as Extract<Stmt['cmd'], { t: 'call' }>
  const ex = m.expander(src)
  m.substStatus = undefined
  const argv = m.expandOr(() => ex.fields(cmd.args))
  if (!argv) return undefined
  const assigns: Record<string, string> = {}
  for (const a of cmd.assigns) {
    const value = m.expandOr(() => (a.value ? ex.string(a.value) : ''))
    if (value === undefined) return undefined
    assigns[a.name] = a.append ? (s.vars[a.name] ?? '') + value : value
  }
  let saved: Record<string, FdTarget | null> = {}
  let inbuf: SavedInput = {}
  if (stmt.redirs.length > 0) {
    const got = applyRedirs(s, m.sys, ex, stmt.redirs)
    if ('error' in got) {
      m.err(got.error)
      s.status = 1
      return undefined
    }
    saved = got.saved
    inbuf = got.inbuf
  }
  if (s.opts.x && argv.length + cmd.assigns.length > 0) {
    m.err(`+ ${[...Object.entries(assigns).map(([k, v]) => `${k}=${v}`), ...argv].join(' ')}\n`)
  }
  if (argv.length === 0 || (argv[0] === 'exec' && argv.length === 1)) {
    Object.assign(s.vars, assigns)
    s.status = m.substStatus ?? 0
    return undefined
  }
  if (stmt.redirs.length > 0) m.push({ k: 'restore', fds: saved, inbuf })
  const name = argv[0]!
  const fn = s.funcs[name]
  if (fn) {
    Object.assign(s.vars, assigns)
    m.push({ k: 'func', args: s.args, locals: {} })
    s.args = argv.slice(1)
    m.push({ k: 'list', src: fn.src, list: fn.list, i: 0 })
    return undefined
  }
  if (isBuiltin(s.flavour, name)) {
    Object.assign(s.vars, assigns)
    const status = runBuiltin(m, argv)
    if (typeof status === 'number') s.status = status
    else if (status !== 'pushed') return status
    return undefined
  }
  return external(m, argv, assigns, top)
}

/** Spawns an external command and waits for it (or, as the last thing a `-c` shell does, becomes it). */
export function external(m: Machine, argv: string[], assigns: Record<string, string>, top: boolean): ExecStep | undefined {
  const s = m.s
  const env = m.environ(assigns)
  if (top && nothingAfter(m)) {
    const exec = execTarget(m, argv[0]!, env)
    if (exec) return { exec: { argv, env, cwd: s.cwd } }
  }
  const got = m.sys.spawn({ argv, env, cwd: s.cwd, fds: [m.fd(0), m.fd(1), m.fd(2)] })
  if ('error' in got) {
    if (got.error === 'ENOEXEC' && runAsScript(m, argv)) return undefined
    s.status = spawnFailed(m, argv[0]!, got.error)
    return undefined
  }
  m.push({ k: 'child', pid: got.pid, name: argv[0]! })
  return undefined
}

/**
 * An executable text file the kernel cannot exec (no `#!` line): the shell runs it itself, in a subshell with
 * its arguments, as execvp's callers in every shell do. False when it is not text the shell can parse.
 */
function runAsScript(m: Machine, argv: string[]): boolean {
  const s = m.s
  const path = execTarget(m, argv[0]!, m.environ())
  const text = path === undefined ? undefined : m.sys.fs.readFile(path)
  if (text === undefined || isErrno(text)) return false
  const parsed = parseScript(text, s.lang)
  if (parsed instanceof ParseFailure) return false
  m.push({ k: 'subshell', saved: scopeOf(s) })
  s.args = argv.slice(1)
  s.arg0 = argv[0]!
  m.push({ k: 'list', src: m.addSrc(text), list: parsed.root, i: 0 })
  return true
}

/** Prints why a command could not run; its status (127 not found, 126 not executable). */
export function spawnFailed(m: Machine, name: string, errno: string): number {
  if (errno === 'ENOENT') {
    m.err(notFound(m.s, name, name.includes('/')))
    return 127
  }
  if (errno === 'EACCES') m.err(permissionDenied(m.s, name))
  else m.err(`${m.prefix()}${name}: ${isErrno(errno) ? ERRNO_TEXT[errno] : errno}\n`)
  return 126
}

/** `exec CMD`: the shell becomes CMD (same pid) when its descriptors are still the ones it started with. */
export function execInPlace(m: Machine, argv: string[]): ExecStep | undefined {
  const env = m.environ()
  if (!sameFds(m.s.fds, m.s.origFds) || !execTarget(m, argv[0]!, env)) return undefined
  return { exec: { argv, env, cwd: m.s.cwd } }
}

/** Whether the shell has nothing left to do after the current command (so it may exec it, as sh -c does). */
function nothingAfter(m: Machine): boolean {
  const s = m.s
  if (s.interactive || Object.keys(s.traps).length > 0 || !sameFds(s.fds, s.origFds)) return false
  return s.stack.every((f) => f.k === 'list' && f.i >= m.script(f.src).lists[f.list]!.length && !f.cond)
}

/** The program file argv[0] would run (PATH lookup against the filesystem), for exec. */
export function execTarget(m: Machine, name: string, env: Record<string, string>): string | undefined {
  const dirs = name.includes('/') ? [''] : (env.PATH ?? m.s.vars.PATH ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin').split(':')
  for (const dir of dirs) {
    const path = name.includes('/') ? (name.startsWith('/') ? name : `${m.s.cwd}/${name}`) : `${dir || '.'}/${name}`
    const st = m.sys.fs.stat(path)
    if (typeof st !== 'string' && st.kind === 'file' && (st.mode & 0o111) !== 0) return path
  }
  return undefined
}
