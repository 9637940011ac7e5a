// The builtins: run inside the shell, with its descriptors. A builtin returns its status, 'pushed' when it
// put frames on the stack (eval, ., wait, read), or an exec step (exec CMD).

import { resolvePath } from '../../process/memory-fs'
import type { Block } from '../../process/program'
import { echo, printf } from './echo-printf'
import { catches, kill, trap } from './signals'
import { evalTest, TestError } from './test'
import { cdError } from '../flavour'
import type { Machine } from '../machine'
import { parseScript, ParseFailure } from '../parse'
import type { Flavour } from '../state'

export type BuiltinResult = number | 'pushed' | Block | { exec: { argv: string[]; env: Record<string, string>; cwd: string } }
type Builtin = (m: Machine, argv: string[]) => BuiltinResult

const COMMON: Record<string, Builtin> = {
  ':': () => 0,
  true: () => 0,
  false: () => 1,
  echo: (m, argv) => {
    m.out(echo(m.s.flavour, argv.slice(1)))
    return 0
  },
  printf: (m, argv) => {
    if (argv.length < 2) {
      m.err(`${m.s.flavour === 'bash' ? m.prefix() : `${m.s.arg0}: `}printf: usage: printf format [arguments]\n`)
      return m.s.flavour === 'bash' ? 2 : 1
    }
    const got = printf(argv[1]!, argv.slice(2))
    m.out(got.text)
    if (got.error) m.err(`${m.prefix()}${got.error}\n`)
    return got.error ? 1 : 0
  },
  test: (m, argv) => runTest(m, argv.slice(1), argv[0]!),
  '[': (m, argv) => {
    if (argv[argv.length - 1] !== ']') {
      m.err(`${m.prefix()}[: missing ]\n`)
      return 2
    }
    return runTest(m, argv.slice(1, -1), '[')
  },
  cd: (m, argv) => {
    const s = m.s
    const arg = argv[1] === '-' ? (s.vars.OLDPWD ?? s.cwd) : (argv[1] ?? s.vars.HOME ?? '/')
    const path = resolvePath(s.cwd, arg)
    const st = m.sys.fs.stat(path)
    if (typeof st === 'string' || st.kind !== 'dir') {
      m.err(cdError(s, arg, typeof st === 'string' ? 'No such file or directory' : 'Not a directory'))
      return s.flavour === 'dash' ? 2 : 1
    }
    s.vars.OLDPWD = s.cwd
    s.cwd = path
    s.vars.PWD = path
    if (argv[1] === '-') m.out(`${path}\n`)
    return 0
  },
  pwd: (m) => {
    m.out(`${m.s.cwd}\n`)
    return 0
  },
  export: (m, argv) => declare(m, argv, (name) => void (m.s.exported.includes(name) || m.s.exported.push(name))),
  readonly: (m, argv) => declare(m, argv, () => undefined),
  unset: (m, argv) => {
    const fns = argv[1] === '-f'
    for (const name of argv.slice(1).filter((a) => !a.startsWith('-'))) {
      if (fns) delete m.s.funcs[name]
      else {
        delete m.s.vars[name]
        m.s.exported = m.s.exported.filter((n) => n !== name)
      }
    }
    return 0
  },
  set: (m, argv) => {
    const s = m.s
    const args = argv.slice(1)
    if (args.length === 0) {
      for (const name of Object.keys(s.vars).sort()) m.out(`${name}='${s.vars[name]!.replace(/'/g, "'\\''")}'\n`)
      return 0
    }
    let i = 0
    for (; i < args.length; i++) {
      const a = args[i]!
      if (a === '--') {
        i++
        s.args = args.slice(i)
        return 0
      }
      if (!/^[-+][a-zA-Z]+$/.test(a) && a !== '-o' && a !== '+o') break
      const on = a.startsWith('-')
      if (a.slice(1) === 'o') {
        const opt = args[++i]
        if (opt === 'errexit') s.opts.e = on
        if (opt === 'xtrace') s.opts.x = on
        if (opt === 'nounset') s.opts.u = on
        continue
      }
      for (const c of a.slice(1)) {
        if (c === 'e') s.opts.e = on
        else if (c === 'x') s.opts.x = on
        else if (c === 'u') s.opts.u = on
      }
    }
    if (i < args.length) s.args = args.slice(i)
    return 0
  },
  shift: (m, argv) => {
    const n = argv[1] === undefined ? 1 : Number(argv[1])
    if (!Number.isInteger(n) || n < 0 || n > m.s.args.length) {
      m.err(m.s.flavour === 'bash' ? '' : `${m.prefix()}shift: can't shift that many\n`)
      return m.s.flavour === 'dash' ? 2 : 1
    }
    m.s.args = m.s.args.slice(n)
    return 0
  },
  exit: (m, argv) => {
    const n = argv[1] === undefined ? m.s.status : Number(argv[1])
    if (!Number.isInteger(n)) {
      m.err(m.s.flavour === 'bash' ? `${m.prefix()}exit: ${argv[1]}: numeric argument required\n` : `${m.prefix()}exit: Illegal number: ${argv[1]}\n`)
      m.s.unwind = { kind: 'exit', status: 2 }
      return 2
    }
    m.s.unwind = { kind: 'exit', status: ((n % 256) + 256) % 256 }
    if (m.s.interactive && m.s.flavour === 'bash') m.err('exit\n')
    return m.s.unwind.status
  },
  return: (m, argv) => {
    const status = argv[1] === undefined ? m.s.status : ((Number(argv[1]) % 256) + 256) % 256
    m.s.unwind = { kind: 'return', status }
    return status
  },
  break: (m, argv) => loopControl(m, 'break', argv),
  continue: (m, argv) => loopControl(m, 'continue', argv),
  read: (m, argv) => {
    const raw = argv.includes('-r')
    const p = argv.indexOf('-p')
    if (p > 0 && m.s.flavour !== 'dash') m.err(argv[p + 1] ?? '')
    const names = argv.slice(1).filter((a, i) => !a.startsWith("-") && !(p > 0 && i + 1 === p + 1))
    m.push({ k: 'read', names, raw })
    return 'pushed'
  },
  wait: (m, argv) => {
    m.reapJobs()
    const pids = argv.length > 1 ? argv.slice(1).map(Number) : [...m.s.jobs]
    const stranger = pids.find((p) => !m.s.jobs.includes(p) && !(String(p) in m.s.jobDone))
    if (stranger !== undefined && m.s.flavour === 'bash') m.err(`${m.prefix()}wait: pid ${stranger} is not a child of this shell\n`)
    m.push({ k: 'wait', pids })
    return 'pushed'
  },
  eval: (m, argv) => runText(m, argv.slice(1).join(' ')),
  '.': (m, argv) => {
    const file = argv[1]
    if (!file) return 0
    const data = m.sys.fs.readFile(resolvePath(m.s.cwd, file))
    if (/^E[A-Z]+$/.test(data) && m.sys.fs.stat(resolvePath(m.s.cwd, file)) === data) {
      m.err(m.s.flavour === 'bash' ? `${m.prefix()}${file}: No such file or directory\n` : `${m.prefix()}.: cannot open ${file}: No such file\n`)
      return m.s.flavour === 'bash' ? 1 : 2
    }
    return runText(m, data)
  },
  exec: (m, argv) => {
    if (argv.length < 2) return 0
    const inPlace = m.execInPlace(argv.slice(1))
    if (inPlace) return inPlace
    const got = m.sys.spawn({ argv: argv.slice(1), env: m.environ(), cwd: m.s.cwd, fds: [m.fd(0), m.fd(1), m.fd(2)] })
    if ('error' in got) {
      m.s.unwind = { kind: 'exit', status: m.spawnFailed(argv[1]!, got.error) }
      return m.s.unwind.status
    }
    // Redirected descriptors cannot pass to an exec'd program in this model (the kernel keeps the process's
    // own), so it runs as a child with them and the shell ends with its status, keeping no traps.
    m.s.stack = [{ k: 'child', pid: got.pid, name: argv[1]! }]
    m.s.traps = {}
    m.s.exitTrapRan = true
    return 'pushed'
  },
  command: (m, argv) => {
    if (argv[1] === '-v' || argv[1] === '-V') return describe(m, argv.slice(2), argv[1] === '-V')
    return 0
  },
  type: (m, argv) => describe(m, argv.slice(1), true),
  kill,
  trap,
  umask: (m) => {
    m.out('0022\n')
    return 0
  },
}

