// handleDisruption's rules (ComputeZoneState, ReducedQPSFunc) as the lifecycle controller applies them to a
// node's NoExecute taint: kind's nodes share one zone "", so stopping most of a small cluster evicts nothing.

import { describe, expect, it } from 'vitest'
import type { Node } from '../../api/nodes/types'
import { taintingAllowedIn, zoneKey, zoneStates } from './zone-state'

const node = (name: string, ready: string, labels: Record<string, string> = {}): Node => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels },
  status: { conditions: [{ type: 'Ready', status: ready }] },
})

describe('zone disruption and NoExecute tainting', () => {
  it('taints one lost node of four (Normal), holds when three of four are lost (PartialDisruption, <= 50 nodes), untaints when all are lost', () => {
    const one = [node('a', 'Unknown'), node('b', 'True'), node('c', 'True'), node('d', 'True')]
    expect(taintingAllowedIn(one[0] as Node, zoneStates(one))).toBe('taint')
    const three = [node('a', 'Unknown'), node('b', 'Unknown'), node('c', 'False'), node('d', 'True')]
    expect(taintingAllowedIn(three[0] as Node, zoneStates(three))).toBe('hold')
    const all = [node('a', 'Unknown'), node('b', 'Unknown')]
    expect(taintingAllowedIn(all[0] as Node, zoneStates(all))).toBe('untaint-all')
  })

  it('keeps zones apart: a fully lost zone beside a healthy one is tainted; excluded nodes do not count', () => {
    const z = (zone: string) => ({ 'topology.kubernetes.io/zone': zone })
    const nodes = [node('a', 'Unknown', z('x')), node('b', 'True', z('y')), node('c', 'Unknown', { 'node.kubernetes.io/exclude-disruption': '' })]
    expect(taintingAllowedIn(nodes[0] as Node, zoneStates(nodes))).toBe('taint')
    expect(zoneKey(nodes[0] as Node)).toBe(':\x00:x')
    expect(zoneKey(node('k', 'True'))).toBe('')
  })
})
