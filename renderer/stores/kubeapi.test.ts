import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeApi, piniaWith } from '../testing/fake-api'
import { RETRIES, RETRY_MS, useKubeApiStore } from './kubeapi'

afterEach(() => {
  vi.useRealTimers()
})

describe('useKubeApiStore', () => {
  it('shows the kubeconfig the host serves', async () => {
    const fake = fakeApi()
    fake.answer('kubeapi.info', () => ({ ok: true, result: { serving: true, url: 'http://127.0.0.1:40001', kubeconfig: '/home/me/.config/Podlab/kubeconfigs/c.kubeconfig' } }))
    const store = useKubeApiStore(piniaWith(fake.api))
    await store.load()
    expect(store.info).toEqual({ serving: true, url: 'http://127.0.0.1:40001', kubeconfig: '/home/me/.config/Podlab/kubeconfigs/c.kubeconfig' })
    expect(fake.calls).toEqual([{ call: 'kubeapi.info', request: {} }])
  })

  it('asks again while the API is starting, then shows it once it serves', async () => {
    vi.useFakeTimers()
    const fake = fakeApi()
    let asked = 0
    fake.answer('kubeapi.info', () =>
      ++asked < 3 ? { ok: true, result: { serving: false, reason: 'The Kubernetes API is starting.' } } : { ok: true, result: { serving: true, url: 'http://127.0.0.1:1', kubeconfig: '/k' } },
    )
    const store = useKubeApiStore(piniaWith(fake.api))
    await store.load()
    expect(store.info).toEqual({ serving: false, reason: 'The Kubernetes API is starting.' })
    await vi.advanceTimersByTimeAsync(2 * RETRY_MS)
    expect(store.info).toMatchObject({ serving: true, kubeconfig: '/k' })
    await vi.advanceTimersByTimeAsync(10 * RETRY_MS)
    expect(asked).toBe(3)
  })

  it('gives up asking after its retries when the API never serves', async () => {
    vi.useFakeTimers()
    const fake = fakeApi()
    fake.answer('kubeapi.info', () => ({ ok: true, result: { serving: false, reason: 'The Kubernetes API could not start: listen EADDRINUSE' } }))
    const store = useKubeApiStore(piniaWith(fake.api))
    await store.load()
    await vi.advanceTimersByTimeAsync((RETRIES + 5) * RETRY_MS)
    expect(fake.calls).toHaveLength(RETRIES + 1)
    expect(store.info).toMatchObject({ reason: 'The Kubernetes API could not start: listen EADDRINUSE' })
  })
})
