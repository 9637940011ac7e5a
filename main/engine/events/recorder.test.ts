import { describe, expect, it } from 'vitest'
import { isApiError } from '../api/errors'
import { Client } from '../client/client'
import { bareWorld } from '../testing/bare-world'
import { EventRecorder } from './recorder'

describe('the event recorder', () => {
  it('drops an event the API server rejects (a namespace being terminated) instead of failing the recording component', () => {
    const world = bareWorld()
    const client = new Client(world)
    client.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } })
    client.delete('namespaces', undefined, 'team')
    const on = { apiVersion: 'v1', kind: 'Pod', name: 'web', namespace: 'team', uid: 'u-1' }
    expect(() => new EventRecorder(world).legacy(on, 'Normal', 'Killing', 'Stopping container c', { component: 'kubelet' })).not.toThrow()
    expect(world.store.list('events', 'team')).toEqual([])
    // The namespace is there and terminating: the API server refuses the same event with Forbidden.
    const direct = { apiVersion: 'v1', kind: 'Event', metadata: { name: 'web.1', namespace: 'team' }, involvedObject: on, reason: 'Killing', message: 'x', type: 'Normal' }
    let refused: unknown
    try {
      client.create(direct)
    } catch (e) {
      refused = e
    }
    expect(isApiError(refused) && refused.reason).toBe('Forbidden')
  })
})
