import { describe, expect, it } from 'vitest'
import type { Deployment, ReplicaSet } from '../../api/apps/types'
import { lastRevision, maxRevision, MAX_REPLICAS_ANNOTATION, REVISION_ANNOTATION, REVISION_HISTORY_ANNOTATION, setNewReplicaSetAnnotations, setReplicasAnnotations } from './annotations'
import { newDeploymentCondition, setDeploymentCondition } from './conditions'
import { computeHash, fnv32a, safeEncodeString } from './hash'
import { deploymentTimedOut, findActiveOrLatest, isSaturated, maxSurge, maxUnavailable, newRSNewReplicas, resolveFenceposts } from './replicas'
import { proportionalScale } from './scale'

function deployment(replicas: number, rolling: { maxSurge?: number | string; maxUnavailable?: number | string } | 'Recreate' = { maxSurge: 0, maxUnavailable: 0 }): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'foo', namespace: 'default', generation: 1 },
    spec: {
      replicas,
      selector: { matchLabels: { foo: 'bar' } },
      template: { metadata: { labels: { foo: 'bar' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
      strategy: rolling === 'Recreate' ? { type: 'Recreate' } : { type: 'RollingUpdate', rollingUpdate: rolling },
      progressDeadlineSeconds: 600,
    },
  }
}

function rs(name: string, replicas: number, createdSec: number, annotations?: Record<string, string>): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, creationTimestamp: new Date(Date.UTC(2025, 0, 1, 0, 0, createdSec)).toISOString().replace('.000', ''), annotations },
    spec: { replicas, selector: { matchLabels: { foo: 'bar' } }, template: { metadata: { labels: { foo: 'bar' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
  }
}

describe('ResolveFenceposts (TestResolveFenceposts): surge rounds up, unavailable down, both 0 -> unavailable 1', () => {
  it.each([
    ['0%', '0%', 0, 0, 1],
    ['39%', '39%', 10, 4, 3],
    [undefined, '39%', 10, 0, 3],
    ['39%', undefined, 10, 4, 0],
    [undefined, undefined, 10, 0, 1],
    ['25%', '25%', 3, 1, 0],
    ['25%', '25%', 4, 1, 1],
    ['25%', '25%', 1, 1, 0],
  ])('maxSurge %s maxUnavailable %s of %i -> surge %i, unavailable %i', (s, u, desired, surge, unavailable) => {
    expect(resolveFenceposts(s, u, desired)).toEqual([surge, unavailable])
  })
  it.each([['oops', '39%'], ['55%', 'urg']])('%s / %s is an error', (s, u) => {
    expect(() => resolveFenceposts(s, u, 10)).toThrow('invalid value for IntOrString')
  })
})

describe('MaxUnavailable (TestMaxUnavailable): never above replicas, 0 without replicas', () => {
  it.each([
    [10, 5, 5], [10, 10, 10], [5, 10, 5], [0, 10, 0], [10, '50%', 5], [10, '100%', 10], [5, '100%', 5],
  ])('replicas %i maxUnavailable %s -> %i', (replicas, u, want) => {
    expect(maxUnavailable(deployment(replicas, { maxSurge: 1, maxUnavailable: u }))).toBe(want)
  })
  it('Recreate has neither surge nor unavailability', () => {
    expect([maxSurge(deployment(3, 'Recreate')), maxUnavailable(deployment(3, 'Recreate'))]).toEqual([0, 0])
  })
})

describe('NewRSNewReplicas (TestNewRSNewReplicas)', () => {
  it.each([
    ['can not scale up - to newRSReplicas', 'RollingUpdate', 1, 5, 1, 5],
    ['scale up - to depReplicas', 'RollingUpdate', 6, 2, 10, 6],
    ['recreate - to depReplicas', 'Recreate', 3, 1, 1, 3],
  ] as const)('%s', (_name, type, depReplicas, newRSReplicas, surge, want) => {
    const d = deployment(depReplicas, type === 'Recreate' ? 'Recreate' : { maxSurge: surge, maxUnavailable: 1 })
    expect(newRSNewReplicas(d, [rs('five', 5, 0)], rs('new', newRSReplicas, 1))).toBe(want)
  })
})

describe('proportional scaling (sync_test.go TestScale): replicas + maxSurge shared by size', () => {
  const withMax = (r: ReplicaSet, max: number) => {
    setReplicasAnnotations(r, max, max)
    return r
  }
  it.each([
    ['5 -> 10', 5, 10, [['foo-v2', 2, 10], ['foo-v1', 3, 5]], { 'foo-v2': 4, 'foo-v1': 6 }],
    ['5 -> 3', 5, 3, [['foo-v2', 2, 10], ['foo-v1', 3, 5]], { 'foo-v2': 1, 'foo-v1': 2 }],
    ['9 -> 4', 9, 4, [['foo-v2', 8, 10], ['foo-v1', 1, 5]], { 'foo-v2': 4, 'foo-v1': 0 }],
    ['7 -> 10', 7, 10, [['foo-v3', 2, 10], ['foo-v2', 3, 5], ['foo-v1', 2, 0]], { 'foo-v3': 3, 'foo-v2': 4, 'foo-v1': 3 }],
    ['13 -> 8', 13, 8, [['foo-v3', 2, 10], ['foo-v2', 8, 5], ['foo-v1', 3, 0]], { 'foo-v3': 1, 'foo-v2': 5, 'foo-v1': 2 }],
  ] as const)('%s', (_name, from, to, sets, want) => {
    const active = sets.map(([name, replicas, created]) => withMax(rs(name, replicas, created), from))
    const result = proportionalScale(deployment(to), active)
    expect(Object.fromEntries(result.sizes.map((s) => [s.rs.metadata.name, s.size]))).toEqual(want)
  })
})

describe('IsSaturated and FindActiveOrLatest', () => {
  it('saturated only with the desired-replicas annotation, spec and availability all at replicas', () => {
    const r = rs('new', 3, 0)
    expect(isSaturated(deployment(3), r)).toBe(false)
    setReplicasAnnotations(r, 3, 4)
    expect(isSaturated(deployment(3), r)).toBe(false)
    r.status = { replicas: 3, availableReplicas: 3 }
    expect(isSaturated(deployment(3), r)).toBe(true)
  })
  it('one active ReplicaSet is it; none active gives the newest; several give none', () => {
    expect(findActiveOrLatest(rs('new', 0, 5), [rs('old', 2, 1)])?.metadata.name).toBe('old')
    expect(findActiveOrLatest(undefined, [rs('a', 0, 1), rs('b', 0, 2)])?.metadata.name).toBe('b')
    expect(findActiveOrLatest(rs('new', 1, 5), [rs('old', 2, 1)])).toBeUndefined()
  })
})

describe('revisions (SetNewReplicaSetAnnotations, MaxRevision, LastRevision)', () => {
  it('a new ReplicaSet gets the revision and desired/max replicas; the Deployment annotations are copied but not kubectl last-applied', () => {
    const d = deployment(3, { maxSurge: '25%', maxUnavailable: '25%' })
    d.metadata.annotations = { team: 'a', 'kubectl.kubernetes.io/last-applied-configuration': '{}', [REVISION_ANNOTATION]: '7' }
    const r = rs('new', 0, 0)
    expect(setNewReplicaSetAnnotations(d, r, '1', false, 4)).toBe(true)
    expect(r.metadata.annotations).toEqual({ team: 'a', [REVISION_ANNOTATION]: '1', 'deployment.kubernetes.io/desired-replicas': '3', [MAX_REPLICAS_ANNOTATION]: '4' })
  })
  it('an old ReplicaSet brought back (rollback) gets the next revision and remembers its old ones in revision-history', () => {
    const d = deployment(3)
    const r = rs('old', 0, 0, { [REVISION_ANNOTATION]: '1' })
    setNewReplicaSetAnnotations(d, r, '3', true, 3)
    expect(r.metadata.annotations?.[REVISION_ANNOTATION]).toBe('3')
    expect(r.metadata.annotations?.[REVISION_HISTORY_ANNOTATION]).toBe('1')
    setNewReplicaSetAnnotations(d, r, '5', true, 3)
    expect(r.metadata.annotations?.[REVISION_HISTORY_ANNOTATION]).toBe('1,3')
    expect(setNewReplicaSetAnnotations(d, r, '4', true, 3)).toBe(false)
  })
  it('revision-history stays within its character limit, dropping the oldest', () => {
    const r = rs('old', 0, 0, { [REVISION_ANNOTATION]: '30', [REVISION_HISTORY_ANNOTATION]: '10,20' })
    setNewReplicaSetAnnotations(deployment(1), r, '40', true, 1, 6)
    expect(r.metadata.annotations?.[REVISION_HISTORY_ANNOTATION]).toBe('20,30')
  })
  it('MaxRevision and LastRevision skip unparseable revisions', () => {
    const rss = [rs('a', 0, 0, { [REVISION_ANNOTATION]: '2' }), rs('b', 0, 0, { [REVISION_ANNOTATION]: 'x' }), rs('c', 0, 0, { [REVISION_ANNOTATION]: '5' }), rs('d', 0, 0)]
    expect([maxRevision(rss), lastRevision(rss)]).toEqual([5, 2])
  })
})

describe('conditions', () => {
  it('same status and reason: left alone; same status, other reason: lastTransitionTime kept', () => {
    const status = {}
    setDeploymentCondition(status, newDeploymentCondition('Progressing', 'True', 'NewReplicaSetCreated', 'Created new replica set "x"', '2025-01-01T00:00:00Z'))
    setDeploymentCondition(status, newDeploymentCondition('Progressing', 'True', 'NewReplicaSetCreated', 'other', '2025-01-01T00:00:05Z'))
    expect(status).toEqual({ conditions: [{ type: 'Progressing', status: 'True', lastUpdateTime: '2025-01-01T00:00:00Z', lastTransitionTime: '2025-01-01T00:00:00Z', reason: 'NewReplicaSetCreated', message: 'Created new replica set "x"' }] })
    setDeploymentCondition(status, newDeploymentCondition('Progressing', 'True', 'NewReplicaSetAvailable', 'ReplicaSet "x" has successfully progressed.', '2025-01-01T00:00:09Z'))
    expect(status).toMatchObject({ conditions: [{ lastUpdateTime: '2025-01-01T00:00:09Z', lastTransitionTime: '2025-01-01T00:00:00Z', reason: 'NewReplicaSetAvailable' }] })
  })
  it('DeploymentTimedOut: the Progressing condition\'s lastUpdateTime + progressDeadlineSeconds is past', () => {
    const d = deployment(1)
    const status = { conditions: [newDeploymentCondition('Progressing', 'True', 'ReplicaSetUpdated', 'm', '2025-01-01T00:00:00Z')] }
    const t0 = Date.UTC(2025, 0, 1)
    expect(deploymentTimedOut(d, status, t0 + 600_000)).toBe(false)
    expect(deploymentTimedOut(d, status, t0 + 600_001)).toBe(true)
  })
})

describe('ComputeHash (FNV-32a, collision count, SafeEncodeString)', () => {
  it('FNV-32a test vectors', () => {
    expect(fnv32a(new Uint8Array())).toBe(0x811c9dc5)
    expect(fnv32a(new TextEncoder().encode('a'))).toBe(0xe40c292c)
    expect(fnv32a(new TextEncoder().encode('foobar'))).toBe(0xbf9cf968)
  })
  it('SafeEncodeString maps digits onto 456789bcdf (k8s-behaviour §6.1)', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf')
  })
  it('stable for equal templates whatever their key order; differs by template and by collision count', () => {
    const t = deployment(1).spec.template
    const reordered = { spec: t.spec, metadata: t.metadata }
    expect(computeHash(t)).toBe(computeHash(reordered))
    expect(computeHash(t)).toMatch(/^[456789bcdf]{1,10}$/)
    expect(computeHash({ ...t, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } })).not.toBe(computeHash(t))
    expect(computeHash(t, 1)).not.toBe(computeHash(t))
    expect(computeHash(t, 1)).not.toBe(computeHash(t, 2))
  })
})
