import { describe, expect, it } from 'vitest'
import type { Pod } from '../../api/pods/types'
import type { Engine } from '../../engine'
import { thrownApiError as thrown } from '../../api/patch/testing/thrown'
import { openCluster } from '../../open-cluster'
import type { Namespace } from '../../resources/namespaces'
import { tmpFile } from '../../testing/cluster'
import { fingerprint } from '../../testing/fingerprint'

const nginx = (name: string, namespace = 'team') => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace }, spec: { containers: [{ name: 'c', image: 'nginx' }] } })
const sleeper = (name: string, grace: number, namespace = 'team') => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace },
  spec: { terminationGracePeriodSeconds: grace, containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }] },
})

const ns = (engine: Engine, name = 'team') => engine.list('namespaces').items.find((n) => n.metadata.name === name) as Namespace | undefined

function withTeam(): Engine {
  const engine = openCluster(tmpFile(), { mode: 'manual' })
  engine.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } })
  return engine
}

describe('namespaces', () => {
  it('a user creates one: spec.finalizers [kubernetes], phase Active, the name label', () => {
    const engine = withTeam()
    const team = ns(engine)
    expect(team?.spec).toEqual({ finalizers: ['kubernetes'] })
    expect(team?.status).toEqual({ phase: 'Active' })
    expect(team?.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'team' })
    engine.close()
  })

  it('the system namespaces default, kube-system and kube-public cannot be deleted (NamespaceLifecycle); kube-node-lease can', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    for (const name of ['default', 'kube-system', 'kube-public']) {
      const e = thrown(() => engine.delete('namespaces', undefined, name))
      expect([e.reason, e.code, e.message]).toEqual(['Forbidden', 403, `namespaces "${name}" is forbidden: this namespace may not be deleted`])
    }
    expect(engine.delete('namespaces', undefined, 'kube-node-lease').status).toMatchObject({ phase: 'Terminating' })
    engine.close()
  })

  it('a namespace with pods goes Terminating, refuses new content, waits for its pods to terminate gracefully, then disappears', () => {
    const engine = withTeam()
    engine.create(nginx('web'))
    engine.create(sleeper('slow', 40))
    engine.advance(10_000)
    const deleted = engine.delete('namespaces', undefined, 'team') as Namespace
    expect(deleted.metadata.deletionTimestamp).toBe('2025-01-01T00:00:10Z')
    expect(deleted.status?.phase).toBe('Terminating')

    const refused = thrown(() => engine.create(nginx('late')))
    expect([refused.reason, refused.message]).toEqual(['Forbidden', 'pods "late" is forbidden: unable to create new content in namespace team because it is being terminated'])
    expect(refused.details.causes).toEqual([{ reason: 'NamespaceTerminating', message: 'namespace team is being terminated', field: 'metadata.namespace' }])
    expect(thrown(() => engine.create({ ...nginx(''), metadata: { generateName: 'late-', namespace: 'team' } })).message).toBe(
      'pods "late-" is forbidden: unable to create new content in namespace team because it is being terminated',
    )

    // The controller deleted the pods (gracefully) and says what remains.
    const pods = engine.list('pods', 'team').items as Pod[]
    expect(pods.map((p) => [p.metadata.name, p.metadata.deletionGracePeriodSeconds])).toEqual([
      ['slow', 40],
      ['web', 30],
    ])
    const remaining = ns(engine)?.status?.conditions?.find((c) => c.type === 'NamespaceContentRemaining')
    expect(remaining).toMatchObject({ status: 'True', reason: 'SomeResourcesRemain', message: 'Some resources are remaining: pods. has 2 resource instances' })
    expect(ns(engine)?.status?.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual([
      'NamespaceDeletionDiscoveryFailure=False',
      'NamespaceDeletionGroupVersionParsingFailure=False',
      'NamespaceDeletionContentFailure=False',
      'NamespaceContentRemaining=True',
      'NamespaceFinalizersRemaining=False',
    ])

    engine.advance(30_000)
    expect(ns(engine)?.status?.phase).toBe('Terminating')
    expect(engine.list('pods', 'team').items.map((p) => p.metadata.name)).toEqual(['slow'])
    engine.advance(60_000)
    expect(engine.list('pods', 'team').items).toEqual([])
    expect(ns(engine)).toBeUndefined()
    engine.close()
  })

  it('an empty namespace goes at once, its objects of every namespaced kind (events too) with it', () => {
    const engine = withTeam()
    engine.delete('namespaces', undefined, 'team')
    expect(ns(engine)).toBeUndefined()
    engine.close()
  })

  it('the same seed and the same commands give the same history, byte for byte (cascades and a namespace deletion)', () => {
    const run = () => {
      const path = tmpFile()
      const engine = openCluster(path, { mode: 'manual', seed: '7' })
      engine.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } })
      const owner = engine.create({ ...nginx(''), metadata: { generateName: 'owner-', namespace: 'team' } })
      const ref = { apiVersion: 'v1', kind: 'Pod', name: owner.metadata.name ?? '', uid: owner.metadata.uid ?? '', controller: true, blockOwnerDeletion: true }
      for (let i = 0; i < 3; i++) engine.create({ ...nginx(''), metadata: { generateName: 'dep-', namespace: 'team', ownerReferences: [ref] } })
      engine.advance(10_000)
      engine.delete('pods', 'team', owner.metadata.name ?? '', { propagationPolicy: 'Foreground' })
      engine.advance(20_000)
      engine.create(nginx('web'))
      engine.advance(5_000)
      engine.delete('namespaces', undefined, 'team')
      engine.advance(60_000)
      engine.close()
      return fingerprint(path)
    }
    expect(run()).toBe(run())
  })
})
