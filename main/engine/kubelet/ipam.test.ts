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

describe('host-local IPAM after a wrap', () => {
  it('skips an address still in use when the round-robin comes back to it', () => {
    const state = new NodeState(openClusterFile(':memory:').db)
    const given = Array.from({ length: 253 }, () => allocateIp(state, 'w', '10.244.1.0/24'))
    expect(given[0]).toBe('10.244.1.2')
    expect(given[252]).toBe('10.244.1.254')
    releaseIp(state, 'w', '10.244.1.3')
    releaseIp(state, 'w', '10.244.1.7')
    // .2 is still in use: the next address after .254 that is free is .3, then .7
    expect(allocateIp(state, 'w', '10.244.1.0/24')).toBe('10.244.1.3')
    expect(allocateIp(state, 'w', '10.244.1.0/24')).toBe('10.244.1.7')
    expect(() => allocateIp(state, 'w', '10.244.1.0/24')).toThrow(/no pod addresses left/)
  })
})
