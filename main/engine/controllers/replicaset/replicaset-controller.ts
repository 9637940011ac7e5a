// The ReplicaSet controller (kubernetes v1.32 pkg/controller/replicaset/replica_set.go): keeps `spec.replicas`
// active pods matching each set's selector. Handlers only enqueue the owning set's key (or, for an orphan,
// every set whose selector matches it) and feed the expectations; sync claims the pods (adopt/release), creates
// missing pods in slow-start batches or deletes the surplus by rank, then writes the status.

import { filterByOwner } from '../../controller/filter-pods-by-owner'
import { isDeepStrictEqual } from 'node:util'
import type { ReplicaSet } from '../../api/apps/types'
import { isApiError } from '../../api/errors'
import type { Pod } from '../../api/pods/types'
import { Client } from '../../client/client'
import type { Lister, SharedInformerFactory } from '../../client/informers'
import type { Controller } from '../../controller/controller'
import { controllerOf } from '../../controller/controller-ref'
import { ControllerRefManager, recheckOwner } from '../../controller/controller-ref-manager'
import { PodControl } from '../../controller/pod-control'
import { filterActivePods, isPodReady } from '../../controller/pod-util'
import type { RateLimitingQueue } from '../../controller/rate-limiting-queue'
import { UIDTrackingExpectations } from '../../controller/uid-tracking-expectations'
import { selectorFromLabelSelector, type Selector } from '../../labels'
import type { World } from '../../world'
import { getPodsToDelete } from './pods-to-delete'
import { SLOW_START_INITIAL_BATCH_SIZE, slowStartBatch } from './slow-start'
import { calculateStatus, statusUnchanged, toStatus } from './status'

/** BurstReplicas: at most this many pods created or deleted per sync. */
export const BURST_REPLICAS = 500
/** The events' source component, as kube-controller-manager names it. */
export const COMPONENT = 'replicaset-controller'
/** v1.NamespaceTerminatingCause. */
const NAMESPACE_TERMINATING = 'NamespaceTerminating'

const keyOf = (o: { metadata: { namespace?: string; name?: string } }) => `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`

/** LabelSelectorAsSelector, or undefined for a selector that cannot be parsed. */
function selectorOf(rs: ReplicaSet): Selector | undefined {
  try {
    return selectorFromLabelSelector(rs.spec.selector)
  } catch {
    return undefined
  }
}

export class ReplicaSetController implements Controller {
  readonly name = 'replicaset'
  private readonly client: Client
  private readonly podControl: PodControl
  private readonly expectations: UIDTrackingExpectations
  private sets!: Lister<ReplicaSet>
  private pods!: Lister<Pod>
  private queue!: RateLimitingQueue
  /**
   * The virtual instant (ms) of each set's last full burst of creations. Upstream's next burst follows as soon as
   * the informer has seen the last one, paced by kube-controller-manager's client rate limit (--kube-api-qps 20);
   * Podlab's controllers settle within one virtual instant, where `replicas: 100000000` would never end. So a set
   * creates at most one burst (500) per virtual second: a learner's huge scale-up returns at once and grows as the
   * clock moves, as on a real cluster (there, slower still).
   */
  private readonly lastFullBurst = new Map<string, number>()

  constructor(
    private readonly world: World,
    private readonly burstReplicas = BURST_REPLICAS,
  ) {
    this.client = new Client(world)
    this.podControl = new PodControl(world, COMPONENT)
    this.expectations = new UIDTrackingExpectations(() => world.now())
  }

  register(informers: SharedInformerFactory, queue: RateLimitingQueue): void {
    this.queue = queue
    const sets = informers.informer<ReplicaSet>('replicasets')
    const pods = informers.informer<Pod>('pods')
    this.sets = sets.lister()
    this.pods = pods.lister()
    sets.addEventHandler({
      add: (rs) => queue.add(keyOf(rs)),
      update: (_old, rs) => queue.add(keyOf(rs)),
      delete: (rs) => {
        this.expectations.deleteExpectations(keyOf(rs))
        this.lastFullBurst.delete(keyOf(rs))
        queue.add(keyOf(rs))
      },
    })
    pods.addEventHandler({ add: (p) => this.addPod(p), update: (o, p) => this.updatePod(o, p), delete: (p) => this.deletePod(p) })
  }

