import { describe, expect, it } from 'vitest'
import type { Pod } from './pods/types'
import { openCluster } from '../open-cluster'
import { tmpFile } from '../testing/cluster'

describe('a running pod with a finalizer, on a whole cluster', () => {
  it("is stopped by its kubelet on delete, stays (grace 0) after the kubelet's final delete without anything rewriting it, and goes when its finalizer is removed", () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    engine.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', finalizers: ['podlab.test/hold'] }, spec: { containers: [{ name: 'c', image: 'nginx' }] } })
    engine.advance(30_000)
    engine.delete('pods', 'default', 'web')
    engine.advance(60_000)
    const held = engine.get('pods', 'default', 'web') as Pod
    expect(held.metadata.deletionGracePeriodSeconds).toBe(0)
    const rv = held.metadata.resourceVersion
    engine.advance(600_000)
    // Nothing keeps writing it: an update that changes nothing is not stored (no new resourceVersion to react to).
    expect(engine.get('pods', 'default', 'web').metadata.resourceVersion).toBe(rv)
    engine.update({ ...held, metadata: { ...held.metadata, finalizers: [] } })
    expect(engine.list('pods', 'default').items).toEqual([])
    engine.close()
  })
})
