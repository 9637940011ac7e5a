import { describe, expect, it } from 'vitest'
import { openClusterFile } from '../store/cluster-file'
import { NodeState } from '../store/node-state'
import { allocateIp, releaseIp } from './ipam'

describe('host-local IPAM', () => {
  it('starts at .2 of the node CIDR, goes round-robin, and skips addresses in use', () => {
    const state = new NodeState(openClusterFile(':memory:').db)
    expect(allocateIp(state, 'w', '10.244.1.0/24')).toBe('10.244.1.2')
    expect(allocateIp(state, 'w', '10.244.1.0/24')).toBe('10.244.1.3')
    releaseIp(state, 'w', '10.244.1.2')
    // round-robin: the freed .2 is not handed out again before the range wraps
    expect(allocateIp(state, 'w', '10.244.1.0/24')).toBe('10.244.1.4')
    expect(allocateIp(state, 'other', '10.244.2.0/24')).toBe('10.244.2.2')
  })
})
