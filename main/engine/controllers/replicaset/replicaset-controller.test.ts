// Scenarios on the manual clock (kubernetes v1.32 pkg/controller/replicaset/replica_set.go; k8s-behaviour.md §6):
// a ReplicaSet keeps its replicas, replaces deleted pods, scales down by rank, adopts and releases by labels,
// reports its status and conditions, and names its pods from the seed.
import { describe, expect, it } from 'vitest'
import type { ReplicaSet } from '../../api/apps/types'
import type { CoreEvent } from '../../api/events/types'
import type { Pod } from '../../api/pods/types'
import type { Engine } from '../../engine'
import { openCluster } from '../../open-cluster'
import { tmpFile } from '../../testing/cluster'
import { POD_DELETION_COST } from '../../controller/active-pods-ranking'

const ALPHANUMS = '[bcdfghjklmnpqrstvwxz2456789]'

function manifest(replicas = 3, extra: Record<string, unknown> = {}, templateSpec: Record<string, unknown> = {}) {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }], ...templateSpec } },
      ...extra,
    },
  }
}

const open = (seed?: string) => openCluster(tmpFile(), { mode: 'manual', ...(seed ? { seed } : {}) })
const rsOf = (engine: Engine) => engine.get('replicasets', 'default', 'web') as ReplicaSet
const podsOf = (engine: Engine) => (engine.list('pods', 'default').items as Pod[]).filter((p) => p.metadata.ownerReferences?.some((r) => r.name === 'web'))
const names = (pods: Pod[]) => pods.map((p) => p.metadata.name ?? '').sort()
const rsEvents = (engine: Engine) =>
  (engine.list('events', 'default').items as CoreEvent[])
    .filter((e) => e.involvedObject?.kind === 'ReplicaSet')
    .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
    .map((e) => `${e.type} ${e.reason} ${e.message}`)

