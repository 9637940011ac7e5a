// Children and jobs: `cmd &` forks a child shell for the statement, `wait` waits for background jobs, a
// foreground child is waited for before the next command, and ended jobs are reaped as the shell's SIGCHLD
// handler would (their status kept for `wait`).

import type { Block } from '../process/program'
import { SIGNALS } from '../process/signals'
import type { Machine } from './machine'
import { scopeOf } from './scope'
import type { Frame } from './state'

/** The environment variable a forked child shell finds its statement and its parent's scope in (JSON). */
export const FORK_ENV = '__PODLAB_SH_FORK__'

/** Background jobs that ended are reaped; `wait` reads their status (128 + signal number for a killed one). */
export function reapJobs(m: Machine): void {
  for (const pid of [...m.s.jobs]) {
    const status = m.sys.wait(pid)
    if (!status) continue
    m.s.jobs = m.s.jobs.filter((p) => p !== pid)
    m.s.jobDone[String(pid)] = 'exited' in status ? status.exited : 128 + SIGNALS[status.signaled]
  }
}

/** `cmd &`: a child shell runs the statement (what fork does), sharing variables and functions as of now. */
export function background(m: Machine, src: number, id: number): void {
  const s = m.s
  const payload = { ...scopeOf(s), srcs: s.srcs, src, id, lastBg: s.lastBg, line: s.line, pid: s.pid }
  const got = m.sys.spawn({ argv: s.argv, env: { ...m.environ(), [FORK_ENV]: JSON.stringify(payload) }, cwd: s.cwd, fds: [s.interactive ? m.fd(0) : { kind: 'null' }, m.fd(1), m.fd(2)] })
  if ('error' in got) {
    s.status = m.spawnFailed(s.argv[0] ?? 'sh', got.error)
    return
  }
  s.lastBg = got.pid
  s.jobs.push(got.pid)
  s.status = 0
}

/** A foreground child: wait until it ends, then its status is `$?`. */
export function stepChild(m: Machine, f: Extract<Frame, { k: 'child' }>): Block | undefined {
  const status = m.sys.wait(f.pid)
  if (!status) return { children: true }
  m.s.status = 'exited' in status ? status.exited : 128 + SIGNALS[status.signaled]
  m.s.stack.pop()
  return undefined
}

/** `wait [PID...]`: until the jobs named have ended; the status of the last one (127 for an unknown one). */
export function stepWait(m: Machine, f: Extract<Frame, { k: 'wait' }>): Block | undefined {
  const s = m.s
  reapJobs(m)
  const waiting = f.pids.filter((p) => s.jobs.includes(p))
  if (waiting.length > 0) return { children: true }
  const last = f.pids[f.pids.length - 1]
  s.status = last === undefined ? 0 : (s.jobDone[String(last)] ?? 127)
  for (const p of f.pids) delete s.jobDone[String(p)]
  s.stack.pop()
  return undefined
}
