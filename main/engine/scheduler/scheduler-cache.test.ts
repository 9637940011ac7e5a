// The scheduler cache keeps each node's sums, pod lists and spreading counts current as pods come and go,
// instead of summing again: after any sequence of changes it must say what a cache loaded afresh from the same
// pods says (the order of a node's pods aside: the live cache keeps them in the order they were bound).

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Pod } from '../api/pods/types'
import type { Lister } from '../client/informers'
import { selectorFromSet } from '../labels'
import { countMatching } from './filters/spread-constraints'
import type { NodeInfo } from './node-info'
import { SchedulerCache } from './scheduler-cache'
import { makeNode, withRequests } from './testing/fixtures'

const NODES = ['n0', 'n1', 'n2'].map((n) => makeNode(n))
const SELECTORS = [selectorFromSet({ app: 'a' }), selectorFromSet({ app: 'b' })]

function listerOf(pods: Map<string, Pod>): Lister<Pod> {
  const sorted = () => [...pods.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, p]) => p)
  return { get: (_ns, name) => pods.get(name), list: () => sorted(), byIndex: () => [] }
}

const op = fc.record({
  name: fc.constantFrom('p0', 'p1', 'p2', 'p3', 'p4'),
  node: fc.constantFrom('', 'n0', 'n1', 'n2'),
  app: fc.constantFrom('a', 'b'),
  cpu: fc.constantFrom('100m', '250m', '1'),
  phase: fc.constantFrom('Pending', 'Running', 'Succeeded'),
  terminating: fc.boolean(),
  deleted: fc.boolean(),
})

function summary(infos: NodeInfo[]) {
  return infos.map((i) => ({
    node: i.node.metadata.name,
    pods: i.pods.map((p) => p.metadata.name).sort(),
    podCount: i.podCount,
    requested: i.requested,
    nonZeroRequested: i.nonZeroRequested,
    counts: SELECTORS.map((s) => countMatching(i, s, 'default')),
  }))
}

describe('SchedulerCache, kept current incrementally', () => {
  it('after any changes says what a cache loaded afresh says: pods, sums and spreading counts per node', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const pods = new Map<string, Pod>()
        const live = new SchedulerCache(listerOf(pods))
        summary(live.nodeInfos(NODES)) // loaded and counted before the changes, so they are counted on
        for (const o of ops) {
          const before = pods.get(o.name)
          if (o.deleted) {
            pods.delete(o.name)
            if (before) live.observe(before, true)
            continue
          }
          const base = withRequests(o.name, { cpu: o.cpu }, { nodeName: o.node || undefined })
          const pod: Pod = {
            ...base,
            metadata: { ...base.metadata, labels: { app: o.app }, ...(o.terminating ? { deletionTimestamp: '2025-01-01T00:00:00Z' } : {}) },
            status: { phase: o.phase },
          }
          pods.set(o.name, pod)
          live.observe(pod, false)
        }
        const fresh = new SchedulerCache(listerOf(pods))
        expect(summary(live.nodeInfos(NODES))).toEqual(summary(fresh.nodeInfos(NODES)))
      }),
      { numRuns: 200, seed: 12 },
    )
  })
})
