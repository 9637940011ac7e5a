// The Deployment controller (kubernetes v1.32 pkg/controller/deployment/deployment_controller.go): handlers that
// only enqueue (Deployments; ReplicaSets through their controller reference, or every Deployment selecting an
// orphan; the last pod of a Recreate Deployment gone), and syncDeployment per key: claim the ReplicaSets, then
// paused -> sync, resize -> sync, else the strategy's rollout. Never deletes ReplicaSets because their
// Deployment is gone: the garbage collector does.

import { filterByOwner } from '../../controller/filter-pods-by-owner'
import type { Deployment, ReplicaSet } from '../../api/apps/types'
import type { Pod } from '../../api/pods/types'
import { Client } from '../../client/client'
import type { Lister, SharedInformerFactory } from '../../client/informers'
import type { Controller } from '../../controller/controller'
import { controllerOf } from '../../controller/controller-ref'
import { ControllerRefManager, recheckOwner } from '../../controller/controller-ref-manager'
import type { RateLimitingQueue } from '../../controller/rate-limiting-queue'
import { EventRecorder } from '../../events/recorder'
import { selectorFromLabelSelector } from '../../labels'
import type { World } from '../../world'
import { keyOfDeployment, recordEvent, type SyncContext } from './context'
import { rolloutRecreate } from './recreate'
import { rolloutRolling } from './rolling'
import { checkPausedConditions, isScalingEvent, syncScaling, syncStatusOnly } from './sync'
import { updateDeploymentStatus } from './status'
import { semanticEqual } from '../../api/semantic-equal'

export class DeploymentController implements Controller {
  readonly name = 'deployment'
  private readonly client: Client
  private readonly recorder: EventRecorder
  private deployments!: Lister<Deployment>
  private replicaSets!: Lister<ReplicaSet>
  private pods!: Lister<Pod>
  private queue!: RateLimitingQueue

  constructor(private readonly world: World) {
    this.client = new Client(world)
    this.recorder = new EventRecorder(world)
  }

  register(informers: SharedInformerFactory, queue: RateLimitingQueue): void {
    this.queue = queue
    const deployments = informers.informer<Deployment>('deployments')
    const replicaSets = informers.informer<ReplicaSet>('replicasets')
    const pods = informers.informer<Pod>('pods')
    this.deployments = deployments.lister()
    this.replicaSets = replicaSets.lister()
    this.pods = pods.lister()
    const enqueue = (d: Deployment) => queue.add(keyOfDeployment(d))
    deployments.addEventHandler({ add: enqueue, update: (_old, d) => enqueue(d), delete: enqueue })
    replicaSets.addEventHandler({
      add: (rs) => this.replicaSetChanged(undefined, rs),
      update: (old, rs) => this.replicaSetChanged(old, rs),
      delete: (rs) => this.forOwner(rs, enqueue),
    })
    pods.addEventHandler({ delete: (pod) => this.podDeleted(pod) })
  }

  /** addReplicaSet / updateReplicaSet: the owner (old and new, if it changed), or every Deployment selecting an orphan. */
  private replicaSetChanged(old: ReplicaSet | undefined, rs: ReplicaSet): void {
    if (old && old.metadata.resourceVersion === rs.metadata.resourceVersion) return
    const enqueue = (d: Deployment) => this.queue.add(keyOfDeployment(d))
    const ref = controllerOf(rs)
    const oldRef = old && controllerOf(old)
    const refChanged = !!old && !semanticEqual(ref, oldRef)
    if (old && refChanged && oldRef) this.forOwner(old, enqueue)
    if (ref) return this.forOwner(rs, enqueue)
    if (!old || refChanged || !semanticEqual(old.metadata.labels, rs.metadata.labels)) {
      for (const d of this.deploymentsSelecting(rs)) enqueue(d)
    }
  }

  /** resolveControllerRef: the Deployment `rs`'s controller reference names, uid included. */
  private forOwner(rs: ReplicaSet, then: (d: Deployment) => void): void {
    const ref = controllerOf(rs)
    if (!ref || ref.kind !== 'Deployment') return
    const d = this.deployments.get(rs.metadata.namespace ?? '', ref.name)
    if (d && d.metadata.uid === ref.uid) then(d)
  }

