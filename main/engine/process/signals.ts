// Linux signals as a container's processes see them: names, numbers (x86-64), and what happens to a process
// that has no handler for one (signal(7)'s default actions). The PID 1 rule of a PID namespace sits in the
// kernel (containerd/), not here: init ignores every signal it has no handler for, unless it comes from outside
// its namespace and is SIGKILL or SIGSTOP (pid_namespaces(7)).

export const SIGNALS = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGKILL: 9,
  SIGUSR1: 10,
  SIGUSR2: 12,
  SIGPIPE: 13,
  SIGALRM: 14,
  SIGTERM: 15,
  SIGCHLD: 17,
  SIGCONT: 18,
  SIGSTOP: 19,
  SIGWINCH: 28,
} as const

export type Signal = keyof typeof SIGNALS

/** signal(7): Term (the process ends), Core (ends, core dump; the same to a container), Ign, Stop, Cont. */
export type DefaultAction = 'terminate' | 'ignore' | 'stop' | 'continue'

export function defaultAction(sig: Signal): DefaultAction {
  switch (sig) {
    case 'SIGCHLD':
    case 'SIGWINCH':
      return 'ignore'
    case 'SIGSTOP':
      return 'stop'
    case 'SIGCONT':
      return 'continue'
    default:
      return 'terminate'
  }
}

/** The signal named by a number (15), a name (TERM, SIGTERM, any case) as kill(1) takes it; undefined if none. */
export function parseSignal(given: string): Signal | undefined {
  if (/^\d+$/.test(given)) {
    const n = Number(given)
    return (Object.keys(SIGNALS) as Signal[]).find((s) => SIGNALS[s] === n)
  }
  const upper = given.toUpperCase()
  const name = (upper.startsWith('SIG') ? upper : `SIG${upper}`) as Signal
  return name in SIGNALS ? name : undefined
}

/** A shell's `$?` (and a container's exit code) for a process a signal ended: 128 + the signal's number. */
export function exitCodeOfSignal(sig: Signal): number {
  return 128 + SIGNALS[sig]
}
