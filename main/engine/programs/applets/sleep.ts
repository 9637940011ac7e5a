// sleep: busybox reads its durations with ./busybox/numbers.ts (the rules the kubelet used before processes
// existed); GNU sleep takes floating-point numbers with an optional s/m/h/d suffix, and "inf"/"infinity".
// It handles no signal: TERM ends it (unless it is PID 1, which the kernel decides).

import type { Program } from '../../process/program'
import { busyboxSleep } from '../busybox/numbers'
import { busyboxUsage } from '../busybox/usage'
import { complain, type Flavour, invocation } from '../kit'

interface SleepState {
  /** Virtual ms it wakes at, or null for never. */
  until: number | null
}

const GNU_SUFFIX: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }

/** GNU sleep's seconds, 'forever', or the argument it refuses. */
function gnuSleep(args: string[]): number | 'forever' | { bad: string } | 'missing' {
  const operands = args[0] === '--' ? args.slice(1) : args
  if (operands.length === 0) return 'missing'
  let total = 0
  for (const arg of operands) {
    const m = /^\s*\+?((?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|inf|infinity)([smhd]?)$/i.exec(arg)
    if (!m) return { bad: arg }
    total += Number(/^inf/i.test(m[1]!) ? Infinity : m[1]) * GNU_SUFFIX[m[2]!]!
  }
  return Number.isFinite(total) ? total : 'forever'
}

export function sleepProgram(flavour: Flavour): Program<SleepState | { exit: number }> {
  return {
    start: (ctx, sys) => {
      const args = invocation(ctx).argv.slice(1)
      let seconds: number | 'forever'
      if (flavour === 'busybox') {
        const slept = busyboxSleep(args)
        if (slept === 'invalid') {
          const bad = args.find((a) => a !== '--' && busyboxSleep([a]) === 'invalid')
          if (bad === undefined) return { exit: busyboxUsage(sys, 'sleep') }
          complain(sys, `sleep: invalid number '${bad}'`)
          return { exit: 1 }
        }
        seconds = slept
      } else {
        const slept = gnuSleep(args)
        if (slept === 'missing' || typeof slept === 'object') {
          complain(sys, slept === 'missing' ? 'sleep: missing operand' : `sleep: invalid time interval '${slept.bad}'`)
          complain(sys, "Try 'sleep --help' for more information.")
          return { exit: 1 }
        }
        seconds = slept
      }
      // Whole milliseconds, rounded up: the process is never seen gone before its time.
      return { until: seconds === 'forever' || seconds * 1000 >= Number.MAX_SAFE_INTEGER ? null : sys.now() + Math.ceil(seconds * 1000) }
    },
    run: (state, sys) => {
      if ('exit' in state) return { exit: state.exit }
      if (state.until === null) return { state, block: {} }
      return sys.now() >= state.until ? { exit: 0 } : { state, block: { wakeAt: state.until } }
    },
    handles: () => false,
    signal: () => ({ exit: 0 }),
  }
}
