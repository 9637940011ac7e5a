// Facts from kubernetes v1.32 pkg/controller/controller_ref_manager.go (ClaimObject, AdoptPod, ReleasePod,
// RecheckDeletionTimestamp) and the cases of controller_ref_manager_test.go TestClaimPods.
import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../kube'
import type { ReplicaSet } from '../api/apps/types'
import type { Pod } from '../api/pods/types'
import { Client } from '../client/client'
import { selectorFromLabelSelector } from '../labels'
import { bareWorld } from '../testing/bare-world'
import type { World } from '../world'
import { controllerOf } from './controller-ref'
import { ClaimFailed, ControllerRefManager, recheckOwner } from './controller-ref-manager'

const rsBody = (name = 'web') => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name, namespace: 'default', labels: { app: 'web' } },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
  },
})

function setup(): { world: World; client: Client; rs: ReplicaSet; pod: (name: string, labels?: Record<string, string>, owner?: KubeObject) => Pod } {
  const world = bareWorld()
  const client = new Client(world)
  const rs = client.create(rsBody() as ReplicaSet)
  const pod = (name: string, labels: Record<string, string> = { app: 'web' }, owner?: KubeObject) =>
    client.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        namespace: 'default',
        labels,
        ...(owner ? { ownerReferences: [{ apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name ?? '', uid: owner.metadata.uid ?? '', controller: true }] } : {}),
      },
      spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
    } as Pod)
  return { world, client, rs, pod }
}

const manager = (world: World, rs: ReplicaSet) =>
  new ControllerRefManager(world, rs, { selector: selectorFromLabelSelector(rs.spec.selector), canAdopt: recheckOwner(world, 'replicasets', rs) })
const stored = (world: World, name: string) => world.store.get('pods', 'default', name) as Pod

describe('ControllerRefManager.claim (ClaimPods)', () => {
  it('adopts a matching orphan with a controller reference that blocks owner deletion', () => {
    const { world, rs, pod } = setup()
    const claimed = manager(world, rs).claim('pods', [pod('a')])
    expect(claimed.map((p) => p.metadata.name)).toEqual(['a'])
    expect(stored(world, 'a').metadata.ownerReferences).toEqual([
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true },
    ])
  })

  it('leaves an orphan whose labels do not match, and a terminating orphan', () => {
    const { world, client, rs, pod } = setup()
    const other = pod('other', { app: 'db' })
    pod('dying')
    client.bind('default', 'dying', 'podlab-worker')
    const terminating = client.delete('pods', 'default', 'dying') as Pod
    expect(terminating.metadata.deletionTimestamp).toBeDefined()
    expect(manager(world, rs).claim('pods', [other, terminating])).toEqual([])
    expect(stored(world, 'other').metadata.ownerReferences).toBeUndefined()
    expect(stored(world, 'dying').metadata.ownerReferences).toBeUndefined()
  })

  it('ignores pods another controller owns, even when they match', () => {
    const { world, client, rs, pod } = setup()
    const otherRs = client.create(rsBody('other') as ReplicaSet)
    const owned = pod('a', { app: 'web' }, otherRs)
    expect(manager(world, rs).claim('pods', [owned])).toEqual([])
    expect(controllerOf(stored(world, 'a'))?.name).toBe('other')
  })

  it('keeps what it owns and still matches; releases what it owns and no longer matches by patching its reference away', () => {
    const { world, rs, pod } = setup()
    const mine = pod('mine', { app: 'web' }, rs)
    const strayed = pod('strayed', { app: 'db' }, rs)
    expect(manager(world, rs).claim('pods', [mine, strayed]).map((p) => p.metadata.name)).toEqual(['mine'])
    expect(controllerOf(stored(world, 'mine'))?.uid).toBe(rs.metadata.uid)
    expect(stored(world, 'strayed').metadata.ownerReferences ?? []).toEqual([])
  })

  it('an owner being deleted neither adopts nor releases', () => {
    const { world, rs, pod } = setup()
    const deleting = { ...rs, metadata: { ...rs.metadata, deletionTimestamp: '2025-01-01T00:00:00Z' } }
    const orphan = pod('orphan')
    const strayed = pod('strayed', { app: 'db' }, rs)
    expect(manager(world, deleting).claim('pods', [orphan, strayed])).toEqual([])
    expect(stored(world, 'orphan').metadata.ownerReferences).toBeUndefined()
    expect(stored(world, 'strayed').metadata.ownerReferences).toHaveLength(1)
  })

  it('refuses to adopt when the uncached read finds the owner recreated (another uid), with upstream\'s message', () => {
    const { world, client, rs, pod } = setup()
    const orphan = pod('a')
    client.delete('replicasets', 'default', 'web')
    const recreated = client.create(rsBody() as ReplicaSet)
    let error: unknown
    try {
      manager(world, rs).claim('pods', [orphan])
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ClaimFailed)
    expect((error as Error).message).toBe(
      `can't adopt Pod default/a (${orphan.metadata.uid}): can't recheck DeletionTimestamp: original ReplicaSet default/web is gone: got uid ${recreated.metadata.uid}, wanted ${rs.metadata.uid}`,
    )
    expect(stored(world, 'a').metadata.ownerReferences).toBeUndefined()
  })

  it('claims objects of any kind: a Deployment-like owner adopts a matching ReplicaSet', () => {
    const { world } = setup()
    const owner = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', uid: 'd-uid' } } as KubeObject
    const rs = world.store.get('replicasets', 'default', 'web') as ReplicaSet
    const claimed = new ControllerRefManager(world, owner, { selector: selectorFromLabelSelector({ matchLabels: { app: 'web' } }) }).claim('replicasets', [rs])
    expect(claimed).toHaveLength(1)
    expect(controllerOf(world.store.get('replicasets', 'default', 'web') as KubeObject)).toEqual({
      apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd-uid', controller: true, blockOwnerDeletion: true,
    })
  })
})
