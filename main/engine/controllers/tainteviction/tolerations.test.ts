// GetMatchingTolerations and getMinTolerationTime as the taint eviction controller uses them.

import { describe, expect, it } from 'vitest'
import type { Taint } from '../../api/nodes/types'
import { matchingTolerations, minTolerationMs } from './tolerations'

const unreachable: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }
const defaults = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists' as const, effect: 'NoExecute' as const, tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists' as const, effect: 'NoExecute' as const, tolerationSeconds: 300 },
]

describe('toleration time of a pod on a NoExecute-tainted node', () => {
  it('gives the DefaultTolerationSeconds pod 300 s on an unreachable node', () => {
    const { all, used } = matchingTolerations([unreachable], defaults)
    expect(all).toBe(true)
    expect(minTolerationMs(used)).toBe(300_000)
  })

  it('evicts at once a pod that does not tolerate every taint, or whose toleration is 0 or negative', () => {
    expect(matchingTolerations([unreachable, { key: 'gpu', effect: 'NoExecute' }], defaults)).toEqual({ all: false, used: [] })
    expect(minTolerationMs([{ key: 'x', operator: 'Exists', tolerationSeconds: -5 }])).toBe(0)
  })

  it('tolerates for ever without tolerationSeconds, and takes the shortest of several', () => {
    expect(minTolerationMs([{ operator: 'Exists' }])).toBe(-1)
    expect(minTolerationMs([{ key: 'a', operator: 'Exists', tolerationSeconds: 60 }, { key: 'b', operator: 'Exists', tolerationSeconds: 30 }])).toBe(30_000)
  })
})