  /** getDeploymentsForReplicaSet: the Deployments of its namespace whose non-empty selector matches its labels. */
  private deploymentsSelecting(rs: ReplicaSet): Deployment[] {
    return this.deployments.list(rs.metadata.namespace ?? '').filter((d) => {
      const selector = selectorFromLabelSelector(d.spec.selector)
      return !selector.empty() && selector.matches(rs.metadata.labels)
    })
  }

  /** deletePod: a Recreate Deployment waits for its old pods to go; the last one gone wakes it. */
  private podDeleted(pod: Pod): void {
    const ref = controllerOf(pod)
    if (!ref || ref.kind !== 'ReplicaSet') return
    const rs = this.replicaSets.get(pod.metadata.namespace ?? '', ref.name)
    if (!rs || rs.metadata.uid !== ref.uid) return
    this.forOwner(rs, (d) => {
      if (d.spec.strategy?.type !== 'Recreate') return
      const rsList = this.ownedReplicaSets(d)
      if ([...this.podMap(d, rsList).values()].every((pods) => pods.length === 0)) this.queue.add(keyOfDeployment(d))
    })
  }

  private ownedReplicaSets(d: Deployment): ReplicaSet[] {
    return this.replicaSets.list(d.metadata.namespace ?? '').filter((rs) => controllerOf(rs)?.uid === d.metadata.uid)
  }

  /** getPodMapForDeployment: the pods the Deployment selects, by the uid of the claimed ReplicaSet controlling them. */
  private podMap(d: Deployment, rsList: ReplicaSet[]): Map<string, Pod[]> {
    const selector = selectorFromLabelSelector(d.spec.selector)
    // Upstream lists the namespace's pods by selector and groups them by controller; each set's pods come from
    // the controllerUid index instead (same pods, same order), not from a walk over every pod of the namespace.
    const map = new Map<string, Pod[]>(rsList.map((rs) => [rs.metadata.uid ?? '', []]))
    for (const rs of rsList) {
      const pods = filterByOwner(this.pods, rs, false).filter((pod) => controllerOf(pod)?.kind === 'ReplicaSet' && selector.matches(pod.metadata.labels))
      map.get(rs.metadata.uid ?? '')?.push(...pods)
    }
    return map
  }

  private context(): SyncContext {
    return { client: this.client, recorder: this.recorder, now: () => this.world.now(), queue: this.queue, replicaSets: this.replicaSets }
  }

  /** syncDeployment. Throws (and is retried) when a write fails. */
  sync(key: string): void {
    const [namespace = '', name = ''] = key.split('/')
    const cached = this.deployments.get(namespace, name)
    if (!cached) return
    const d = structuredClone(cached) as Deployment
    const ctx = this.context()
    const selector = d.spec.selector
    if (!selector || Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions ?? []).length === 0) {
      recordEvent(ctx, d, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.')
      if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) {
        d.status = { ...d.status, observedGeneration: d.metadata.generation }
        updateDeploymentStatus(ctx, d)
      }
      return
    }
    // getReplicaSetsForDeployment: every ReplicaSet of the namespace, claimed (adopted or released) by selector.
    const manager = new ControllerRefManager(this.world, d, { selector: selectorFromLabelSelector(selector), canAdopt: recheckOwner(this.world, 'deployments', d) })
    const rsList = manager.claim('replicasets', this.replicaSets.list(namespace))
    const podMap = this.podMap(d, rsList)
    if (d.metadata.deletionTimestamp) return syncStatusOnly(ctx, d, rsList)
    checkPausedConditions(ctx, d)
    if (d.spec.paused) return syncScaling(ctx, d, rsList)
    if (isScalingEvent(ctx, d, rsList)) return syncScaling(ctx, d, rsList)
    switch (d.spec.strategy?.type) {
      case 'Recreate':
        return rolloutRecreate(ctx, d, rsList, podMap)
      case 'RollingUpdate':
        return rolloutRolling(ctx, d, rsList)
    }
    throw new Error(`unexpected deployment strategy type: ${d.spec.strategy?.type ?? ''}`)
  }
}
