// The garbage collector with pods owning pods (kind-agnostic: it reads ownerReferences through the registry).
// Owners are left unscheduled (a nodeSelector no node has) so that their own deletion is immediate; dependents
// run and terminate gracefully.

import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { KubeObject, OwnerReference } from '../../../kube'
import type { Pod } from '../../api/pods/types'
import type { Engine } from '../../engine'
import { openCluster } from '../../open-cluster'
import { eventsFor, tmpFile } from '../../testing/cluster'

const OWNER_SPEC = { nodeSelector: { 'podlab.test/nowhere': 'true' }, containers: [{ name: 'c', image: 'nginx' }] }
/** busybox `sleep` as PID 1 ignores SIGTERM: the pod stays Terminating for its whole grace period. */
const slowSpec = (grace: number) => ({ terminationGracePeriodSeconds: grace, containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }] })

function cluster(): Engine {
  return openCluster(tmpFile(), { mode: 'manual' })
}

function owner(engine: Engine, name = 'owner', namespace = 'default'): Pod {
  return engine.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace }, spec: OWNER_SPEC }) as Pod
}

function refTo(o: KubeObject, extra: Partial<OwnerReference> = {}): OwnerReference {
  return { apiVersion: 'v1', kind: 'Pod', name: o.metadata.name ?? '', uid: o.metadata.uid ?? '', controller: true, blockOwnerDeletion: true, ...extra }
}

function dependent(engine: Engine, name: string, refs: OwnerReference[], spec: object = { containers: [{ name: 'c', image: 'nginx' }] }, namespace = 'default'): Pod {
  return engine.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, ownerReferences: refs }, spec }) as Pod
}

const find = (engine: Engine, name: string, namespace = 'default') => engine.list('pods', namespace).items.find((p) => p.metadata.name === name) as Pod | undefined
const names = (engine: Engine, namespace = 'default') => engine.list('pods', namespace).items.map((p) => p.metadata.name).sort()

