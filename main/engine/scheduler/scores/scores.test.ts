import { describe, expect, it } from 'vitest'
import { MAX_NODE_SCORE, defaultNormalizeScore } from '../framework'
import { cycle, makeNode, makePod, nodeInfo, withRequests } from '../testing/fixtures'
import { balancedAllocation, balancedResourceScore } from './balanced-allocation'
import { calculatePriority, imageLocality, normalizedImageName } from './image-locality'
import { leastAllocated } from './least-allocated'
import { podTopologySpreadScore } from './pod-topology-spread'
import { taintTolerationScore } from './taint-toleration'

describe('NodeResourcesFit LeastAllocated (least_allocated_test.go)', () => {
  it('nothing scheduled, nothing requested: 4000m/10000 bytes and 6000m/10000 bytes nodes score 100 each', () => {
    // A pod without requests counts 100m and 200Mi for scoring (schedutil defaults).
    const pod = makePod('p')
    const n = makeNode('n', {}, {}, { cpu: '4', memory: '10Gi' })
    // cpu: (4000-100)*100/4000 = 97; memory: (10Gi-200Mi)*100/10Gi = 98 -> (97+98)/2 = 97
    expect(leastAllocated.score(cycle(pod), nodeInfo(n))).toBe(97)
  })

  it('resources requested, pods scheduled with resources: the mean of each resource\'s free share, truncated', () => {
    // cpu 3000m+3000m of 10000 -> 40; memory 0+5000 of 20000 -> 75; (40+75)/2 = 57
    const n = makeNode('n', {}, {}, { cpu: '10', memory: '20000' })
    const existing = withRequests('e', { cpu: '3', memory: '0' })
    const pod = withRequests('p', { cpu: '3', memory: '5000' })
    expect(leastAllocated.score(cycle(pod), nodeInfo(n, [existing]))).toBe(57)
  })
})

describe('NodeResourcesBalancedAllocation (balanced_allocation_test.go)', () => {
  it.each([
    { fact: 'equal fractions score 100', requested: [3000, 5000], allocatable: [10000, 20000 / 1.2], want: 100 },
    { fact: 'cpu 60%, memory 25%: std 0.175 -> 82', requested: [6000, 5000], allocatable: [10000, 20000], want: 82 },
    { fact: 'a fraction over 1 counts as 1', requested: [20000, 0], allocatable: [10000, 20000], want: 50 },
  ])('$fact', ({ requested, allocatable, want }) => {
    expect(balancedResourceScore(requested, allocatable)).toBe(want)
  })

  it('uses the requests as declared (useRequested): a best-effort pod on an empty node is perfectly balanced', () => {
    expect(balancedAllocation.score(cycle(makePod('p')), nodeInfo(makeNode('n')))).toBe(MAX_NODE_SCORE)
  })
})

describe('ImageLocality (image_locality_test.go)', () => {
  it('normalizes names without a tag to :latest', () => {
    expect([normalizedImageName('nginx'), normalizedImageName('gcr.io/x:1'), normalizedImageName('localhost:5000/x')]).toEqual(['nginx:latest', 'gcr.io/x:1', 'localhost:5000/x:latest'])
  })

  it('clamps between 23 MiB and 1000 MiB per container', () => {
    expect(calculatePriority(10 * 1024 * 1024, 1)).toBe(0)
    expect(calculatePriority(2000 * 1024 * 1024, 1)).toBe(100)
  })

  it('two images on one node of two: the sizes scaled by spread (1/2) give 250 MiB + 10 MiB -> 24', () => {
    const MB = 1024 * 1024
    const withImages = makeNode('n1')
    withImages.status = { ...withImages.status, images: [{ names: ['gcr.io/40:latest'], sizeBytes: 500 * MB }, { names: ['gcr.io/250:latest'], sizeBytes: 20 * MB }] }
    const pod = makePod('p', { containers: [{ name: 'a', image: 'gcr.io/40' }, { name: 'b', image: 'gcr.io/250' }] })
    const infos = [nodeInfo(withImages), nodeInfo(makeNode('n2'))]
    const state = cycle(pod, infos)
    imageLocality.preScore?.(state, infos)
    // (250 + 10 - 23) MiB * 100 / (2000 - 23) MiB = 11
    expect([imageLocality.score(state, infos[0]!), imageLocality.score(state, infos[1]!)]).toEqual([11, 0])
  })
})

