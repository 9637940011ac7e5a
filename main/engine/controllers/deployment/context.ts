// What the Deployment controller's sync steps share: the in-engine client, the event recorder (legacy core/v1
// recorder as kube-controller-manager 1.32 uses, source `deployment-controller`), the virtual clock and the
// queue to requeue a Deployment later.

import type { Deployment, ReplicaSet } from '../../api/apps/types'
import type { Lister } from '../../client/informers'
import type { Client } from '../../client/client'
import type { RateLimitingQueue } from '../../controller/rate-limiting-queue'
import { involved, type EventRecorder } from '../../events/recorder'
import { rfc3339 } from '../../runtime/clock'

export const COMPONENT = 'deployment-controller'

export interface SyncContext {
  client: Client
  recorder: EventRecorder
  /** Virtual time, ms. */
  now(): number
  queue: RateLimitingQueue
  replicaSets: Lister<ReplicaSet>
}

/** The condition time now: metav1.Time, RFC 3339 seconds. */
export const nowTime = (ctx: SyncContext): string => rfc3339(ctx.now())

export const keyOfDeployment = (d: Deployment): string => `${d.metadata.namespace ?? ''}/${d.metadata.name ?? ''}`

/** eventRecorder.Eventf(d, type, reason, message). */
export function recordEvent(ctx: SyncContext, d: Deployment, type: 'Normal' | 'Warning', reason: string, message: string): void {
  ctx.recorder.legacy(involved(d), type, reason, message, { component: COMPONENT })
}
