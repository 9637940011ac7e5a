// Small programs for the runtime's tests (the real ones live in programs/ and shell/): each does one thing a
// test needs of a process, with JSON state, on the virtual clock.

import type { ImageConfig } from '../../images/image-config'
import type { Program, WaitStatus } from '../../process/program'
import { parseSignal, type Signal } from '../../process/signals'
import { standInProgramFor } from './stand-in-programs'
import type { ProgramTable } from '../kernel-host'

type P = Program<any> // eslint-disable-line @typescript-eslint/no-explicit-any

/** `say WORDS...`: prints them on stdout, exits 0. */
const say: P = {
  start: (ctx) => ({ text: ctx.argv.slice(1).join(' ') }),
  run: (s, sys) => {
    sys.write(1, `${s.text}\n`)
    return { exit: 0 }
  },
  handles: () => false,
  signal: (s) => ({ state: s, block: {} }),
}

/** `fail CODE [MESSAGE] [FILE]`: prints MESSAGE on stderr, writes it to FILE too, exits CODE. */
const fail: P = {
  start: (ctx) => ({ code: Number(ctx.argv[1] ?? 1), message: ctx.argv[2] ?? 'boom', file: ctx.argv[3] }),
  run: (s, sys) => {
    sys.write(2, `${s.message}\n`)
    if (s.file) sys.fs.writeFile(s.file, s.message)
    return { exit: s.code }
  },
  handles: () => false,
  signal: (s) => ({ state: s, block: {} }),
}

/** `serve PORT`: listens; `/` answers 200 `ok`, anything else 404; SIGTERM ends it with 0, SIGQUIT after 1 s. */
const serve: P = {
  start: (ctx, sys) => {
    const port = Number(ctx.argv[1] ?? 80)
    sys.listen(port)
    sys.write(1, `listening on ${port}\n`)
    return { port }
  },
  run: (s, sys) => (s.quitAt !== undefined && sys.now() >= s.quitAt ? { exit: 0 } : { state: s, block: s.quitAt !== undefined ? { wakeAt: s.quitAt } : {} }),
  handles: (_s, sig: Signal) => sig === 'SIGTERM' || sig === 'SIGQUIT',
  signal: (s, sig, sys) => (sig === 'SIGTERM' ? { exit: 0 } : { state: { ...s, quitAt: sys.now() + 1000 }, block: { wakeAt: sys.now() + 1000 } }),
  serveHttp: (s, request, sys) => {
    const status = request.path === '/' ? 200 : 404
    sys.write(1, `GET ${request.path} ${status}\n`)
    return { state: s, response: { status, headers: {}, body: status === 200 ? 'ok' : 'not found' } }
  },
}

/** `hog BYTES`: uses that much memory, then sleeps for ever. */
const hog: P = {
  start: (ctx) => ({ bytes: Number(ctx.argv[1] ?? 0), grown: false }),
  run: (s, sys) => {
    sys.setRss(s.bytes)
    return { state: { ...s, grown: true }, block: {} }
  },
  handles: () => false,
  signal: (s) => ({ state: s, block: {} }),
}

/** `spawn ARGV...`: runs ARGV as a child, waits for it, exits with its status (as `sh -c` does for one command). */
const spawn: P = {
  start: (ctx) => ({ argv: ctx.argv.slice(1), env: ctx.env, cwd: ctx.cwd }),
  run: (s, sys) => {
    if (s.child === undefined) {
      const r = sys.spawn({ argv: s.argv, env: s.env, cwd: s.cwd, fds: [{ kind: 'null' }, { kind: 'log', stream: 'stdout' }, { kind: 'log', stream: 'stderr' }] })
      if ('error' in r) {
        sys.write(2, `spawn: ${s.argv[0]}: ${r.error}\n`)
        return { exit: 127 }
      }
      return { state: { ...s, child: r.pid }, block: { children: true } }
    }
    const status: WaitStatus | undefined = sys.wait(s.child)
    if (!status) return { state: s, block: { children: true } }
    return 'exited' in status ? { exit: status.exited } : { exit: 128 + 9 }
  },
  handles: () => false,
  signal: (s) => ({ state: s, block: {} }),
}

