// syncJobCtx (kubernetes v1.32 pkg/controller/job/job_controller.go): what one sync of a Job knows, shared by
// syncJob, manageJob and the status tracking.

import type { Job, JobCondition } from '../../api/batch/types'
import type { Pod } from '../../api/pods/types'
import type { Client } from '../../client/client'
import type { ControllerExpectations } from '../../controller/expectations'
import type { PodControl } from '../../controller/pod-control'
import type { EventRecorder } from '../../events/recorder'
import type { BackoffRecord } from './backoff'
import type { FinalizerExpectations } from './finalizer-expectations'
import type { Interval } from './indexed'

/** What the sync needs of its controller. */
export interface JobControllerDeps {
  /** Virtual time in ms. */
  now(): number
  client: Client
  podControl: PodControl
  events: EventRecorder
  expectations: ControllerExpectations
  finalizerExpectations: FinalizerExpectations
  /** Syncs `key` again `ms` ms of virtual time from now. */
  enqueueAfter(key: string, ms: number): void
  podsOf(job: Job): Pod[]
}

export interface SyncContext {
  key: string
  /** A private copy, its status rewritten by the sync. */
  job: Job
  pods: Pod[]
  activePods: Pod[]
  ready: number
  terminating: number
  succeeded: number
  failed: number
  uncountedSucceeded: Set<string>
  uncountedFailed: Set<string>
  expectedRmFinalizers: ReadonlySet<string>
  finishedCondition?: JobCondition
  backoff: BackoffRecord
  prevSucceededIndexes: Interval[]
  succeededIndexes: Interval[]
}

export const isIndexed = (job: Job) => job.spec.completionMode === 'Indexed'
export const isSuspended = (job: Job) => job.spec.suspend === true
