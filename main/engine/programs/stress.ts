// The two stress images of the docs' resource pages. polinux/stress (`stress --vm 1 --vm-bytes 150M
// --vm-hang 1`, `--cpu N`, `--timeout N`): "dispatching hogs", then its workers hold vm x vm-bytes of memory
// (here the process itself holds it, so a memory limit below it OOM-kills the container) and N cores.
// vish/stress (`/stress -logtostderr -mem-total 100Mi -mem-alloc-size 4Ki -mem-alloc-sleep 1ms -cpus 2`): glog
// lines, memory growing one chunk per sleep until the total (checked each virtual second), `-cpus` cores busy.

import { parseQuantity } from '../../gostd/quantity'
import type { Program, Sys } from '../process/program'
import { complain, type Invocation, invocation } from './kit'
import { strftime } from './strftime'

const MiB = 1024 * 1024
const BASE_RSS = 1 * MiB

interface StressState {
  inv: Invocation
  booted: boolean
  /** Virtual ms polinux's --timeout ends the run; null for none. */
  until: number | null
  startedAt: number
}

/** stress's sizes: a number with b/k/m/g (1024-based), as its atoll_b reads them. */
function stressBytes(text: string): number {
  const m = /^(\d+)([bkmgBKMG]?)$/.exec(text)
  if (!m) return Number.NaN
  return Number(m[1]) * ({ '': 1, b: 1, k: 1024, m: MiB, g: 1024 * MiB }[m[2]!.toLowerCase()] ?? 1)
}

function option(args: string[], names: string[]): string | undefined {
  const at = args.findIndex((a) => names.includes(a))
  return at >= 0 ? args[at + 1] : undefined
}

export const polinuxStress: Program<StressState> = {
  start: (ctx, sys) => ({ inv: invocation(ctx), booted: false, until: null, startedAt: sys.now() }),
  run: (state, sys) => {
    const args = state.inv.argv.slice(1)
    if (state.booted) return state.until !== null && sys.now() >= state.until ? done(state, sys) : { state, block: state.until === null ? {} : { wakeAt: state.until } }
    const cpu = Number(option(args, ['--cpu', '-c']) ?? 0)
    const io = Number(option(args, ['--io', '-i']) ?? 0)
    const vm = Number(option(args, ['--vm', '-m']) ?? 0)
    const hdd = Number(option(args, ['--hdd', '-d']) ?? 0)
    const vmBytes = stressBytes(option(args, ['--vm-bytes']) ?? '256M')
    const timeout = option(args, ['--timeout', '-t'])
    if (cpu + io + vm + hdd === 0 || Number.isNaN(vmBytes)) {
      complain(sys, "`stress' imposes certain types of compute stress on your system\n\nUsage: stress [OPTION [ARG]] ...")
      return { exit: 1 }
    }
    complain(sys, `stress: info: [${sys.pid}] dispatching hogs: ${cpu} cpu, ${io} io, ${vm} vm, ${hdd} hdd`)
    sys.setRss(BASE_RSS + vm * vmBytes)
    sys.setCpu((cpu + vm) * 1000)
    const seconds = timeout === undefined ? null : stressBytes(timeout.replace(/s$/, ''))
    const until = seconds === null || Number.isNaN(seconds) ? null : sys.now() + seconds * 1000
    return { state: { ...state, booted: true, until }, block: until === null ? {} : { wakeAt: until } }
  },
  handles: () => false,
  signal: () => ({ exit: 0 }),
}

function done(state: StressState, sys: Sys): { exit: number } {
  complain(sys, `stress: info: [${sys.pid}] successful run completed in ${Math.round((sys.now() - state.startedAt) / 1000)}s`)
  return { exit: 0 }
}

interface VishState {
  inv: Invocation
  startedAt: number
  allocated: boolean
  booted: boolean
}

function goDurationMs(text: string): number {
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 }
  let total = 0
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)) total += Number(m[1]) * units[m[2]!]!
  return total
}

function flagValue(args: string[], name: string, fallback: string): string {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!.replace(/^--?/, '-')
    if (arg === `-${name}`) return args[i + 1] ?? fallback
    if (arg.startsWith(`-${name}=`)) return arg.slice(name.length + 2)
  }
  return fallback
}

function glog(sys: Sys, line: number, text: string): void {
  const ms = sys.now()
  complain(sys, `I${strftime('%m%d %H:%M:%S', ms)}.${String(ms % 1000).padStart(3, '0')}000       ${sys.pid} main.go:${line}] ${text}`)
}

export const vishStress: Program<VishState> = {
  start: (ctx, sys) => ({ inv: invocation(ctx), startedAt: sys.now(), allocated: false, booted: false }),
  run: (state, sys) => {
    const args = state.inv.argv.slice(1)
    const total = parseQuantity(flagValue(args, 'mem-total', '0'))
    const chunk = parseQuantity(flagValue(args, 'mem-alloc-size', '4Ki'))
    const sleepMs = goDurationMs(flagValue(args, 'mem-alloc-sleep', '1ms')) || 1
    const cpus = Number(flagValue(args, 'cpus', '0'))
    const s = { ...state }
    if (!s.booted) {
      glog(sys, 26, `Allocating "${flagValue(args, 'mem-total', '0')}" memory, in "${flagValue(args, 'mem-alloc-size', '4Ki')}" chunks, with a ${flagValue(args, 'mem-alloc-sleep', '1ms')} sleep between allocations`)
      for (let i = 0; i < cpus; i++) glog(sys, 39, 'Spawning a thread to consume CPU')
      sys.setCpu(cpus * 1000)
      s.booted = true
    }
    if (s.allocated) return { state: s, block: {} }
    const grown = Math.min(total, Math.floor((sys.now() - s.startedAt) / sleepMs) * chunk)
    sys.setRss(BASE_RSS + grown)
    if (grown >= total) {
      glog(sys, 29, `Allocated "${flagValue(args, 'mem-total', '0')}" memory`)
      return { state: { ...s, allocated: true }, block: {} }
    }
    return { state: s, block: { wakeAt: sys.now() + 1000 } }
  },
  handles: () => false,
  signal: () => ({ exit: 0 }),
}