describe('TaintToleration Score (taint_toleration_test.go TestTaintTolerationScore)', () => {
  it('the node with fewer untolerated PreferNoSchedule taints scores higher, reverse-normalized', () => {
    const pod = makePod('p', { tolerations: [{ key: 'cpu-type', operator: 'Equal', value: 'arm64', effect: 'PreferNoSchedule' }] })
    const infos = [
      nodeInfo(makeNode('n1', {}, { taints: [{ key: 'cpu-type', value: 'arm64', effect: 'PreferNoSchedule' }] })),
      nodeInfo(makeNode('n2', {}, { taints: [{ key: 'disk-type', value: 'ssd', effect: 'PreferNoSchedule' }] })),
    ]
    const state = cycle(pod, infos)
    const scores = infos.map((i) => taintTolerationScore.score(state, i))
    taintTolerationScore.normalize?.(state, scores, infos)
    expect(scores).toEqual([100, 0])
  })

  it('DefaultNormalizeScore: all zero stays zero, reversed all zero becomes 100', () => {
    const a = [0, 0]
    defaultNormalizeScore(a, false)
    const b = [0, 0]
    defaultNormalizeScore(b, true)
    expect([a, b]).toEqual([[0, 0], [100, 100]])
  })
})

describe('PodTopologySpread Score (scoring_test.go)', () => {
  it('the system defaults spread one owner\'s pods: the node with fewer of them scores higher', () => {
    const owned = (name: string) => makePod(name, {}, { app: 'web' })
    const infos = [nodeInfo(makeNode('n1'), [owned('a'), owned('b')]), nodeInfo(makeNode('n2'), [owned('c')]), nodeInfo(makeNode('n3'))]
    const state = cycle(owned('new'), infos, undefined, { matchLabels: { app: 'web' } })
    expect(podTopologySpreadScore.preScore?.(state, infos)).toBe(true)
    const scores = infos.map((i) => podTopologySpreadScore.score(state, i))
    podTopologySpreadScore.normalize?.(state, scores, infos)
    // hostname maxSkew 3: cnt*log(3+2)+2 -> 5.2, 3.6, 2 rounded 5, 4, 2; zone: no zone labels, one "" domain, nodes lack the key.
    expect(scores).toEqual([40, 60, 100])
  })

  it('zones: a domain counts the matching pods of every node in it, feasible or not; a zone-less node scores by hostname only', () => {
    const owned = (name: string) => makePod(name, {}, { app: 'web' })
    const zone = (z: string) => ({ 'topology.kubernetes.io/zone': z })
    const feasible = [
      nodeInfo(makeNode('n1', zone('a')), [owned('a1'), owned('a2')]),
      nodeInfo(makeNode('n2', zone('a'))),
      nodeInfo(makeNode('n3', zone('b')), [owned('b1')]),
      nodeInfo(makeNode('n4'), [owned('x1'), owned('x2'), owned('x3')]),
    ]
    const full = nodeInfo(makeNode('n5', zone('b')), [owned('b2'), owned('b3')])
    const state = cycle(owned('new'), [...feasible, full], undefined, { matchLabels: { app: 'web' } })
    expect(podTopologySpreadScore.preScore?.(state, feasible)).toBe(true)
    const scores = feasible.map((i) => podTopologySpreadScore.score(state, i))
    // weights: hostname log(4+2), zone log(3 domains a, b, "" + 2). Zone a holds 2 pods, zone b 1 + 2 (n5, not feasible).
    // n1 2*1.79+2 + 2*1.61+4 = 12.8; n2 2 + 7.2 = 9.2; n3 3.79 + 3*1.61+4 = 12.6; n4 3*1.79+2 = 7.4 (no zone key).
    expect(scores).toEqual([13, 9, 13, 7])
    podTopologySpreadScore.normalize?.(state, scores, feasible)
    expect(scores).toEqual([53, 84, 53, 100])
  })

  it('skips a pod with no constraints and no owner (empty default selector)', () => {
    const infos = [nodeInfo(makeNode('n1'))]
    expect(podTopologySpreadScore.preScore?.(cycle(makePod('p'), infos), infos)).toBe(false)
  })
})
