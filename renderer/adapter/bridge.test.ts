import { describe, expect, it } from 'vitest'
import { toBridge } from '../../main/contract/bridge'
import type { CallName, Delta } from '../../main/contract'
import { bridgeApi, isBridgeLike } from './bridge'

describe('bridgeApi', () => {
  it('calls window.podlab.<bridgeName> with the request and passes the reply back', async () => {
    const seen: Array<[CallName, unknown]> = []
    const bridge = toBridge(
      async (call, request) => {
        seen.push([call, request])
        return { ok: true, result: { echoed: call } } as never
      },
      () => () => {},
    )
    const api = bridgeApi(bridge)
    await expect(api['clock.setSpeed']({ speed: 5 })).resolves.toEqual({ ok: true, result: { echoed: 'clock.setSpeed' } })
    expect(seen).toEqual([['clock.setSpeed', { speed: 5 }]])
  })

  it('turns a rejected IPC call into an Internal error reply', async () => {
    const bridge = toBridge(
      () => Promise.reject(new Error("Error invoking remote method 'podlab:call': boom")),
      () => () => {},
    )
    await expect(bridgeApi(bridge)['clock.get']({})).resolves.toEqual({
      ok: false,
      error: { reason: 'Internal', message: "clock.get failed: Error invoking remote method 'podlab:call': boom" },
    })
  })

  it('forwards onDelta and its unsubscribe', () => {
    let listener: ((d: Delta) => void) | null = null
    const bridge = toBridge(
      () => Promise.reject(new Error('unused')),
      (l) => {
        listener = l
        return () => (listener = null)
      },
    )
    const seen: Delta[] = []
    const stop = bridgeApi(bridge).onDelta((d) => seen.push(d))
    listener!({ type: 'clock', clock: { now: '', nowMs: 0, mode: 'manual', paused: true, speed: 1 } })
    stop()
    expect(seen).toHaveLength(1)
    expect(listener).toBeNull()
  })

  it('refuses a bridge that lacks calls (preload and renderer out of step)', () => {
    expect(() => bridgeApi({ onDelta: () => () => {} })).toThrow(/window\.podlab lacks clusterInfo/)
  })
})

describe('isBridgeLike', () => {
  it.each([
    [undefined, false],
    [null, false],
    [{}, false],
    [{ onDelta: 1 }, false],
    [{ onDelta: () => {} }, true],
  ])('%j -> %s', (value, expected) => {
    expect(isBridgeLike(value)).toBe(expected)
  })
})
