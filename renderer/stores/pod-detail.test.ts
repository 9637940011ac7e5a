// Issue 11 item 3: the open pod is read once, then again as the clock or the pods table moves: at most once a
// second and one call at a time, and an answer for a pod no longer open is dropped.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ClockState } from '../../main/kube'
import { fakeApi, piniaWith } from '../testing/fake-api'
import { crashLoopDetail } from '../testing/pod-detail'
import { POD_DETAIL_REFRESH_MS, usePodDetailStore } from './pod-detail'

const clock: ClockState = { now: '2025-01-01T00:00:00Z', nowMs: 0, mode: 'realtime', paused: false, speed: 100 }

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('usePodDetailStore', () => {
  it('reads the pod once when opened, then at most once a second however many clock deltas arrive', async () => {
    const fake = fakeApi()
    fake.answer('pods.detail', ({ name }) => ({ ok: true, result: crashLoopDetail(name) }))
    const store = usePodDetailStore(piniaWith(fake.api))
    await store.open('default', 'crash')
    expect(store.detail?.pod.metadata.name).toBe('crash')
    for (let i = 0; i < 50; i++) fake.push({ type: 'clock', clock })
    await vi.advanceTimersByTimeAsync(POD_DETAIL_REFRESH_MS * 3)
    const reads = fake.calls.filter((c) => c.call === 'pods.detail')
    expect(reads).toHaveLength(2)
    expect(reads[1]!.request).toEqual({ namespace: 'default', name: 'crash' })
  })

  it('reads nothing on deltas once closed, and nothing for tables of other resources', async () => {
    const fake = fakeApi()
    fake.answer('pods.detail', ({ name }) => ({ ok: true, result: crashLoopDetail(name) }))
    const store = usePodDetailStore(piniaWith(fake.api))
    await store.open('default', 'crash')
    fake.push({ type: 'table', view: { resource: 'nodes' }, table: {} as never })
    await vi.advanceTimersByTimeAsync(POD_DETAIL_REFRESH_MS * 2)
    store.close()
    fake.push({ type: 'clock', clock })
    await vi.advanceTimersByTimeAsync(POD_DETAIL_REFRESH_MS * 2)
    expect(fake.calls.filter((c) => c.call === 'pods.detail')).toHaveLength(1)
    expect(store.detail).toBeNull()
  })

  it('drops an answer for a pod the learner has left, and keeps NotFound as the error of the one open', async () => {
    const fake = fakeApi()
    let release: () => void = () => {}
    fake.answer('pods.detail', ({ name }) =>
      name === 'slow'
        ? new Promise((done) => (release = () => done({ ok: true, result: crashLoopDetail('slow') })))
        : { ok: false, error: { reason: 'NotFound', message: `pods "${name}" not found` } },
    )
    const store = usePodDetailStore(piniaWith(fake.api))
    const slow = store.open('default', 'slow')
    await store.open('default', 'gone')
    release()
    await slow
    expect(store.detail).toBeNull()
    expect(store.error).toEqual({ reason: 'NotFound', message: 'pods "gone" not found' })
  })
})