const LOCAL: Builtin = (m, argv) => {
  const frame = [...m.s.stack].reverse().find((f) => f.k === 'func')
  if (!frame || frame.k !== 'func') {
    m.err(`${m.prefix()}local: can only be used in a function\n`)
    return 1
  }
  for (const a of argv.slice(1)) {
    const name = a.split('=')[0]!
    if (!(name in frame.locals)) frame.locals[name] = m.s.vars[name] ?? null
    if (a.includes('=')) m.s.vars[name] = a.slice(name.length + 1)
  }
  return 0
}

const BY_FLAVOUR: Record<Flavour, Record<string, Builtin>> = {
  dash: { ...COMMON, local: LOCAL },
  busybox: { ...COMMON, local: LOCAL, source: COMMON['.']! },
  bash: { ...COMMON, local: LOCAL, source: COMMON['.']!, declare: (m, argv) => declare(m, argv, () => undefined) },
}

export function isBuiltin(flavour: Flavour, name: string): boolean {
  return name in BY_FLAVOUR[flavour]
}

export function runBuiltin(m: Machine, argv: string[]): BuiltinResult {
  return BY_FLAVOUR[m.s.flavour][argv[0]!]!(m, argv)
}

function runTest(m: Machine, args: string[], name: string): number {
  try {
    return evalTest(args, { fs: m.sys.fs, cwd: m.s.cwd })
  } catch (e) {
    if (!(e instanceof TestError)) throw e
    m.err(`${m.prefix()}${name}: ${e.message}\n`)
    return 2
  }
}