describe('the ReplicaSet controller', () => {
  it('brings a 3-replica set to 3 Running pods named <rs>-<5 chars>, owned by it, with SuccessfulCreate events and the status', () => {
    const engine = open()
    const rs = engine.create(manifest()) as ReplicaSet
    expect(podsOf(engine)).toHaveLength(3)
    engine.advance(30_000)
    const pods = podsOf(engine)
    expect(pods.map((p) => p.status?.phase)).toEqual(['Running', 'Running', 'Running'])
    for (const p of pods) {
      expect(p.metadata.name).toMatch(new RegExp(`^web-${ALPHANUMS}{5}$`))
      expect(p.metadata.generateName).toBe('web-')
      expect(p.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }])
    }
    expect(rsEvents(engine).sort()).toEqual(pods.map((p) => `Normal SuccessfulCreate Created pod: ${p.metadata.name}`).sort())
    expect(rsOf(engine).status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 })
    expect(engine.table('replicasets', 'default').rows[0]?.cells.slice(0, 4)).toEqual(['web', 3, 3, 3])
    engine.close()
  })

  it('replaces a deleted pod with a new one: new name, uid and IP, scheduled afresh', () => {
    const engine = open()
    engine.create(manifest())
    engine.advance(30_000)
    const [victim] = podsOf(engine)
    engine.delete('pods', 'default', victim?.metadata.name ?? '')
    const replacement = podsOf(engine).find((p) => !p.metadata.deletionTimestamp && p.metadata.creationTimestamp !== victim?.metadata.creationTimestamp)
    expect(replacement).toBeDefined()
    expect(replacement?.metadata.name).not.toBe(victim?.metadata.name)
    expect(replacement?.metadata.uid).not.toBe(victim?.metadata.uid)
    expect(replacement?.spec.nodeName).toBeTruthy()
    engine.advance(60_000)
    const after = podsOf(engine)
    expect(after).toHaveLength(3)
    expect(names(after)).not.toContain(victim?.metadata.name)
    const running = after.find((p) => p.metadata.uid === replacement?.metadata.uid)
    expect(running?.status?.phase).toBe('Running')
    expect(running?.status?.podIP).not.toBe(victim?.status?.podIP)
    engine.close()
  })

  it('scaling 3 -> 1 deletes the pods with the lowest pod-deletion-cost first and records SuccessfulDelete', () => {
    const engine = open()
    engine.create(manifest())
    engine.advance(30_000)
    const pods = podsOf(engine)
    const costs = ['100', '-5', '7']
    pods.forEach((p, i) => engine.patch('pods', 'default', p.metadata.name ?? '', 'merge', { metadata: { annotations: { [POD_DELETION_COST]: costs[i] } } }))
    const rs = rsOf(engine)
    engine.update({ ...rs, spec: { ...rs.spec, replicas: 1 } })
    const deleted = [pods[1], pods[2]].map((p) => p?.metadata.name)
    expect(rsEvents(engine).slice(-2)).toEqual(deleted.map((n) => `Normal SuccessfulDelete Deleted pod: ${n}`))
    engine.advance(60_000)
    expect(names(podsOf(engine))).toEqual([pods[0]?.metadata.name])
    expect(rsOf(engine).status).toMatchObject({ replicas: 1, readyReplicas: 1, observedGeneration: 2 })
    engine.close()
  })

  it('scaling down deletes an unscheduled or not-ready pod before a ready one', () => {
    const engine = open()
    engine.create(manifest(2))
    engine.advance(30_000)
    const ready = podsOf(engine)
    const rs = rsOf(engine)
    engine.update({ ...rs, spec: { ...rs.spec, replicas: 3 } })
    const fresh = podsOf(engine).find((p) => !ready.some((r) => r.metadata.uid === p.metadata.uid))
    engine.update({ ...rsOf(engine), spec: { ...rs.spec, replicas: 2 } })
    expect(rsEvents(engine).at(-1)).toBe(`Normal SuccessfulDelete Deleted pod: ${fresh?.metadata.name}`)
    engine.close()
  })

  it('adopts a matching orphan instead of creating a pod for it, and releases a pod whose labels stop matching', () => {
    const engine = open()
    engine.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'orphan', labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } })
    const rs = engine.create(manifest()) as ReplicaSet
    expect(podsOf(engine)).toHaveLength(3)
    expect((engine.get('pods', 'default', 'orphan') as Pod).metadata.ownerReferences?.[0]?.uid).toBe(rs.metadata.uid)
    expect(rsEvents(engine).filter((e) => e.includes('SuccessfulCreate'))).toHaveLength(2)

    engine.patch('pods', 'default', 'orphan', 'merge', { metadata: { labels: { app: 'other' } } })
    expect((engine.get('pods', 'default', 'orphan') as Pod).metadata.ownerReferences ?? []).toEqual([])
    expect(podsOf(engine).filter((p) => p.metadata.name !== 'orphan')).toHaveLength(3)
    engine.close()
  })

  it('a pod relabelled away from one set is released by it, then adopted by the set it now matches (orphans enqueue every matching set)', () => {
    const engine = open()
    // "db" can never make its own pods (a pod may not have nodeName and scheduling gates): any pod it owns was adopted.
    const db = manifest(2, { selector: { matchLabels: { app: 'db' } } }, { nodeName: 'podlab-worker', schedulingGates: [{ name: 'wait' }] })
    db.metadata.name = 'db'
    db.spec.template.metadata.labels = { app: 'db' }
    engine.create(manifest(2))
    const dbSet = engine.create(db) as ReplicaSet
    const [moved] = podsOf(engine)
    engine.patch('pods', 'default', moved?.metadata.name ?? '', 'merge', { metadata: { labels: { app: 'db' } } })
    const after = engine.get('pods', 'default', moved?.metadata.name ?? '') as Pod
    expect(after.metadata.ownerReferences?.filter((r) => r.controller).map((r) => r.uid)).toEqual([dbSet.metadata.uid])
    expect((engine.get('replicasets', 'default', 'db') as ReplicaSet).status?.replicas).toBe(1)
    expect(podsOf(engine).filter((p) => p.metadata.ownerReferences?.some((r) => r.name === 'web' && r.controller))).toHaveLength(2)
    engine.close()
  })

  it('counts fullyLabeledReplicas against the template labels: a label added to the template lowers it, not replicas', () => {
    const engine = open()
    engine.create(manifest())
    const rs = rsOf(engine)
    const template = { ...rs.spec.template, metadata: { labels: { app: 'web', tier: 'front' } } }
    engine.update({ ...rs, spec: { ...rs.spec, template } })
    expect(rsOf(engine).status).toMatchObject({ replicas: 3, observedGeneration: 2 })
    expect(rsOf(engine).status?.fullyLabeledReplicas).toBeUndefined()
    expect(podsOf(engine)).toHaveLength(3)
    engine.close()
  })

  it('counts a pod available only minReadySeconds after Ready, looking again on the virtual clock', () => {
    const engine = open()
    engine.create(manifest(1, { minReadySeconds: 20 }))
    for (let i = 0; i < 60 && !rsOf(engine).status?.readyReplicas; i++) engine.advance(1_000)
    expect(rsOf(engine).status).toMatchObject({ replicas: 1, readyReplicas: 1 })
    expect(rsOf(engine).status?.availableReplicas).toBeUndefined()
    engine.advance(19_000)
    expect(rsOf(engine).status?.availableReplicas).toBeUndefined()
    engine.advance(3_000)
    expect(rsOf(engine).status?.availableReplicas).toBe(1)
    engine.close()
  })

  it('sets ReplicaFailure FailedCreate with the error, tries one pod per sync (slow start), and removes it once pods can be made', () => {
    const engine = open()
    // A template is valid with nodeName and scheduling gates; a pod is not (ValidatePodCreate).
    engine.create(manifest(3, {}, { nodeName: 'podlab-worker', schedulingGates: [{ name: 'wait' }] }))
    const status = rsOf(engine).status
    expect(status?.replicas).toBe(0)
    expect(status?.conditions).toHaveLength(1)
    const condition = status?.conditions?.[0]
    expect(condition).toMatchObject({ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', lastTransitionTime: '2025-01-01T00:00:00Z' })
    expect(condition?.message).toMatch(new RegExp(`^Pod "web-${ALPHANUMS}{5}" is invalid: spec.nodeName: Forbidden: cannot be set until all schedulingGates have been cleared$`))
    // One attempt per sync (the first slow-start batch is 1 pod): the failing sync, and the one its status write
    // queued, as upstream's work queue re-adds a key updated while it syncs.
    const events = rsEvents(engine)
    expect(events).toHaveLength(2)
    expect(events[0]).toBe(`Warning FailedCreate Error creating: ${condition?.message}`)
    expect(events[1]).toMatch(/^Warning FailedCreate Error creating: Pod "web-/)

    const rs = rsOf(engine)
    const { nodeName: _n, schedulingGates: _g, ...spec } = rs.spec.template.spec
    engine.update({ ...rs, spec: { ...rs.spec, template: { ...rs.spec.template, spec } } })
    engine.advance(1_000)
    expect(rsOf(engine).status?.conditions).toBeUndefined()
    expect(podsOf(engine)).toHaveLength(3)
    engine.close()
  })

  it('gives the same pod names for the same seed (determinism)', () => {
    const run = (seed: string) => {
      const engine = open(seed)
      engine.create(manifest())
      engine.advance(30_000)
      engine.delete('pods', 'default', names(podsOf(engine))[0] ?? '')
      engine.advance(30_000)
      const result = names(podsOf(engine))
      engine.close()
      return result
    }
    expect(run('42')).toEqual(run('42'))
    expect(run('42')).not.toEqual(run('43'))
  })
})
