// The meta row `clock_owner`: which process runs this file's clock in real time (the app, `podlab serve`, or a
// `podlab kubectl` following the cluster: `get -w`, `logs -f`), so
// that a `podlab advance` in a terminal does not run a served cluster forward under the class's feet. The host
// writes it when it starts its clock and removes it when it stops; a process that crashed leaves it behind,
// and the host, not the engine, tells a live owner from a dead one.

import type { Door } from './command-log'

export interface ClockOwner {
  door: Extract<Door, 'app' | 'web' | 'cli'>
  pid: number
  hostname: string
}

export const CLOCK_OWNER_KEY = 'clock_owner'

/** What is wrong with a stored clock_owner value, or undefined. */
export function clockOwnerProblem(value: string): string | undefined {
  return parseClockOwner(value) ? undefined : 'the clock_owner is not a door, a process id and a host name'
}

/** The owner a clock_owner value names, or undefined when it is not one Podlab writes. */
export function parseClockOwner(value: string): ClockOwner | undefined {
  let parsed: unknown
  try {
    parsed = JSON.parse(value)
  } catch {
    return undefined
  }
  const o = parsed as Partial<ClockOwner> | null
  if (typeof o !== 'object' || o === null || Array.isArray(o) || Object.keys(o).length !== 3) return undefined
  if (o.door !== 'app' && o.door !== 'web' && o.door !== 'cli') return undefined
  if (typeof o.pid !== 'number' || !Number.isSafeInteger(o.pid) || o.pid <= 0) return undefined
  if (typeof o.hostname !== 'string' || o.hostname.length > 255) return undefined
  return { door: o.door, pid: o.pid, hostname: o.hostname }
}

/** The stored value of `owner` (keys in one order, so that a release can compare texts). */
export function clockOwnerValue(owner: ClockOwner): string {
  return JSON.stringify({ door: owner.door, pid: owner.pid, hostname: owner.hostname })
}
