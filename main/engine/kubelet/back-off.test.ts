import { describe, expect, it } from 'vitest'
import { inBackOffSince, nextBackOff, type BackOffEntry } from './back-off'

// k8s-behaviour.md §3: 10s initial, doubling, capped at 300s; reset after 2 x max = 600s
// (client-go util/flowcontrol/backoff.go Next / IsInBackOffSince; kubelet backOffPeriod / MaxContainerBackOff).
const POLICY = { initialMs: 10_000, maxMs: 300_000 }

describe('container restart back-off', () => {
  it('goes 10s, 20s, 40s, 80s, 160s, 300s, 300s', () => {
    let entry: BackOffEntry | undefined
    const delays: number[] = []
    for (let i = 0; i < 7; i++) {
      entry = nextBackOff(entry, i * 1000, i * 1000, POLICY)
      delays.push(entry.delayMs / 1000)
    }
    expect(delays).toEqual([10, 20, 40, 80, 160, 300, 300])
  })

  it('keeps a container that finished at t dead until t + delay', () => {
    const entry = nextBackOff(undefined, 0, 0, POLICY)
    expect(inBackOffSince(entry, 5_000, 14_999, POLICY)).toBe(true)
    expect(inBackOffSince(entry, 5_000, 15_000, POLICY)).toBe(false)
    expect(inBackOffSince(undefined, 5, 5, POLICY)).toBe(false)
  })

  it('starts over at 10s when the crash comes more than 600s after the last restart', () => {
    let entry = nextBackOff(undefined, 0, 0, POLICY)
    entry = nextBackOff(entry, 1_000, 1_000, POLICY)
    expect(entry.delayMs).toBe(20_000)
    expect(inBackOffSince(entry, 1_000 + 600_001, 1_000 + 600_001, POLICY)).toBe(false)
    expect(nextBackOff(entry, 1_000 + 600_001, 1_000 + 600_001, POLICY).delayMs).toBe(10_000)
  })
})
