import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ClockState } from '../../main/kube'
import { fakeApi, piniaWith } from '../testing/fake-api'
import { useClusterTimelineStore } from './cluster-timeline'

const clock: ClockState = { now: '2025-01-01T00:00:01Z', nowMs: 1000, mode: 'realtime', paused: false, speed: 1 } as ClockState
const timeline = (now: number) => ({ now, from: 0, to: now, pods: [], labels: [], intervals: [], truncated: false })

afterEach(() => vi.useRealTimers())

describe('useClusterTimelineStore', () => {
  it('fetches when followed, again at most once a second as the clock ticks, every 3 s while paused, and not after', async () => {
    vi.useFakeTimers()
    const fake = fakeApi()
    let now = 0
    fake.answer('cluster.timeline', () => ({ ok: true, result: timeline((now += 1000)) }))
    const store = useClusterTimelineStore(piniaWith(fake.api))
    store.follow(true)
    await vi.advanceTimersByTimeAsync(0)
    expect(store.timeline?.now).toBe(1000)
    for (let i = 0; i < 10; i++) fake.push({ type: 'clock', clock })
    await vi.advanceTimersByTimeAsync(1000)
    expect(fake.calls.filter((c) => c.call === 'cluster.timeline').length).toBe(2)
    await vi.advanceTimersByTimeAsync(3000)
    expect(fake.calls.filter((c) => c.call === 'cluster.timeline').length).toBe(3)
    store.follow(false)
    fake.push({ type: 'clock', clock })
    await vi.advanceTimersByTimeAsync(10_000)
    expect(fake.calls.filter((c) => c.call === 'cluster.timeline').length).toBe(3)
  })

  it('keeps the last timeline and shows the error of a failed fetch', async () => {
    const fake = fakeApi()
    fake.answer('cluster.timeline', () => ({ ok: false, error: { reason: 'ClusterFileDamaged', message: 'damaged' } }))
    const store = useClusterTimelineStore(piniaWith(fake.api))
    await store.load()
    expect(store.error?.message).toBe('damaged')
    expect(store.timeline).toBeNull()
  })
})
