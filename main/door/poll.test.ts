// Issue 6 item 6 (C): what another process writes to the file a host shows (a `podlab kubectl apply` while
// `podlab serve` runs) reaches that host's pages at its next look, paused or not.

import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ClockState } from '../kube'
import type { Delta } from '../contract'
import type { HostEngine } from '../engine/engine'
import { openCluster } from '../engine/open-cluster'
import { MYNGINX, tmpFile } from '../engine/testing/cluster'
import { POLL_INTERVAL_MS, startPolling } from './poll'
import { Session } from './session'

const opened: HostEngine[] = []
const open = (path: string, door: 'web' | 'cli') => {
  const engine = openCluster(path, { mode: door === 'web' ? 'realtime' : 'manual', door })
  opened.push(engine)
  return engine
}
afterEach(() => {
  vi.useRealTimers()
  for (const e of opened.splice(0)) e.close()
})

describe('Engine.poll', () => {
  it("lets the watchers hear another process's commit and says whether there was one", () => {
    const path = tmpFile()
    const served = open(path, 'web')
    const heard: string[] = []
    served.watch(served.info().resourceVersion, (e) => heard.push(`${e.type} ${e.object.metadata.name}`))
    expect(served.poll()).toBe(false)
    open(path, 'cli').create(MYNGINX)
    expect(heard).toEqual([])
    expect(served.poll()).toBe(true)
    expect(heard[0]).toBe('ADDED mynginx')
    expect(served.poll()).toBe(false)
  })

  it('tells the clock listeners when another process moved the clock', () => {
    const path = tmpFile()
    const served = open(path, 'web')
    const clocks: ClockState[] = []
    served.onClock((c) => clocks.push(c))
    open(path, 'cli').pause()
    expect(served.poll()).toBe(true)
    expect(clocks.map((c) => c.paused)).toEqual([true])
  })
})

describe('startPolling', () => {
  it('brings a paused served page the pod another process created, in one look and one push', async () => {
    vi.useFakeTimers()
    const path = tmpFile()
    const served = open(path, 'web')
    served.pause()
    const deltas: Delta[] = []
    const session = new Session(served, (d) => deltas.push(d))
    session.call('table.watch', { resource: 'pods', namespace: 'default' })
    await vi.advanceTimersByTimeAsync(10)
    const rows = () => deltas.flatMap((d) => (d.type === 'table' ? [d.table.rows.map((r) => r.object.metadata.name)] : []))
    expect(rows()).toEqual([[]])
    const stop = startPolling(served)
    open(path, 'cli').create(MYNGINX)
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS + 250 + 10)
    expect(rows()).toEqual([[], ['mynginx']])
    stop()
    session.close()
  })

  it('reports a failing look once until a look succeeds', () => {
    vi.useFakeTimers()
    let broken = true
    const poll = () => {
      if (broken) throw new Error('disk gone')
      return false
    }
    const engine = { poll } as unknown as HostEngine
    const lines: string[] = []
    const stop = startPolling(engine, 100, (l) => lines.push(l))
    vi.advanceTimersByTime(1_000)
    broken = false
    vi.advanceTimersByTime(100)
    broken = true
    vi.advanceTimersByTime(100)
    stop()
    expect(lines).toEqual([
      "podlab: could not read the cluster file for other processes' changes: disk gone",
      "podlab: could not read the cluster file for other processes' changes: disk gone",
    ])
  })
})
