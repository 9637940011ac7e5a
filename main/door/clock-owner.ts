// One clock owner per cluster file. The process that runs a file's clock in real time (the app, `podlab serve`)
// names itself in the file (meta `clock_owner`) while it runs; a `podlab advance` in a terminal then refuses to
// run that cluster forward under the class's feet, and a waiting `kubectl delete` waits on the owner's clock.
// Whether the named process still runs is decided here, on this machine: the engine only stores the row.

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
  try {
    process.kill(owner.pid, 0)
    return true
  } catch (e) {
    // EPERM: the process exists, it is just not ours to signal.
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The owner running `engine`'s clock right now, or undefined (no row, or a stale one). ClusterFileDamaged for a doctored row. */
export function runningOwner(engine: HostEngine): ClockOwner | undefined {
  const owner = engine.clockOwner()
  return owner && isRunning(owner) ? owner : undefined
}

/** "Podlab (podlab serve, pid 1234)" */
export function ownerName(owner: ClockOwner): string {
  return `Podlab (${owner.door === 'web' ? 'podlab serve' : 'the app'}, pid ${owner.pid})`
}

/** The sentence `podlab advance` answers while another process runs the clock. */
export function clockTakenMessage(owner: ClockOwner): string {
  return `the cluster file is open in ${ownerName(owner)}, whose clock runs it; use the app's clock controls`
}

/**
 * Names this process as the clock owner of `engine`'s file, unless another running process already is (two
 * hosts on one file: the first keeps the row). Returns the function that removes the row again (only while it
 * still names this process); call it before closing the engine.
 */
export function holdClock(engine: HostEngine, door: ClockOwner['door']): () => void {
  const me = thisProcess(door)
  const current = runningOwner(engine)
  if (current && !(current.pid === me.pid && current.hostname === me.hostname)) return () => {}
  engine.claimClock(me)
  return () => engine.releaseClock(me)
}
