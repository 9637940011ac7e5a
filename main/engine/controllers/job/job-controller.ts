// The Job controller (kubernetes v1.32 pkg/controller/job/job_controller.go): handlers that only enqueue (a
// Job at once, its pods' changes batched by one second as upstream's syncJobBatchPeriod), one sync per key, the
// create/delete expectations, and the orphan-pod cleanup that removes the tracking finalizer from pods whose Job
// is gone or finished. The sync itself is in sync-job.ts.

import type { Job } from '../../api/batch/types'
import type { Pod } from '../../api/pods/types'
import type { OwnerReference } from '../../../kube'
import { isApiError } from '../../api/errors'
import { JOB_TRACKING_FINALIZER } from '../../api/batch/labels'
import { Client } from '../../client/client'
import type { Lister, SharedInformerFactory } from '../../client/informers'
import type { Controller } from '../../controller/controller'
import { controllerOf } from '../../controller/controller-ref'
import { ControllerExpectations } from '../../controller/expectations'
import { PodControl } from '../../controller/pod-control'
import type { RateLimitingQueue } from '../../controller/rate-limiting-queue'
import { EventRecorder } from '../../events/recorder'
import type { World } from '../../world'
import { isFinished } from './conditions'
import { FinalizerExpectations } from './finalizer-expectations'
import { hasTrackingFinalizer } from './pods'
import { syncJob, type JobControllerDeps } from './sync-job'

/** The controller's event source, as kube-controller-manager names it. */
export const JOB_CONTROLLER = 'job-controller'
/** syncJobBatchPeriod: pod events reach the Job's sync this many ms later, batched. */
export const POD_EVENT_BATCH_MS = 1000
/** Keys of the orphan-pod work, beside the Jobs' own keys on the one queue. */
const ORPHAN = 'orphan:'

const keyOf = (o: { metadata: { namespace?: string; name?: string } }) => `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`

export class JobController implements Controller {
  readonly name = 'job-controller'
  private readonly world: World
  private readonly client: Client
  private readonly podControl: PodControl
  private readonly events: EventRecorder
  private readonly expectations: ControllerExpectations
  private readonly finalizerExpectations = new FinalizerExpectations()
  private jobs!: Lister<Job>
  private pods!: Lister<Pod>
  private queue!: RateLimitingQueue

  constructor(world: World) {
    this.world = world
    this.client = new Client(world)
    this.podControl = new PodControl(world, JOB_CONTROLLER)
    this.events = new EventRecorder(world)
    this.expectations = new ControllerExpectations(() => world.now())
  }

  register(informers: SharedInformerFactory, queue: RateLimitingQueue): void {
    this.queue = queue
    const jobs = informers.informer<Job>('jobs')
    const pods = informers.informer<Pod>('pods')
    this.jobs = jobs.lister()
    this.pods = pods.lister()
    jobs.addEventHandler({
      add: (job) => queue.add(keyOf(job)),
      update: (old, job) => this.updateJob(old, job),
      delete: (job) => {
        queue.add(keyOf(job))
        this.cleanupPodFinalizers(job)
      },
    })
    pods.addEventHandler({
      add: (pod) => this.addPod(pod),
      update: (old, pod) => this.updatePod(old, pod),
      delete: (pod) => this.deletePod(pod, true),
    })
  }

  reset(): void {
    this.expectations.clear()
    this.finalizerExpectations.clear()
  }

  sync(key: string): void {
    if (key.startsWith(ORPHAN)) return this.handleOrphanPod(key.slice(ORPHAN.length))
    const deps: JobControllerDeps = {
      now: () => this.world.now(),
      client: this.client,
      podControl: this.podControl,
      events: this.events,
      expectations: this.expectations,
      finalizerExpectations: this.finalizerExpectations,
      enqueueAfter: (k, ms) => this.queue.addAfter(k, ms),
      podsOf: (job) => this.podsOf(job),
    }
    const [namespace = '', name = ''] = key.split('/')
    syncJob(deps, key, this.jobs.get(namespace, name))
  }

  /** The pods the Job controls (its controller reference), in the store's order. */
  private podsOf(job: Job): Pod[] {
    const uid = job.metadata.uid ?? ''
    return this.pods.byIndex('ownerUid', uid).filter((p) => controllerOf(p)?.uid === uid)
  }

  private resolveControllerRef(namespace: string, ref: OwnerReference): Job | undefined {
    if (ref.kind !== 'Job') return undefined
    const job = this.jobs.get(namespace, ref.name)
    return job && job.metadata.uid === ref.uid ? job : undefined
  }

