import { describe, expect, it } from 'vitest'
import { cycle, makeNode, nodeInfo, withRequests } from '../testing/fixtures'
import { nodeResourcesFitFilter } from './node-resources-fit'

// After plugins/noderesources/fit_test.go TestEnoughRequests (1.32): a node of 10 milli-CPU and 20 bytes of
// memory, 32 pods; the reasons in fitsRequest's order.
const node = makeNode('n', {}, {}, { cpu: '10m', memory: '20', pods: '32', 'ephemeral-storage': '20' })
const run = (pod: Record<string, string>, existing: Array<Record<string, string>>, n = node) => {
  const info = nodeInfo(n, existing.map((r, i) => withRequests(`e${i}`, r)))
  const r = nodeResourcesFitFilter.filter(cycle(withRequests('p', pod)), info)
  return r ? `${r.code}: ${r.reasons.join(', ')}` : null
}

describe('NodeResourcesFit Filter (TestEnoughRequests)', () => {
  it.each([
    { name: 'no resources requested always fits', pod: {}, existing: [{ cpu: '10m', memory: '20' }], want: null },
    { name: 'too many resources fails', pod: { cpu: '1m', memory: '1' }, existing: [{ cpu: '10m', memory: '20' }], want: 'Unschedulable: Insufficient cpu, Insufficient memory' },
    { name: 'fits in what the existing pods leave', pod: { cpu: '1m', memory: '1' }, existing: [{ cpu: '8m', memory: '19' }], want: null },
    { name: 'cpu beyond what the existing pods leave fails', pod: { cpu: '3m', memory: '1' }, existing: [{ cpu: '8m', memory: '19' }], want: 'Unschedulable: Insufficient cpu' },
    { name: 'memory beyond what the existing pods leave fails', pod: { cpu: '1m', memory: '2' }, existing: [{ cpu: '9m', memory: '19' }], want: 'Unschedulable: Insufficient memory' },
    { name: 'both resources fit', pod: { cpu: '1m', memory: '1' }, existing: [{ cpu: '5m', memory: '5' }], want: null },
    { name: 'one resource memory fits', pod: { cpu: '2m', memory: '1' }, existing: [{ cpu: '9m', memory: '5' }], want: 'Unschedulable: Insufficient cpu' },
    { name: 'one resource cpu fits', pod: { cpu: '1m', memory: '2' }, existing: [{ cpu: '5m', memory: '19' }], want: 'Unschedulable: Insufficient memory' },
    { name: 'equal edge case', pod: { cpu: '5m', memory: '1' }, existing: [{ cpu: '5m', memory: '19' }], want: null },
    { name: 'ephemeral-storage is checked too', pod: { 'ephemeral-storage': '25' }, existing: [], want: 'Unschedulable: Insufficient ephemeral-storage' },
  ])('$name', ({ pod, existing, want }) => {
    expect(run(pod as Record<string, string>, existing)).toBe(want)
  })

  it('counts the pods: `Too many pods` first, then the resources (TestPredicateWithPodCount... fitsRequest order)', () => {
    const full = makeNode('n', {}, {}, { cpu: '10m', memory: '20', pods: '1' })
    expect(run({ cpu: '20m' }, [{}], full)).toBe('Unschedulable: Too many pods, Insufficient cpu')
  })
})
