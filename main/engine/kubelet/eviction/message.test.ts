import { describe, expect, it } from 'vitest'
import type { Pod } from '../../api/pods/types'
import { evictionMessage } from './message'
import { rankMemoryPressure, type PodStats } from './rank'
import { HARD_THRESHOLDS, thresholdMetInfo, thresholdsMet } from './thresholds'

const Mi = 1024 * 1024
const pod = (name: string, containers: Array<{ name: string; request?: string; limit?: string }>, priority?: number): Pod =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: name },
    spec: {
      ...(priority !== undefined ? { priority } : {}),
      containers: containers.map((c) => ({
        name: c.name,
        image: 'x',
        resources: {
          ...(c.request ? { requests: { memory: c.request } } : {}),
          ...(c.limit ? { limits: { memory: c.limit } } : {}),
        },
      })),
    },
  }) as unknown as Pod

describe('the eviction message as pkg/kubelet/eviction/helpers.go evictionMessage writes it (1.32)', () => {
  it('memory: the threshold, what was available, and each container above its request, trailing spaces included', () => {
    const observations = { 'memory.available': { availableBytes: 90 * Mi, capacityBytes: 8192 * Mi } }
    const met = thresholdsMet(HARD_THRESHOLDS, observations)
    expect(met.map((t) => t.signal)).toEqual(['memory.available'])
    const p = pod('hog', [{ name: 'stress' }, { name: 'side', request: '64Mi' }])
    const stats: PodStats = { containers: [{ name: 'stress', memoryBytes: 7000 * Mi }, { name: 'side', memoryBytes: 10 * Mi }], diskBytes: 0 }
    const { message, annotations } = evictionMessage('memory', p, stats, thresholdMetInfo('memory', met, observations))
    expect(message).toBe(
      'The node was low on resource: memory. Threshold quantity: 100Mi, available: 90Mi. Container stress was using 7000Mi, request is 0, has larger consumption of memory. ',
    )
    expect(annotations).toEqual({ offending_containers: 'stress', offending_containers_usage: '7000Mi', starved_resource: 'memory' })
  })

  it('disk: the nodefs percentage threshold as a byte quantity, no container sentence (disk use per container is not measured)', () => {
    const capacity = 259962224 * 1024
    const observations = { 'nodefs.available': { availableBytes: 5 * 1024 * Mi, capacityBytes: capacity }, 'imagefs.available': { availableBytes: 5 * 1024 * Mi, capacityBytes: capacity } }
    const met = thresholdsMet(HARD_THRESHOLDS, observations)
    expect(met.map((t) => t.signal)).toEqual(['nodefs.available', 'imagefs.available'])
    const { message } = evictionMessage('ephemeral-storage', pod('p', [{ name: 'c' }]), { containers: [{ name: 'c', memoryBytes: Mi }], diskBytes: 0 }, thresholdMetInfo('ephemeral-storage', met, observations))
    expect(message).toBe('The node was low on resource: ephemeral-storage. Threshold quantity: 26620131737, available: 5Gi. ')
  })

  it('no threshold met above the available memory', () => {
    expect(thresholdsMet(HARD_THRESHOLDS, { 'memory.available': { availableBytes: 100 * Mi, capacityBytes: 8192 * Mi } })).toEqual([])
  })
})

describe('ranking under memory pressure as rankMemoryPressure ranks (exceeds requests, priority, usage above request)', () => {
  it('BestEffort and Burstable pods over their requests go before a Guaranteed pod within its request; then lower priority; then the larger excess', () => {
    const guaranteed = pod('guaranteed', [{ name: 'c', request: '1Gi', limit: '1Gi' }])
    const burstable = pod('burstable', [{ name: 'c', request: '100Mi' }])
    const bestEffortSmall = pod('besteffort-small', [{ name: 'c' }])
    const bestEffortBig = pod('besteffort-big', [{ name: 'c' }])
    const important = pod('important', [{ name: 'c' }], 1000)
    const use: Record<string, number> = { guaranteed: 900, burstable: 300, 'besteffort-small': 50, 'besteffort-big': 400, important: 2000 }
    const stats = (p: Pod): PodStats => ({ containers: [{ name: 'c', memoryBytes: (use[p.metadata.name ?? ''] ?? 0) * Mi }], diskBytes: 0 })
    const ranked = rankMemoryPressure([guaranteed, important, bestEffortSmall, burstable, bestEffortBig], stats)
    expect(ranked.map((p) => p.metadata.name)).toEqual(['besteffort-big', 'burstable', 'besteffort-small', 'important', 'guaranteed'])
  })
})
