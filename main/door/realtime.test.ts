import { describe, expect, it, vi } from 'vitest'
import type { ClockState } from '../kube'
import type { AdvanceOptions, Engine } from '../engine/engine'
import { startRealtime } from './realtime'

function fakeEngine(advance: (ms: number, options?: AdvanceOptions) => void): Engine {
  const clock: ClockState = { now: '2025-01-01T00:00:00Z', nowMs: 0, mode: 'realtime', paused: false, speed: 2 }
  return { clock: () => clock, advance: (ms: number, options?: AdvanceOptions) => (advance(ms, options), clock) } as unknown as Engine
}

describe('the real-time clock driver', () => {
  it('advances by wall time x speed, at most 1 s of wall time per tick', () => {
    vi.useFakeTimers()
    let wall = 0
    const steps: number[] = []
    const stop = startRealtime(fakeEngine((ms) => steps.push(ms)), { now: () => wall, report: () => {} })
    wall = 100
    vi.advanceTimersByTime(100)
    wall = 60_100 // the laptop slept for a minute
    vi.advanceTimersByTime(100)
    stop()
    vi.useRealTimers()
    expect(steps).toEqual([200, 2_000])
  })

  it('advances as ticks, which the commands table does not record (issue 6)', () => {
    vi.useFakeTimers()
    let wall = 0
    const options: Array<AdvanceOptions | undefined> = []
    const stop = startRealtime(fakeEngine((_ms, o) => options.push(o)), { now: () => wall, report: () => {} })
    wall = 100
    vi.advanceTimersByTime(100)
    stop()
    vi.useRealTimers()
    expect(options).toEqual([{ tick: true }])
  })

  it('reports a failing tick once, not ten times a second, and says when the clock runs again (issue 6)', () => {
    vi.useFakeTimers()
    let wall = 0
    let broken = true
    const lines: string[] = []
    const stop = startRealtime(
      fakeEngine(() => {
        if (broken) throw new Error('the cluster file is busy')
      }),
      { now: () => wall, report: (l) => lines.push(l) },
    )
    for (let i = 0; i < 30; i++) {
      wall += 100
      vi.advanceTimersByTime(100)
    }
    broken = false
    wall += 100
    vi.advanceTimersByTime(100)
    stop()
    vi.useRealTimers()
    expect(lines).toEqual(['podlab: the clock could not advance: the cluster file is busy', 'podlab: the clock runs again'])
  })
})