  reset(): void {
    this.lastFullBurst.clear()
    this.expectations.clear()
  }

  /** The set `ref` names in `namespace`, if it is still the one (same uid). */
  private resolveControllerRef(namespace: string, pod: Pod): ReplicaSet | undefined {
    const ref = controllerOf(pod)
    if (!ref || ref.kind !== 'ReplicaSet') return undefined
    const rs = this.sets.get(namespace, ref.name)
    return rs && rs.metadata.uid === ref.uid ? rs : undefined
  }

  /** GetPodReplicaSets: the sets whose (non-empty) selector matches an orphan's labels. */
  private podReplicaSets(pod: Pod): ReplicaSet[] {
    return this.sets.list(pod.metadata.namespace ?? '').filter((rs) => {
      const selector = selectorOf(rs)
      return selector !== undefined && !selector.empty() && selector.matches(pod.metadata.labels)
    })
  }

  private addPod(pod: Pod): void {
    // A pod that shows up already being deleted (a restart of the controller manager) counts as a deletion.
    if (pod.metadata.deletionTimestamp) return this.deletePod(pod)
    const ref = controllerOf(pod)
    if (ref) {
      const rs = this.resolveControllerRef(pod.metadata.namespace ?? '', pod)
      if (!rs) return
      this.expectations.creationObserved(keyOf(rs))
      this.queue.add(keyOf(rs))
      return
    }
    for (const rs of this.podReplicaSets(pod)) this.queue.add(keyOf(rs))
  }

  private updatePod(old: Pod, cur: Pod): void {
    if (cur.metadata.resourceVersion === old.metadata.resourceVersion) return
    const labelChanged = !isDeepStrictEqual(cur.metadata.labels ?? {}, old.metadata.labels ?? {})
    if (cur.metadata.deletionTimestamp) {
      // Terminating: the set makes its replacement now rather than after the grace period.
      this.deletePod(cur)
      if (labelChanged) this.deletePod(old)
      return
    }
    const [curRef, oldRef] = [controllerOf(cur), controllerOf(old)]
    const refChanged = curRef?.uid !== oldRef?.uid
    if (refChanged && oldRef) {
      const rs = this.resolveControllerRef(old.metadata.namespace ?? '', old)
      if (rs) this.queue.add(keyOf(rs))
    }
    if (curRef) {
      const rs = this.resolveControllerRef(cur.metadata.namespace ?? '', cur)
      if (!rs) return
      this.queue.add(keyOf(rs))
      // Available minReadySeconds after Ready: look again then (+1 s, as upstream, past the strict "before").
      const minReady = rs.spec.minReadySeconds ?? 0
      if (!isPodReady(old) && isPodReady(cur) && minReady > 0) this.queue.addAfter(keyOf(rs), minReady * 1000 + 1000)
      return
    }
    if (labelChanged || refChanged) for (const rs of this.podReplicaSets(cur)) this.queue.add(keyOf(rs))
  }

  private deletePod(pod: Pod): void {
    const rs = this.resolveControllerRef(pod.metadata.namespace ?? '', pod)
    if (!rs) return
    this.expectations.deletionObservedOf(keyOf(rs), keyOf(pod))
    this.queue.add(keyOf(rs))
  }

