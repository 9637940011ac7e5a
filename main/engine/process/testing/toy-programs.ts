// Minimal stand-ins for a few external commands (sleep, echo, cat, true, false, touch, rm, date), so tests of
// the shell and of the kernel need not wait for the real applets in programs/. Test-only; not faithful beyond
// what those tests use (busybox's error words where they print any).

import type { Program, Sys } from '../program'
import type { FsState } from '../memory-fs'

/** A program that does all its work in its first step and exits with what `work` returns. */
function once(work: (argv: string[], sys: Sys, cwd: string) => number): Program<{ argv: string[]; cwd: string }> {
  return {
    start: (ctx) => ({ argv: ctx.argv, cwd: ctx.cwd }),
    run: (state, sys) => ({ exit: work(state.argv, sys, state.cwd) }),
    handles: () => false,
    signal: (state) => ({ state, block: {} }),
  }
}

const abs = (cwd: string, p: string): string => (p.startsWith('/') ? p : `${cwd === '/' ? '' : cwd}/${p}`)

/** `sleep N` (seconds, fractions allowed): waits on the virtual clock. */
export const TOY_SLEEP: Program<{ until: number }> = {
  start: (ctx, sys) => ({ until: sys.now() + Math.round(Number(ctx.argv[1] ?? 0) * 1000) }),
  run: (state, sys) => (sys.now() >= state.until ? { exit: 0 } : { state, block: { wakeAt: state.until } }),
  handles: () => false,
  signal: (state) => ({ state, block: { wakeAt: state.until } }),
}

/** `cat [FILE...]`: files, or stdin until end of file. */
export const TOY_CAT: Program<{ argv: string[]; cwd: string; done: boolean }> = {
  start: (ctx) => ({ argv: ctx.argv, cwd: ctx.cwd, done: false }),
  run(state, sys) {
    if (state.argv.length > 1) {
      let code = 0
      for (const f of state.argv.slice(1)) {
        const data = sys.fs.readFile(abs(state.cwd, f))
        if (typeof data === 'string' && !/^E[A-Z]+$/.test(data)) sys.write(1, data)
        else {
          sys.write(2, `cat: can't open '${f}': No such file or directory\n`)
          code = 1
        }
      }
      return { exit: code }
    }
    for (;;) {
      const got = sys.read(0)
      if (got === 'eof') return { exit: 0 }
      if (got === 'wait') return { state, block: { input: true } }
      sys.write(1, got)
    }
  },
  handles: () => false,
  signal: (state) => ({ state, block: { input: true } }),
}

export const TOY_ECHO = once((argv, sys) => {
  sys.write(1, `${argv.slice(1).join(' ')}\n`)
  return 0
})

export const TOY_TRUE = once(() => 0)
export const TOY_FALSE = once(() => 1)

export const TOY_TOUCH = once((argv, sys, cwd) => {
  for (const f of argv.slice(1)) {
    const path = abs(cwd, f)
    if (typeof sys.fs.stat(path) === 'string') sys.fs.writeFile(path, '')
    else sys.fs.utimes(path, sys.now())
  }
  return 0
})

export const TOY_RM = once((argv, sys, cwd) => {
  const force = argv.includes('-f')
  let code = 0
  for (const f of argv.slice(1).filter((a) => !a.startsWith('-'))) {
    const bad = sys.fs.unlink(abs(cwd, f))
    if (bad && !(force && bad === 'ENOENT')) {
      sys.write(2, `rm: can't remove '${f}': No such file or directory\n`)
      code = 1
    }
  }
  return code
})

/** `date`: the virtual instant, busybox's default format. */
export const TOY_DATE = once((_argv, sys) => {
  const d = new Date(sys.now())
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
  const two = (n: number): string => String(n).padStart(2, '0')
  sys.write(1, `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}\n`)
  return 0
})

/** The toys by program id (`toy:sleep`, ...). */
export const TOY_PROGRAMS: Record<string, Program<any>> = {
  'toy:sleep': TOY_SLEEP,
  'toy:cat': TOY_CAT,
  'toy:echo': TOY_ECHO,
  'toy:true': TOY_TRUE,
  'toy:false': TOY_FALSE,
  'toy:touch': TOY_TOUCH,
  'toy:rm': TOY_RM,
  'toy:date': TOY_DATE,
}

/** `/bin/<name>` for each toy. */
export const TOY_BINARIES: Record<string, string> = Object.fromEntries(Object.keys(TOY_PROGRAMS).map((id) => [`/bin/${id.slice(4)}`, id]))

/** A file that is not executable, and one that is but is no known program, for 126 tests. */
export const TOY_FILES: FsState = {
  '/data': { kind: 'dir', mode: 0o755, mtimeMs: 0, uid: 0, gid: 0 },
  '/data/plain.txt': { kind: 'file', data: 'hello\n', mode: 0o644, mtimeMs: 0, uid: 0, gid: 0 },
}
