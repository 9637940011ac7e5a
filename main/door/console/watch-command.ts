// `watch [-n SECONDS] [-t] COMMAND...` (procps-ng watch), the tutorials' `watch kubectl get pods`: the screen
// cleared and the command's output shown again every interval — of the cluster's clock, which is what moves
// the pods (a paused clock changes nothing, so nothing is re-run). Its header names the interval and the
// command on the left and the host and the cluster's time on the right, as procps-ng prints it.

import type { Engine } from '../../engine'
import type { Follow } from '../../kubectl/io'

const CLEAR = '\x1b[H\x1b[2J'
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** ctime(3)'s `Tue Dec  1 08:00:00 2026`, in UTC, for a virtual time in ms. */
export function ctime(ms: number): string {
  const d = new Date(ms)
  const two = (n: number) => String(n).padStart(2, '0')
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${time} ${d.getUTCFullYear()}`
}

/** procps-ng's title line: `Every 2.0s: CMD` and, right-aligned, `podlab: DATE`; the command is cut to fit. */
export function watchTitle(intervalS: number, command: string, nowMs: number, columns: number): string {
  const right = `podlab: ${ctime(nowMs)}`
  let left = `Every ${intervalS.toFixed(1)}s: ${command}`
  const room = columns - right.length - 1
  if (left.length > room) left = room > 4 ? `${left.slice(0, room - 3)}...` : ''
  return `${left}${' '.repeat(Math.max(1, columns - left.length - right.length))}${right}`
}

/** Parses watch's arguments and returns the follow that runs `run(command)` every interval, or watch's error. */
export function startWatchCommand(
  args: string[],
  engine: Engine,
  columns: number,
  run: (line: string) => Promise<string>,
): { follow: Follow } | { error: string; code: number } {
  let intervalS = 2
  let title = true
  let i = 0
  for (; i < args.length; i++) {
    const a = args[i]!
    if (a === '-t' || a === '--no-title') title = false
    else if (a === '-n' || a === '--interval' || a.startsWith('--interval=') || /^-n.+/.test(a)) {
      const text = a === '-n' || a === '--interval' ? args[++i] : a.replace(/^(-n|--interval=)/, '')
      const n = Number(text)
      if (text === undefined || text === '' || !Number.isFinite(n)) return { error: `watch: failed to parse argument: '${text ?? ''}'\n`, code: 1 }
      // procps-ng: intervals under 0.1 s are raised to it.
      intervalS = Math.max(n, 0.1)
    } else if (a.startsWith('-')) return { error: `watch: invalid option -- '${a.slice(1, 2)}'\n`, code: 1 }
    else break
  }
  const command = args.slice(i).join(' ')
  if (command === '') return { error: 'Usage:\n watch [options] command\n', code: 1 }
  const follow: Follow = {
    start(write) {
      let stopped = false
      let running = false
      let lastRunMs = -Infinity
      const refresh = () => {
        const now = engine.clock().nowMs
        if (stopped || running || now - lastRunMs < intervalS * 1000) return
        running = true
        lastRunMs = now
        void run(command).then((text) => {
          running = false
          if (stopped) return
          const head = title ? `${watchTitle(intervalS, command, now, columns)}\n\n` : ''
          write('stdout', `${CLEAR}${head}${text}`)
        })
      }
      const unsubscribe = engine.onClock(refresh)
      refresh()
      return () => {
        stopped = true
        unsubscribe()
      }
    },
  }
  return { follow }
}
