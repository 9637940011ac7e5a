// The TTL-after-finished controller (kubernetes v1.32 pkg/controller/ttlafterfinished): a finished Job with
// spec.ttlSecondsAfterFinished is deleted that many seconds after its Complete or Failed condition's
// transition, on the virtual clock, with Background propagation (its pods go through the garbage collector).

import type { Job } from '../../api/batch/types'
import { isApiError } from '../../api/errors'
import { Client } from '../../client/client'
import type { Lister, SharedInformerFactory } from '../../client/informers'
import type { Controller } from '../../controller/controller'
import type { RateLimitingQueue } from '../../controller/rate-limiting-queue'
import type { World } from '../../world'

const keyOf = (job: Job) => `${job.metadata.namespace ?? ''}/${job.metadata.name ?? ''}`

/** jobFinishTime: when the Job's Complete or Failed condition became True (ms), or undefined while it runs. */
export function finishTimeMs(job: Job): number | undefined {
  const c = (job.status?.conditions ?? []).find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True')
  return c?.lastTransitionTime ? Date.parse(c.lastTransitionTime) : undefined
}

/** needsCleanup: a TTL is set and the Job finished. */
const needsCleanup = (job: Job) => job.spec.ttlSecondsAfterFinished != null && finishTimeMs(job) !== undefined

/** When (ms of virtual time) a finished Job with a TTL expires. */
const expiresAtMs = (job: Job) => (finishTimeMs(job) ?? 0) + (job.spec.ttlSecondsAfterFinished ?? 0) * 1000

export class TtlAfterFinishedController implements Controller {
  readonly name = 'ttl-after-finished-controller'
  private readonly client: Client
  private jobs!: Lister<Job>
  private queue!: RateLimitingQueue

  constructor(private readonly world: World) {
    this.client = new Client(world)
  }

  register(informers: SharedInformerFactory, queue: RateLimitingQueue): void {
    this.queue = queue
    const jobs = informers.informer<Job>('jobs')
    this.jobs = jobs.lister()
    const enqueue = (job: Job) => {
      if (!job.metadata.deletionTimestamp && needsCleanup(job)) queue.add(keyOf(job))
    }
    jobs.addEventHandler({ add: enqueue, update: (_old, job) => enqueue(job) })
  }

  sync(key: string): void {
    const [namespace = '', name = ''] = key.split('/')
    const job = this.jobs.get(namespace, name)
    if (!job || job.metadata.deletionTimestamp || !needsCleanup(job)) return
    const remaining = expiresAtMs(job) - this.world.now()
    if (remaining > 0) {
      this.queue.addAfter(key, remaining)
      return
    }
    // The cache may be stale: delete only the Job whose uid we saw (upstream re-reads it from the API first).
    try {
      this.client.delete('jobs', namespace, name, { propagationPolicy: 'Background', preconditions: { uid: job.metadata.uid ?? '' } })
    } catch (e) {
      if (!(isApiError(e) && (e.reason === 'NotFound' || e.reason === 'Conflict'))) throw e
    }
  }
}
