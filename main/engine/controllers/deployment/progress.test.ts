// Cases of progress_test.go TestSyncRolloutStatus, on a stub client that records the status written.
import { describe, expect, it } from 'vitest'
import type { Deployment, DeploymentCondition, ReplicaSet } from '../../api/apps/types'
import type { SyncContext } from './context'
import { syncRolloutStatus } from './progress'

const T0 = Date.UTC(2025, 0, 1)
const at = (s: number) => new Date(T0 + s * 1000).toISOString().replace('.000', '')

function currentDeployment(deadline: number | undefined, replicas: number, statusReplicas: number, updated: number, available: number, conditions: DeploymentCondition[]): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'foo', namespace: 'default', generation: 1, uid: 'd' },
    spec: {
      replicas,
      selector: { matchLabels: { a: 'b' } },
      template: { metadata: { labels: { a: 'b' } }, spec: { containers: [] } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      ...(deadline !== undefined ? { progressDeadlineSeconds: deadline } : {}),
    },
    status: { observedGeneration: 1, replicas: statusReplicas, updatedReplicas: updated, readyReplicas: available, availableReplicas: available, unavailableReplicas: replicas - available, conditions },
  }
}

function rsWith(name: string, replicas: number, statusReplicas: number, available: number): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default', uid: name },
    spec: { replicas, selector: {}, template: { spec: { containers: [] } } },
    status: { replicas: statusReplicas, availableReplicas: available, readyReplicas: available },
  }
}

const pcs = (s: number): DeploymentCondition => ({ type: 'Progressing', status: 'True', lastUpdateTime: at(s), lastTransitionTime: at(s), reason: 'ReplicaSetUpdated', message: 'x' })
const pcf = (s: number): DeploymentCondition => ({ type: 'Progressing', status: 'False', lastUpdateTime: at(s), lastTransitionTime: at(s), reason: 'ProgressDeadlineExceeded', message: 'x' })

function run(d: Deployment, allRSs: ReplicaSet[], newRS: ReplicaSet | undefined, nowS: number): { written?: Deployment; requeued: Array<[string, number]> } {
  const out: { written?: Deployment; requeued: Array<[string, number]> } = { requeued: [] }
  const ctx = {
    client: { updateStatus: (o: Deployment) => ((out.written = o), o) },
    now: () => T0 + nowS * 1000,
    queue: { addAfter: (k: string, ms: number) => out.requeued.push([k, ms]), addRateLimited: (k: string) => out.requeued.push([k, 0]) },
  } as unknown as SyncContext
  syncRolloutStatus(ctx, [...allRSs, newRS], newRS, d)
  return out
}

const progressing = (d?: Deployment) => d?.status?.conditions?.find((c) => c.type === 'Progressing')

describe('syncRolloutStatus (TestSyncRolloutStatus)', () => {
  it('no progress deadline: the Progressing condition is removed', () => {
    const { written } = run(currentDeployment(undefined, 3, 2, 2, 2, [pcs(0)]), [rsWith('bar', 0, 1, 1)], rsWith('foo', 3, 1, 1), 10)
    expect(progressing(written)).toBeUndefined()
  })

  it('progress: ReplicaSetUpdated `ReplicaSet "foo" is progressing.`, lastUpdateTime moves, lastTransitionTime kept while True', () => {
    const { written } = run(currentDeployment(60, 3, 2, 2, 2, [pcs(0)]), [rsWith('bar', 0, 1, 1)], rsWith('foo', 3, 2, 2), 10)
    expect(progressing(written)).toEqual({ type: 'Progressing', status: 'True', lastUpdateTime: at(10), lastTransitionTime: at(0), reason: 'ReplicaSetUpdated', message: 'ReplicaSet "foo" is progressing.' })
  })

  it('progress after a timeout: everything updated', () => {
    const { written } = run(currentDeployment(60, 3, 2, 2, 2, [pcf(0)]), [rsWith('bar', 0, 1, 1)], rsWith('foo', 3, 2, 2), 10)
    expect(progressing(written)).toMatchObject({ status: 'True', lastUpdateTime: at(10), lastTransitionTime: at(10), reason: 'ReplicaSetUpdated' })
  })

  it('complete: NewReplicaSetAvailable `ReplicaSet "foo" has successfully progressed.`', () => {
    const { written } = run(currentDeployment(60, 3, 3, 3, 3, [pcs(0)]), [], rsWith('foo', 3, 3, 3), 10)
    expect(progressing(written)).toEqual({ type: 'Progressing', status: 'True', lastUpdateTime: at(10), lastTransitionTime: at(0), reason: 'NewReplicaSetAvailable', message: 'ReplicaSet "foo" has successfully progressed.' })
  })

  it('no progress past the deadline: ProgressDeadlineExceeded `ReplicaSet "foo" has timed out progressing.`', () => {
    const { written } = run(currentDeployment(60, 3, 2, 2, 2, [pcs(0)]), [], rsWith('foo', 3, 2, 2), 61)
    expect(progressing(written)).toEqual({ type: 'Progressing', status: 'False', lastUpdateTime: at(61), lastTransitionTime: at(61), reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "foo" has timed out progressing.' })
  })

  it('no progress before the deadline: nothing written, a check queued for lastUpdateTime + deadline + 1 s', () => {
    const d = currentDeployment(60, 3, 2, 2, 2, [pcs(0)])
    d.status?.conditions?.push({ type: 'Available', status: 'False', lastUpdateTime: at(0), lastTransitionTime: at(0), reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' })
    const { written, requeued } = run(d, [], rsWith('foo', 3, 2, 2), 20)
    expect(written).toBeUndefined()
    expect(requeued).toEqual([['default/foo', 41_000]])
  })

  it('a ReplicaSet failure is promoted to ReplicaFailure', () => {
    const newRS = rsWith('foo', 3, 2, 2)
    newRS.status = { ...newRS.status, replicas: 2, conditions: [{ type: 'ReplicaFailure', status: 'True', lastTransitionTime: at(5), reason: 'FailedCreate', message: 'pods "foo-x" is forbidden: exceeded quota' }] }
    const { written } = run(currentDeployment(60, 3, 2, 2, 2, [pcs(0)]), [], newRS, 10)
    expect(written?.status?.conditions?.find((c) => c.type === 'ReplicaFailure')).toEqual({ type: 'ReplicaFailure', status: 'True', lastUpdateTime: at(5), lastTransitionTime: at(5), reason: 'FailedCreate', message: 'pods "foo-x" is forbidden: exceeded quota' })
  })
})
