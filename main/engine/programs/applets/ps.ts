// ps: busybox's applet (its default `-o pid,user,time,args`: "PID   USER     TIME  COMMAND") and procps-ng's
// (`ps`: PID TTY TIME CMD; `ps -ef`; `ps aux`). Every process of the container shows: none has a terminal.
// CPU time is not simulated yet (0:00); VSZ shows the resident size.

import type { ProcessInfo, Program, Sys } from '../../process/program'
import { type Flavour, type Invocation, oneShot, say } from '../kit'
import { strftime } from '../strftime'

function comm(p: ProcessInfo): string {
  const first = p.command.split(' ')[0] ?? ''
  return first.slice(first.lastIndexOf('/') + 1).slice(0, 15)
}

function busyboxPs(sys: Sys): string[] {
  const lines = ['PID   USER     TIME  COMMAND']
  for (const p of sys.processes()) lines.push(`${String(p.pid).padStart(5)} ${p.user.slice(0, 8).padEnd(8)}  0:00 ${p.command}`)
  return lines
}

function procpsPs(sys: Sys, args: string[]): string[] {
  const procs = sys.processes()
  const joined = args.join(' ')
  if (/(^|\s)-?[a-z]*e[a-z]*f|(^|\s)-[a-z]*f[a-z]*e/.test(joined)) {
    const lines = ['UID          PID    PPID  C STIME TTY          TIME CMD']
    for (const p of procs) {
      lines.push(`${p.user.padEnd(8)} ${String(p.pid).padStart(7)} ${String(p.ppid).padStart(7)}  0 ${strftime('%H:%M', p.startedAt)} ?        00:00:00 ${p.command}`)
    }
    return lines
  }
  if (/(^|\s)-?aux/.test(joined)) {
    const lines = ['USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND']
    for (const p of procs) {
      const kb = String(Math.round(p.rssBytes / 1024))
      lines.push(`${p.user.padEnd(8)} ${String(p.pid).padStart(7)}  0.0  0.0 ${kb.padStart(6)} ${kb.padStart(5)} ?        ${`${p.state}s`.padEnd(4)} ${strftime('%H:%M', p.startedAt)}   0:00 ${p.command}`)
    }
    return lines
  }
  return ['    PID TTY          TIME CMD', ...procs.map((p) => `${String(p.pid).padStart(7)} ?        00:00:00 ${comm(p)}`)]
}

export function psProgram(flavour: Flavour): Program<Invocation> {
  return oneShot((inv, sys) => {
    say(sys, (flavour === 'busybox' ? busyboxPs(sys) : procpsPs(sys, inv.argv.slice(1))).join('\n'))
    return 0
  })
}
