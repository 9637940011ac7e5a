// kill [-l] [-s SIG | -SIG] PID...: busybox's applet and procps-ng's /bin/kill (Debian with procps). The
// signal goes through kill(2), so the kernel's PID 1 rule applies (`kill 1` reports success and may do
// nothing). Errors: busybox `kill: can't kill pid 99: No such process`, procps `kill: (99): No such process`.

import type { Program } from '../../process/program'
import { parseSignal, SIGNALS, type Signal } from '../../process/signals'
import { busyboxUsage } from '../busybox/usage'
import { complain, errnoText, type Flavour, type Invocation, oneShot, say } from '../kit'

function signalList(flavour: Flavour): string {
  const names = (Object.keys(SIGNALS) as Signal[]).map((s) => ({ n: SIGNALS[s], name: s.slice(3) }))
  if (flavour === 'gnu') return names.map((s) => s.name).join(' ')
  return names.map((s) => `${String(s.n).padStart(2)}) ${s.name}`).join('\n')
}

export function killProgram(flavour: Flavour): Program<Invocation> {
  return oneShot((inv, sys) => {
    const args = inv.argv.slice(1)
    let sig: Signal = 'SIGTERM'
    if (args[0] === '-l' || args[0] === '-L' || args[0] === '--list') {
      if (args[1] !== undefined) {
        const named = parseSignal(args[1])
        if (!named) {
          complain(sys, flavour === 'busybox' ? `kill: bad signal name '${args[1]}'` : `kill: unknown signal: ${args[1]}`)
          return 1
        }
        say(sys, /^\d+$/.test(args[1]) ? named.slice(3) : String(SIGNALS[named]))
        return 0
      }
      say(sys, signalList(flavour))
      return 0
    }
    if (args[0] === '-s' || args[0] === '-n' || args[0] === '--signal') {
      args.shift()
      const named = parseSignal(args.shift() ?? '')
      if (!named) return badSignal()
      sig = named
    } else if (args[0]?.startsWith('-') && args[0] !== '--' && args.length >= 2) {
      const named = parseSignal(args[0].slice(1))
      if (!named) return badSignal()
      sig = named
      args.shift()
    }
    if (args[0] === '--') args.shift()
    if (args.length === 0) {
      if (flavour === 'busybox') return busyboxUsage(sys, 'kill')
      complain(sys, 'kill: not enough arguments')
      return 1
    }
    let status = 0
    for (const arg of args) {
      if (!/^-?\d+$/.test(arg)) {
        complain(sys, flavour === 'busybox' ? `kill: invalid number '${arg}'` : `kill: cannot find process "${arg}"`)
        status = 1
        continue
      }
      const answer = sys.kill(Number(arg), sig)
      if (answer !== 'ok') {
        complain(sys, flavour === 'busybox' ? `kill: can't kill pid ${arg}: ${errnoText(answer)}` : `kill: (${arg}): ${errnoText(answer)}`)
        status = 1
      }
    }
    return status

    function badSignal(): number {
      complain(sys, flavour === 'busybox' ? `kill: bad signal name '${inv.argv[1]!.replace(/^-/, '')}'` : `kill: unknown signal: ${inv.argv[1]}`)
      return 1
    }
  })
}
