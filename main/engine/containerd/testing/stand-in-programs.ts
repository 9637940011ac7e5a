// A small programs table for the runtime's own tests (the real one is programs/index.ts) so that the
// runtime's rules are tested apart from them: `sleep` sleeps as busybox's does for plain
// seconds and `infinity`, and every other program idles until it is stopped (SIGTERM, SIGINT or SIGQUIT end it
// with 0; a shell, `sh:*`, ignores them as PID 1). Test support: the runtime runs programs/index.ts `executableFor`.

import type { Program } from '../../process/program'
import type { Signal } from '../../process/signals'
import type { ProgramTable } from '../kernel-host'

interface SleepState {
  /** Virtual ms it wakes at; absent: forever. */
  until?: number
  invalid?: true
}

const sleep: Program<SleepState> = {
  start(ctx, sys) {
    const args = ctx.argv.slice(1)
    if (args.length === 0) return { invalid: true }
    if (args[0]!.toLowerCase().startsWith('inf')) return {}
    let seconds = 0
    for (const a of args) {
      const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(a)
      if (!m) return { invalid: true }
      seconds += Number(m[1]) * ({ '': 1, s: 1, m: 60, h: 3600, d: 86400 } as Record<string, number>)[m[2]!]!
    }
    return { until: sys.now() + Math.ceil(seconds * 1000) }
  },
  run(state, sys) {
    if (state.invalid) {
      sys.write(2, 'sleep: invalid number\n')
      return { exit: 1 }
    }
    if (state.until === undefined) return { state, block: {} }
    return sys.now() >= state.until ? { exit: 0 } : { state, block: { wakeAt: state.until } }
  },
  handles: () => false,
  signal: (state) => ({ state, block: {} }),
}

const STOPPING: readonly Signal[] = ['SIGTERM', 'SIGINT', 'SIGQUIT']

function idle(shell: boolean): Program<Record<string, never>> {
  return {
    start: () => ({}),
    run: (state) => ({ state, block: {} }),
    handles: (_state, sig) => !shell && STOPPING.includes(sig),
    signal: () => ({ exit: 0 }),
  }
}

const SLEEP = sleep as Program
const IDLE = idle(false) as Program
const SHELL = idle(true) as Program

/** The stand-in table: every id has a program. */
export const standInProgramFor: ProgramTable = (id) => {
  if (id === 'sleep' || id.endsWith(':sleep')) return SLEEP
  if (id.startsWith('sh:')) return SHELL
  return IDLE
}