describe('the garbage collector', () => {
  it('background (the default): the owner goes at once, then its dependents are deleted, each through graceful termination', () => {
    const engine = cluster()
    const o = owner(engine)
    dependent(engine, 'dep-1', [refTo(o)])
    dependent(engine, 'dep-2', [refTo(o)])
    engine.advance(10_000)
    expect(find(engine, 'dep-1')?.status?.phase).toBe('Running')
    engine.delete('pods', 'default', 'owner')
    expect(find(engine, 'owner')).toBeUndefined()
    // Deleted gracefully: Terminating with the pod's grace period, not removed.
    expect(find(engine, 'dep-1')?.metadata.deletionGracePeriodSeconds).toBe(30)
    expect(find(engine, 'dep-2')?.metadata.deletionTimestamp).toBe('2025-01-01T00:00:40Z')
    engine.advance(5_000)
    expect(names(engine)).toEqual([])
    engine.close()
  })

  it('foreground: the owner stays (deletionTimestamp, foregroundDeletion) until its blocking dependents are gone, then goes', () => {
    const engine = cluster()
    const o = owner(engine)
    dependent(engine, 'dep-slow', [refTo(o)], slowSpec(60))
    engine.advance(10_000)
    const marked = engine.delete('pods', 'default', 'owner', { propagationPolicy: 'Foreground' })
    expect(marked.metadata.finalizers).toEqual(['foregroundDeletion'])
    expect(find(engine, 'dep-slow')?.metadata.deletionTimestamp).toBe('2025-01-01T00:01:10Z')
    engine.advance(59_000)
    expect(find(engine, 'owner')?.metadata.finalizers).toEqual(['foregroundDeletion'])
    engine.advance(3_000)
    expect(find(engine, 'dep-slow')).toBeUndefined()
    expect(find(engine, 'owner')).toBeUndefined()
    engine.close()
  })

  it('foreground: a dependent with blockOwnerDeletion=false does not hold the owner, and is deleted after it', () => {
    const engine = cluster()
    const o = owner(engine)
    dependent(engine, 'free', [refTo(o, { blockOwnerDeletion: false })], slowSpec(60))
    engine.advance(10_000)
    engine.delete('pods', 'default', 'owner', { propagationPolicy: 'Foreground' })
    expect(find(engine, 'owner')).toBeUndefined()
    expect(find(engine, 'free')?.metadata.deletionTimestamp).toBeTruthy()
    engine.close()
  })

  it('orphan: the dependents lose their reference to the owner and keep running; the owner goes', () => {
    const engine = cluster()
    const o = owner(engine)
    dependent(engine, 'dep-1', [refTo(o)])
    engine.advance(10_000)
    engine.delete('pods', 'default', 'owner', { propagationPolicy: 'Orphan' })
    engine.advance(30_000)
    expect(find(engine, 'owner')).toBeUndefined()
    const orphan = find(engine, 'dep-1')
    expect(orphan?.metadata.ownerReferences).toBeUndefined()
    expect(orphan?.metadata.deletionTimestamp).toBeUndefined()
    expect(orphan?.status?.phase).toBe('Running')
    engine.close()
  })

  it('a dependent adopted by a new owner is not deleted when its first owner goes: only the reference to the gone owner is removed', () => {
    const engine = cluster()
    const first = owner(engine, 'first')
    const second = owner(engine, 'second')
    dependent(engine, 'dep', [refTo(first), refTo(second, { controller: false })])
    engine.delete('pods', 'default', 'first')
    engine.advance(30_000)
    const dep = find(engine, 'dep')
    expect(dep?.metadata.deletionTimestamp).toBeUndefined()
    expect(dep?.metadata.ownerReferences?.map((r) => r.name)).toEqual(['second'])
    engine.close()
  })

  it('owners are verified by uid: a dependent of a replaced owner (same name, new uid) is deleted', () => {
    const engine = cluster()
    const o = owner(engine)
    engine.delete('pods', 'default', 'owner')
    owner(engine)
    dependent(engine, 'dep', [refTo(o)])
    expect(find(engine, 'dep')).toBeUndefined()
    expect(find(engine, 'owner')).toBeDefined()
    engine.close()
  })

  it('a dependent created naming an owner that never existed is deleted', () => {
    const engine = cluster()
    dependent(engine, 'dep', [{ apiVersion: 'v1', kind: 'Pod', name: 'ghost', uid: 'a0000000-0000-4000-8000-000000000000' }])
    expect(find(engine, 'dep')).toBeUndefined()
    engine.close()
  })

  it("an owner reference to a kind the server does not serve keeps the dependent, with no retry left stored (Podlab's kinds are fixed per build; kind's DaemonSet-owned pods)", () => {
    const path = tmpFile()
    const engine = openCluster(path, { mode: 'manual' })
    dependent(engine, 'dep', [{ apiVersion: 'podlab.test/v1', kind: 'Widget', name: 'w', uid: 'a0000000-0000-4000-8000-000000000000' }])
    engine.advance(60_000)
    expect(find(engine, 'dep')?.metadata.deletionTimestamp).toBeUndefined()
    engine.close()
    const db = new Database(path, { readonly: true })
    expect(db.prepare("SELECT count(*) FROM timers WHERE queue = 'garbage-collector'").pluck().get()).toBe(0)
    db.close()
  })

  it('an owner reference to an object of another namespace: event OwnerRefInvalidNamespace, and the dependent is deleted (its owner is not in its namespace)', () => {
    const engine = cluster()
    engine.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'other' } })
    const o = owner(engine, 'owner', 'other')
    dependent(engine, 'dep', [refTo(o)])
    const event = eventsFor(engine, 'dep').find((e) => e.reason === 'OwnerRefInvalidNamespace')
    expect(event?.message).toBe(`ownerRef [v1/Pod, namespace: default, name: owner, uid: ${o.metadata.uid}] does not exist in namespace "default"`)
    expect(event?.type).toBe('Warning')
    expect(find(engine, 'dep')).toBeUndefined()
    expect(find(engine, 'owner', 'other')).toBeDefined()
    engine.close()
  })
})
