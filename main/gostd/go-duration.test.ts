// Cases from Go's src/time/time_test.go durationTests (TestDurationString), plus the kubelet's back-off
// steps from k8s-behaviour.md §2 (10s, 20s, 40s, 1m20s, 2m40s, 5m0s).
import { describe, expect, it } from 'vitest'
import { goDuration, goDurationNs } from './go-duration'

const us = 1000n
const ms = 1000n * us
const s = 1000n * ms
const min = 60n * s
const h = 60n * min

describe('goDurationNs (Go time_test.go durationTests)', () => {
  it.each<[string, bigint]>([
    ['0s', 0n],
    ['1ns', 1n],
    ['1.1µs', 1100n],
    ['2.2ms', 2200n * us],
    ['3.3s', 3300n * ms],
    ['4m5s', 4n * min + 5n * s],
    ['4m5.001s', 4n * min + 5001n * ms],
    ['5h6m7.001s', 5n * h + 6n * min + 7001n * ms],
    ['8m0.000000001s', 8n * min + 1n],
    ['2562047h47m16.854775807s', (1n << 63n) - 1n],
    ['-2562047h47m16.854775808s', -(1n << 63n)],
  ])('%s', (want, d) => expect(goDurationNs(d)).toBe(want))
})

describe('goDuration (milliseconds in, as the engine keeps time)', () => {
  it.each<[number, string]>([
    [10_000, '10s'],
    [20_000, '20s'],
    [40_000, '40s'],
    [80_000, '1m20s'],
    [160_000, '2m40s'],
    [300_000, '5m0s'],
    [1200, '1.2s'],
    [1234.567, '1.234567s'],
    [500, '500ms'],
    [0, '0s'],
    [3_600_000, '1h0m0s'],
  ])('%d ms -> %s', (value, want) => expect(goDuration(value)).toBe(want))
})