/** export/readonly NAME[=VALUE]...; `mark` records the name (exported). */
function declare(m: Machine, argv: string[], mark: (name: string) => void): number {
  const args = argv.slice(1).filter((a) => !/^-[a-z]+$/.test(a))
  if (args.length === 0) {
    for (const name of [...m.s.exported].sort()) if (m.s.vars[name] !== undefined) m.out(`export ${name}='${m.s.vars[name]}'\n`)
    return 0
  }
  for (const a of args) {
    const eq = a.indexOf('=')
    const name = eq < 0 ? a : a.slice(0, eq)
    if (!/^[A-Za-z_]\w*$/.test(name)) {
      m.err(`${m.prefix()}${argv[0]}: ${m.s.flavour === 'bash' ? `\`${a}': not a valid identifier` : `${name}: bad variable name`}\n`)
      return m.s.flavour === 'dash' ? 2 : 1
    }
    if (eq >= 0) m.s.vars[name] = a.slice(eq + 1)
    mark(name)
  }
  return 0
}

function loopControl(m: Machine, kind: 'break' | 'continue', argv: string[]): number {
  const n = argv[1] === undefined ? 1 : Number(argv[1])
  let loops = 0
  for (const f of [...m.s.stack].reverse()) {
    if (f.k === 'func' || f.k === 'subshell') break
    if (f.k === 'stmt') {
      const t = m.script(f.src).stmts[f.id]!.cmd.t
      if (t === 'while' || t === 'for') loops++
    }
  }
  if (loops === 0) return 0
  m.s.unwind = { kind, n: Math.min(Math.max(1, n), loops) }
  return 0
}

/** Runs text as commands here (eval, .): a syntax error prints and gives 2. */
function runText(m: Machine, text: string): BuiltinResult {
  const parsed = parseScript(text, m.s.lang)
  if (parsed instanceof ParseFailure) {
    m.err(`${m.prefix()}Syntax error: ${parsed.message.replace(/^\d+:\d+: /, '')}\n`)
    return 2
  }
  const src = m.addSrc(text)
  m.s.status = 0
  m.push({ k: 'dot' })
  m.push({ k: 'list', src, list: parsed.root, i: 0 })
  return 'pushed'
}

/** type / command -v: what a name is. */
function describe(m: Machine, names: string[], verbose: boolean): number {
  let status = 0
  for (const name of names) {
    if (m.s.funcs[name]) m.out(verbose ? `${name} is a ${m.s.flavour === 'bash' ? 'function' : 'shell function'}\n` : `${name}\n`)
    else if (isBuiltin(m.s.flavour, name)) m.out(verbose ? `${name} is a shell builtin\n` : `${name}\n`)
    else {
      const dirs = (m.s.vars.PATH ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin').split(':')
      const path = name.includes('/') ? name : dirs.map((d) => `${d}/${name}`).find((p) => {
        const st = m.sys.fs.stat(p)
        return typeof st !== 'string' && st.kind === 'file' && (st.mode & 0o111) !== 0
      })
      if (path) m.out(verbose ? `${name} is ${path}\n` : `${path}\n`)
      else {
        if (verbose) m.err(m.s.flavour === 'bash' ? `${m.prefix()}type: ${name}: not found\n` : `${name}: not found\n`)
        status = 1
      }
    }
  }
  return status
}

export { catches }