  private enqueueBatched(job: Job): void {
    this.queue.addAfter(keyOf(job), POD_EVENT_BATCH_MS)
  }

  private enqueueOrphanPod(pod: Pod): void {
    this.queue.add(ORPHAN + keyOf(pod))
  }

  private updateJob(old: Job, job: Job): void {
    this.queue.add(keyOf(job))
    // A changed deadline of a started Job: look again when the new one passes.
    const deadline = job.spec.activeDeadlineSeconds
    const start = job.status?.startTime
    if (deadline != null && start && deadline !== old.spec.activeDeadlineSeconds) {
      this.queue.addAfter(keyOf(job), Math.max(0, Date.parse(start) + deadline * 1000 - this.world.now()))
    }
    // The Job is not marked finished until its pods' finalizers are gone; this is the backup.
    if (isFinished(job.status)) this.cleanupPodFinalizers(job)
  }

  private cleanupPodFinalizers(job: Job): void {
    for (const pod of this.podsOf(job)) if (hasTrackingFinalizer(pod)) this.enqueueOrphanPod(pod)
  }

  private addPod(pod: Pod): void {
    if (pod.metadata.deletionTimestamp) return this.deletePod(pod, false)
    const ref = controllerOf(pod)
    if (!ref) {
      // No adoption yet (ControllerRefManager is not used here): an orphan only loses its finalizer.
      if (hasTrackingFinalizer(pod)) this.enqueueOrphanPod(pod)
      return
    }
    const job = this.resolveControllerRef(pod.metadata.namespace ?? '', ref)
    if (!job) {
      if (hasTrackingFinalizer(pod)) this.enqueueOrphanPod(pod)
      return
    }
    this.expectations.creationObserved(keyOf(job))
    this.enqueueBatched(job)
  }

  private updatePod(old: Pod, pod: Pod): void {
    if (pod.metadata.resourceVersion === old.metadata.resourceVersion) return
    if (pod.metadata.deletionTimestamp) return this.deletePod(pod, false)
    const finalizerRemoved = !hasTrackingFinalizer(pod)
    const ref = controllerOf(pod)
    const oldRef = controllerOf(old)
    if (oldRef && oldRef.uid !== ref?.uid) {
      const oldJob = this.resolveControllerRef(old.metadata.namespace ?? '', oldRef)
      if (oldJob) {
        if (finalizerRemoved) this.finalizerExpectations.removalObserved(keyOf(oldJob), pod.metadata.uid ?? '')
        this.enqueueBatched(oldJob)
      }
    }
    const job = ref && this.resolveControllerRef(pod.metadata.namespace ?? '', ref)
    if (!job) {
      if (hasTrackingFinalizer(pod)) this.enqueueOrphanPod(pod)
      return
    }
    if (finalizerRemoved) this.finalizerExpectations.removalObserved(keyOf(job), pod.metadata.uid ?? '')
    this.enqueueBatched(job)
  }

  /** `final`: the pod left the store (else it was only marked for deletion). */
  private deletePod(pod: Pod, final: boolean): void {
    const ref = controllerOf(pod)
    const hasFinalizer = hasTrackingFinalizer(pod)
    const job = ref && this.resolveControllerRef(pod.metadata.namespace ?? '', ref)
    if (!job || isFinished(job.status)) {
      if (hasFinalizer) this.enqueueOrphanPod(pod)
      return
    }
    const key = keyOf(job)
    this.expectations.deletionObserved(key)
    if (final || !hasFinalizer) this.finalizerExpectations.removalObserved(key, pod.metadata.uid ?? '')
    this.enqueueBatched(job)
  }

  /** handleOrphanPod: drops the tracking finalizer of a pod no unfinished Job of ours controls. */
  private handleOrphanPod(podKey: string): void {
    const [namespace = '', name = ''] = podKey.split('/')
    const pod = this.pods.get(namespace, name)
    if (!pod || !hasTrackingFinalizer(pod)) return
    const ref = controllerOf(pod)
    const job = ref && this.resolveControllerRef(namespace, ref)
    if (job && !isFinished(job.status)) return
    try {
      this.client.patch('pods', namespace, name, 'strategic', { metadata: { '$deleteFromPrimitiveList/finalizers': [JOB_TRACKING_FINALIZER] } })
    } catch (e) {
      if (!(isApiError(e) && e.reason === 'NotFound')) throw e
    }
  }
}
