import { describe, expect, it } from 'vitest'
import type { Deployment, ReplicaSet } from '../../api/apps/types'
import type { Pod } from '../../api/pods/types'
import type { Engine } from '../../engine'
import { openCluster } from '../../open-cluster'
import { eventsFor, tmpFile } from '../../testing/cluster'

const web = (replicas = 3, image = 'nginx', extra: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image }] } }, ...extra },
})

const deployment = (e: Engine) => e.get('deployments', 'default', 'web') as Deployment
const replicaSets = (e: Engine) => e.list('replicasets', 'default').items as ReplicaSet[]
const livePods = (e: Engine) => (e.list('pods', 'default').items as Pod[]).filter((p) => !p.metadata.deletionTimestamp)
const readyPods = (e: Engine) => livePods(e).filter((p) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'))
const setImage = (e: Engine, image: string) => e.patch('deployments', 'default', 'web', 'strategic', { spec: { template: { spec: { containers: [{ name: 'nginx', image }] } } } })
const scenario = () => openCluster(tmpFile(), { mode: 'manual' })
const row = (e: Engine) => e.table('deployments', 'default', { wide: false }).rows[0]?.cells.slice(0, 4)

/** Advances 1 s at a time until `done` (at most `maxS` seconds), calling `each` after every step. */
function advanceUntil(e: Engine, done: () => boolean, maxS = 120, each: () => void = () => {}): number {
  for (let s = 1; s <= maxS; s++) {
    e.advance(1000)
    each()
    if (done()) return s
  }
  throw new Error(`not done after ${maxS}s`)
}

describe('Deployment controller on the manual clock', () => {
  it('a 3-replica Deployment reaches 3/3: ReplicaSet web-<hash> owned by it, revision 1, conditions and events as 1.32 writes them', () => {
    const e = scenario()
    e.create(web())
    advanceUntil(e, () => (deployment(e).status?.availableReplicas ?? 0) === 3)
    const [rs] = replicaSets(e)
    const hash = rs?.metadata.labels?.['pod-template-hash'] ?? ''
    expect(rs?.metadata.name).toBe(`web-${hash}`)
    expect(hash).toMatch(/^[456789bcdf]+$/)
    expect(rs?.spec.selector.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash })
    expect(rs?.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: deployment(e).metadata.uid, controller: true, blockOwnerDeletion: true }])
    expect(rs?.metadata.annotations).toEqual({ 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4', 'deployment.kubernetes.io/revision': '1' })
    expect(livePods(e).every((p) => p.metadata.labels?.['pod-template-hash'] === hash && p.metadata.name?.startsWith(`web-${hash}-`))).toBe(true)
    const d = deployment(e)
    expect(d.metadata.generation).toBe(1)
    expect(d.metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '1' })
    expect(d.status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 })
    expect(d.status?.conditions?.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      ['Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "web-${hash}" has successfully progressed.`],
    ])
    expect(eventsFor(e, 'web').map((ev) => [ev.reason, ev.message, ev.source?.component])).toEqual([['ScalingReplicaSet', `Scaled up replica set web-${hash} from 0 to 3`, 'deployment-controller']])
    expect(row(e)).toEqual(['web', '3/3', 3, 3])
    e.close()
  })

  it('a deleted pod is replaced by its ReplicaSet (new name); the Deployment does not roll out', () => {
    const e = scenario()
    e.create(web())
    advanceUntil(e, () => (deployment(e).status?.availableReplicas ?? 0) === 3)
    const victim = livePods(e)[0]?.metadata.name ?? ''
    e.delete('pods', 'default', victim)
    advanceUntil(e, () => readyPods(e).length === 3 && !livePods(e).some((p) => p.metadata.name === victim))
    expect(replicaSets(e)).toHaveLength(1)
    expect(deployment(e).metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1')
    e.close()
  })

  it('rolling out a new image keeps pods within [replicas - maxUnavailable, replicas + maxSurge] at every step (3: 3..4), then undo', () => {
    const e = scenario()
    e.create(web())
    advanceUntil(e, () => (deployment(e).status?.availableReplicas ?? 0) === 3)
    const first = replicaSets(e)[0] as ReplicaSet
    setImage(e, 'nginx:1.27')
    const check = () => {
      expect(replicaSets(e).reduce((n, rs) => n + (rs.spec.replicas ?? 0), 0)).toBeLessThanOrEqual(4)
      expect(livePods(e).length).toBeLessThanOrEqual(4)
      expect(readyPods(e).length).toBeGreaterThanOrEqual(3)
    }
    check()
    advanceUntil(e, () => (deployment(e).status?.updatedReplicas ?? 0) === 3 && (deployment(e).status?.availableReplicas ?? 0) === 3 && livePods(e).length === 3, 300, check)
    const second = replicaSets(e).find((rs) => rs.metadata.name !== first.metadata.name) as ReplicaSet
    expect(second.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2')
    expect(replicaSets(e).find((rs) => rs.metadata.name === first.metadata.name)?.spec.replicas).toBe(0)
    expect(deployment(e).metadata.generation).toBe(2)
    const messages = eventsFor(e, 'web').map((ev) => ev.message)
    expect(messages[1]).toBe(`Scaled up replica set ${second.metadata.name} from 0 to 1`)
    expect(messages).toContain(`Scaled down replica set ${first.metadata.name} from 1 to 0`)

    // kubectl rollout undo: the previous ReplicaSet's template (without its hash label) back into the Deployment.
    const template = structuredClone(first.spec.template)
    delete template.metadata?.labels?.['pod-template-hash']
    e.patch('deployments', 'default', 'web', 'merge', { spec: { template } })
    advanceUntil(e, () => (deployment(e).status?.updatedReplicas ?? 0) === 3 && (deployment(e).status?.availableReplicas ?? 0) === 3 && livePods(e).length === 3, 300, check)
    expect(replicaSets(e)).toHaveLength(2)
    const back = replicaSets(e).find((rs) => rs.metadata.name === first.metadata.name) as ReplicaSet
    expect(back.spec.replicas).toBe(3)
    expect(back.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3')
    expect(back.metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1')
    expect(deployment(e).metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3')
    e.close()
  })

  it('scaling does not start a rollout: same ReplicaSet, scaled, revision stays 1', () => {
    const e = scenario()
    e.create(web())
    advanceUntil(e, () => (deployment(e).status?.availableReplicas ?? 0) === 3)
    e.patch('deployments', 'default', 'web', 'merge', { spec: { replicas: 5 } })
    advanceUntil(e, () => (deployment(e).status?.availableReplicas ?? 0) === 5)
    expect(replicaSets(e)).toHaveLength(1)
    expect(replicaSets(e)[0]?.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1')
    expect(eventsFor(e, 'web').at(-1)?.message).toBe(`Scaled up replica set ${replicaSets(e)[0]?.metadata.name} from 3 to 5`)
    e.close()
  })

  it('Recreate: the old ReplicaSet goes to 0 and its pods terminate before the new ReplicaSet is created', () => {
    const e = scenario()
    e.create(web(2, 'nginx', { strategy: { type: 'Recreate' } }))
    advanceUntil(e, () => (deployment(e).status?.availableReplicas ?? 0) === 2)
    setImage(e, 'nginx:1.27')
    const old = replicaSets(e)[0] as ReplicaSet
    expect(old.spec.replicas).toBe(0)
    expect(replicaSets(e)).toHaveLength(1)
    const oldHash = old.metadata.labels?.['pod-template-hash']
    // No new ReplicaSet while any old pod is left, terminating ones included.
    advanceUntil(e, () => replicaSets(e).length === 2, 120, () => {
      if (e.list('pods', 'default').items.some((p) => p.metadata.labels?.['pod-template-hash'] === oldHash)) expect(replicaSets(e)).toHaveLength(1)
    })
    expect(e.list('pods', 'default').items.filter((p) => p.metadata.labels?.['pod-template-hash'] === oldHash)).toHaveLength(0)
    advanceUntil(e, () => (deployment(e).status?.availableReplicas ?? 0) === 2 && (deployment(e).status?.updatedReplicas ?? 0) === 2)
    e.close()
  })

  it('paused: a template change rolls nothing out, scaling still happens, Progressing Unknown DeploymentPaused; resume rolls out', () => {
    const e = scenario()
    e.create(web())
    advanceUntil(e, () => (deployment(e).status?.availableReplicas ?? 0) === 3)
    e.patch('deployments', 'default', 'web', 'merge', { spec: { paused: true } })
    setImage(e, 'nginx:1.27')
    e.patch('deployments', 'default', 'web', 'merge', { spec: { replicas: 4 } })
    e.advance(30_000)
    expect(replicaSets(e)).toHaveLength(1)
    expect(replicaSets(e)[0]?.spec.replicas).toBe(4)
    expect(deployment(e).status?.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' })
    e.patch('deployments', 'default', 'web', 'merge', { spec: { paused: false } })
    advanceUntil(e, () => (deployment(e).status?.updatedReplicas ?? 0) === 4 && (deployment(e).status?.availableReplicas ?? 0) === 4, 300)
    expect(replicaSets(e)).toHaveLength(2)
    e.close()
  })

  it('a rollout that cannot progress (image that does not exist) is ProgressDeadlineExceeded after 600 s', () => {
    const e = scenario()
    e.create(web())
    advanceUntil(e, () => (deployment(e).status?.availableReplicas ?? 0) === 3)
    setImage(e, 'nginx:9.99-nonexistent')
    e.advance(590_000)
    expect(deployment(e).status?.conditions?.find((c) => c.type === 'Progressing')?.reason).toBe('ReplicaSetUpdated')
    e.advance(20_000)
    const newRS = replicaSets(e).find((rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision'] === '2') as ReplicaSet
    expect(deployment(e).status?.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${newRS.metadata.name}" has timed out progressing.` })
    expect(readyPods(e)).toHaveLength(3)
    e.close()
  })

  it('kubectl rollout restart (restartedAt template annotation) makes a new ReplicaSet and replaces every pod', () => {
    const e = scenario()
    e.create(web())
    advanceUntil(e, () => (deployment(e).status?.availableReplicas ?? 0) === 3)
    const before = livePods(e).map((p) => p.metadata.name)
    e.patch('deployments', 'default', 'web', 'strategic', { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2025-01-01T00:05:00Z' } } } } })
    advanceUntil(e, () => (deployment(e).status?.updatedReplicas ?? 0) === 3 && (deployment(e).status?.availableReplicas ?? 0) === 3 && livePods(e).length === 3, 300)
    expect(replicaSets(e)).toHaveLength(2)
    expect(livePods(e).some((p) => before.includes(p.metadata.name))).toBe(false)
    e.close()
  })

  it('proportional scaling mid-rollout (the docs\' example): 10 replicas, surge 3, unavailable 2, a stuck rollout at 8 old + 5 new, scaled to 15 -> 11 + 7', () => {
    const e = scenario()
    e.create(web(10, 'nginx', { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } } }))
    advanceUntil(e, () => (deployment(e).status?.availableReplicas ?? 0) === 10, 300)
    const first = replicaSets(e)[0] as ReplicaSet
    setImage(e, 'nginx:9.99-nonexistent')
    e.advance(30_000)
    const sizes = () => Object.fromEntries(replicaSets(e).map((rs) => [rs.metadata.name === first.metadata.name ? 'old' : 'new', rs.spec.replicas]))
    expect(sizes()).toEqual({ old: 8, new: 5 })
    e.patch('deployments', 'default', 'web', 'merge', { spec: { replicas: 15 } })
    expect(sizes()).toEqual({ old: 11, new: 7 })
    expect(replicaSets(e).map((rs) => rs.metadata.annotations?.['deployment.kubernetes.io/desired-replicas'])).toEqual(['15', '15'])
    expect(replicaSets(e).map((rs) => rs.metadata.annotations?.['deployment.kubernetes.io/max-replicas'])).toEqual(['18', '18'])
    e.close()
  })

  it('an orphaned ReplicaSet that matches is adopted again (ControllerRefManager), not duplicated', () => {
    const e = scenario()
    e.create(web())
    advanceUntil(e, () => (deployment(e).status?.availableReplicas ?? 0) === 3)
    const name = replicaSets(e)[0]?.metadata.name ?? ''
    e.patch('replicasets', 'default', name, 'merge', { metadata: { ownerReferences: null } })
    expect(replicaSets(e)).toHaveLength(1)
    expect(replicaSets(e)[0]?.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Deployment', name: 'web', uid: deployment(e).metadata.uid, controller: true })
    e.close()
  })

  it('revisionHistoryLimit: old ReplicaSets beyond it are deleted once a rollout completes', () => {
    const e = scenario()
    e.create(web(1, 'nginx', { revisionHistoryLimit: 1 }))
    for (const tag of ['1.25', '1.26', '1.27']) {
      setImage(e, `nginx:${tag}`)
      advanceUntil(e, () => (deployment(e).status?.updatedReplicas ?? 0) === 1 && (deployment(e).status?.availableReplicas ?? 0) === 1 && livePods(e).length === 1, 300)
    }
    e.advance(5_000)
    expect(replicaSets(e)).toHaveLength(2)
    e.close()
  })
})
