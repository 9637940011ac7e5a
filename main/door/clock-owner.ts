// One clock owner per cluster file. The process that runs a file's clock in real time (the app, `podlab serve`)
// names itself in the file (meta `clock_owner`) while it runs; a `podlab advance` in a terminal then refuses to
// run that cluster forward under the class's feet, and a waiting `kubectl delete` waits on the owner's clock.
// Whether the named process still runs is decided here, on this machine: the engine only stores the row.

import { readFileSync } from 'node:fs'
import { hostname } from 'node:os'
import type { ClockOwner, HostEngine } from '../engine'

/** This process, as it names itself when it runs a file's clock through `door`. */
export function thisProcess(door: ClockOwner['door']): ClockOwner {
  return { door, pid: process.pid, hostname: hostname() }
}

/**
 * True when `owner` is a process running on this machine. A row naming another machine is stale: SQLite's WAL
 * mode works only between processes of one machine, so a file in use elsewhere cannot be open here as well
 * (a file copied off a classroom machine whose serve crashed carries such a row).
 */
export function isRunning(owner: ClockOwner): boolean {
  if (owner.hostname !== hostname()) return false
  if (owner.pid === process.pid) return true
  try {
    process.kill(owner.pid, 0)
  } catch (e) {
    // EPERM: the process exists, it is just not ours to signal.
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false
  }
  // A serve killed with SIGKILL leaves its row; its pid may since belong to another program. Where the
  // command line can be read, only a Podlab process (bin/podlab, the app's Electron) counts.
  const commandLine = linuxCommandLine(owner.pid)
  return commandLine === undefined || /podlab|electron/i.test(commandLine)
}

/** The command line of `pid` on Linux (/proc), undefined elsewhere or when unreadable. */
function linuxCommandLine(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'latin1').replace(/\0/g, ' ')
  } catch {
    return undefined
  }
}

/** Refused: another running Podlab process already runs this file's clock. */
export class ClockTaken extends Error {
  readonly reason = 'ClockTaken'
  constructor(readonly owner: ClockOwner) {
    super(`the cluster file is already open in ${ownerName(owner)}, which runs its clock; use that one, or stop it first`)
    this.name = 'ClockTaken'
  }
}

/** The owner running `engine`'s clock right now, or undefined (no row, or a stale one). ClusterFileDamaged for a doctored row. */
export function runningOwner(engine: HostEngine): ClockOwner | undefined {
  const owner = engine.clockOwner()
  return owner && isRunning(owner) ? owner : undefined
}

/** "Podlab (podlab serve, pid 1234)" */
export function ownerName(owner: ClockOwner): string {
  const door = owner.door === 'web' ? 'podlab serve' : owner.door === 'cli' ? 'a following podlab kubectl' : 'the app'
  return `Podlab (${door}, pid ${owner.pid})`
}

/** The sentence `podlab advance` answers while another process runs the clock. */
export function clockTakenMessage(owner: ClockOwner): string {
  return `the cluster file is open in ${ownerName(owner)}, whose clock runs it; use the app's clock controls`
}

/**
 * Names this process as the clock owner of `engine`'s file. Returns the function that removes the row again
 * (only while it still names this process); call it before closing the engine. Throws ClockTaken when another
 * running process already owns the clock: two hosts running one file's clock would run it twice as fast.
 */
export function holdClock(engine: HostEngine, door: ClockOwner['door']): () => void {
  const me = thisProcess(door)
  const current = runningOwner(engine)
  if (current && !(current.pid === me.pid && current.hostname === me.hostname)) throw new ClockTaken(current)
  engine.claimClock(me)
  return () => engine.releaseClock(me)
}