/** `kill SIGNAL PID`: kill(2) from inside the container; prints the result. */
const kill: P = {
  start: (ctx) => ({ sig: parseSignal(ctx.argv[1] ?? 'TERM') ?? 'SIGTERM', pid: Number(ctx.argv[2] ?? 1) }),
  run: (s, sys) => {
    sys.write(1, `${sys.kill(s.pid, s.sig)}\n`)
    return { exit: 0 }
  },
  handles: () => false,
  signal: (s) => ({ state: s, block: {} }),
}

/** `write FILE TEXT`: writes the file; prints the errno if it fails (exit 1). */
const write: P = {
  start: (ctx) => ({ file: ctx.argv[1] ?? '', text: ctx.argv[2] ?? '' }),
  run: (s, sys) => {
    const err = sys.fs.writeFile(s.file, s.text)
    if (err) sys.write(2, `${err}\n`)
    return { exit: err ? 1 : 0 }
  },
  handles: () => false,
  signal: (s) => ({ state: s, block: {} }),
}

/** `cat FILE` prints the file (or its errno, exit 1); `cat` alone copies stdin to stdout until end of input. */
const cat: P = {
  start: (ctx) => ({ file: ctx.argv[1] }),
  run: (s, sys) => {
    if (s.file !== undefined) {
      const text = sys.fs.readFile(s.file)
      if (text === 'ENOENT' || text === 'EISDIR') {
        sys.write(2, `${text}\n`)
        return { exit: 1 }
      }
      sys.write(1, text)
      return { exit: 0 }
    }
    const got = sys.read(0)
    if (got === 'eof') return { exit: 0 }
    if (got !== 'wait') sys.write(1, got)
    return { state: s, block: { input: true } }
  },
  handles: () => false,
  signal: (s) => ({ state: s, block: {} }),
}

/** `get HOST PORT PATH`: an HTTP request from inside the pod; prints the status or the error. */
const get: P = {
  start: (ctx) => ({ host: ctx.argv[1] ?? 'localhost', port: Number(ctx.argv[2] ?? 80), path: ctx.argv[3] ?? '/' }),
  run: (s, sys) => {
    const r = sys.http({ method: 'GET', host: s.host, port: s.port, path: s.path, headers: {} })
    sys.write(1, 'error' in r ? `${r.error}\n` : `${r.status} ${r.body}\n`)
    return { exit: 'error' in r ? 1 : 0 }
  },
  handles: () => false,
  signal: (s) => ({ state: s, block: {} }),
}

/** `ps`: one line per process: `PID PPID STATE COMMAND`. */
const ps: P = {
  start: () => ({}),
  run: (_s, sys) => {
    for (const p of sys.processes()) sys.write(1, `${p.pid} ${p.ppid} ${p.state} ${p.command}\n`)
    return { exit: 0 }
  },
  handles: () => false,
  signal: (s) => ({ state: s, block: {} }),
}

/** Steps every `spin` has taken (a program that never blocks), for the kernel's busy-loop test. */
export const spinSteps = { count: 0 }

/** `spin`: never blocks and never ends (a busy loop in one process). */
const spin: P = {
  start: () => ({}),
  run: (s, sys) => {
    spinSteps.count++
    return { state: s, block: { wakeAt: sys.now() } }
  },
  handles: () => false,
  signal: (s) => ({ state: s, block: {} }),
}

const TABLE: Record<string, P> = {
  'test:spin': spin,
  'test:say': say,
  'test:fail': fail,
  'test:serve': serve,
  'test:hog': hog,
  'test:spawn': spawn,
  'test:kill': kill,
  'test:write': write,
  'test:cat': cat,
  'test:get': get,
  'test:ps': ps,
}

/** The test programs, then the stand-in table (busybox:sleep and the idle programs). */
export const testPrograms: ProgramTable = (id) => TABLE[id] ?? standInProgramFor(id)

/** An image with the test programs in /bin, busybox's sleep and a `sh` that idles as PID 1. */
export function testImage(overrides: Partial<ImageConfig> = {}): ImageConfig {
  const binaries: Record<string, string> = { '/bin/sleep': 'busybox:sleep', '/bin/sh': 'sh:busybox', '/usr/sbin/idle': 'idle' }
  for (const id of Object.keys(TABLE)) binaries[`/bin/${id.slice(5)}`] = id
  return {
    entrypoint: [],
    cmd: ['sleep', '3600'],
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
    workingDir: '',
    user: '',
    exposedPorts: [],
    stopSignal: 'SIGTERM',
    binaries,
    files: { '/etc/os-release': 'NAME="Test"\n' },
    ...overrides,
  }
}