  /** syncReplicaSet. Throws what managing the replicas or writing the status threw (retried with back-off). */
  sync(key: string): void {
    const slash = key.indexOf('/')
    const [namespace, name] = [key.slice(0, slash), key.slice(slash + 1)]
    const rs = this.sets.get(namespace, name)
    if (!rs) {
      this.expectations.deleteExpectations(key)
      return
    }
    const needsSync = this.expectations.satisfiedExpectations(key)
    const selector = selectorOf(rs)
    if (!selector) return
    // The set's own pods (those that match no more are released) and the namespace's orphans (adopted if they match).
    const active = filterActivePods(filterByOwner(this.pods, rs, true))
    const manager = new ControllerRefManager(this.world, rs, { selector, canAdopt: recheckOwner(this.world, 'replicasets', rs) })
    const pods = manager.claim('pods', active)

    let manageError: Error | undefined
    if (needsSync && !rs.metadata.deletionTimestamp) {
      try {
        this.manageReplicas(pods, rs)
      } catch (e) {
        manageError = e instanceof Error ? e : new Error(String(e))
      }
    }
    const next = calculateStatus(rs, pods, manageError, this.world.now())
    const updated = this.updateStatus(rs, next)
    const replicas = updated.spec.replicas ?? 1
    const minReady = updated.spec.minReadySeconds ?? 0
    const status = updated.status
    // A last look after minReadySeconds, in case no pod event comes when the pods become available.
    if (!manageError && minReady > 0 && (status?.readyReplicas ?? 0) === replicas && (status?.availableReplicas ?? 0) !== replicas) {
      this.queue.addAfter(key, minReady * 1000)
    }
    if (manageError) throw manageError
  }

  /** manageReplicas: creates or deletes the difference (at most burstReplicas). Throws the first failure. */
  private manageReplicas(pods: readonly Pod[], rs: ReplicaSet): void {
    const key = keyOf(rs)
    const namespace = rs.metadata.namespace ?? ''
    const diff = pods.length - (rs.spec.replicas ?? 1)
    if (diff < 0) {
      const now = this.world.now()
      if (this.lastFullBurst.get(key) === now) {
        this.queue.addAfter(key, 1000)
        return
      }
      const count = Math.min(-diff, this.burstReplicas)
      if (count === this.burstReplicas) this.lastFullBurst.set(key, now)
      this.expectations.expectCreations(key, count)
      const { successes, error } = slowStartBatch(count, SLOW_START_INITIAL_BATCH_SIZE, () => {
        try {
          this.podControl.createPods(namespace, rs.spec.template, rs)
        } catch (e) {
          // A namespace being torn down takes no new pods: not an error.
          if (isApiError(e) && (e.details.causes ?? []).some((c) => c.reason === NAMESPACE_TERMINATING)) return
          throw e
        }
      })
      // The informer will never see the pods that failed or were never tried: they are not expected.
      for (let i = successes; i < count; i++) this.expectations.creationObserved(key)
      if (error !== undefined) throw error
      return
    }
    if (diff > 0) {
      const count = Math.min(diff, this.burstReplicas)
      const toDelete = getPodsToDelete(pods, this.indirectlyRelatedPods(rs), count, this.world.now())
      this.expectations.expectDeletionsOf(key, toDelete.map(keyOf))
      let firstError: unknown
      for (const pod of toDelete) {
        try {
          this.podControl.deletePod(namespace, pod.metadata.name ?? '', rs)
        } catch (e) {
          this.expectations.deletionObservedOf(key, keyOf(pod))
          if (!(isApiError(e) && e.reason === 'NotFound')) firstError ??= e
        }
      }
      if (firstError !== undefined) throw firstError
    }
  }

  /** getIndirectlyRelatedPods: the pods of every set sharing this set's controller (itself included), each once. */
  private indirectlyRelatedPods(rs: ReplicaSet): Pod[] {
    const ref = controllerOf(rs)
    if (!ref) return []
    const seen = new Set<string>()
    const related: Pod[] = []
    for (const sibling of this.sets.byIndex('ownerUid', ref.uid)) {
      if (controllerOf(sibling)?.uid !== ref.uid || sibling.metadata.namespace !== rs.metadata.namespace) continue
      const selector = selectorOf(sibling)
      if (!selector) continue
      for (const pod of this.pods.list(sibling.metadata.namespace ?? '', selector)) {
        const uid = pod.metadata.uid ?? ''
        if (seen.has(uid)) continue
        seen.add(uid)
        related.push(pod)
      }
    }
    return related
  }

  /** updateReplicaSetStatus: writes the status with the generation acted on, unless nothing changed. */
  private updateStatus(rs: ReplicaSet, next: ReturnType<typeof calculateStatus>): ReplicaSet {
    if (statusUnchanged(rs, next)) return rs
    const status = toStatus({ ...next, observedGeneration: rs.metadata.generation ?? 0 })
    return this.client.updateStatus({ ...rs, status })
  }
}
