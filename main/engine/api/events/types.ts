// core/v1 Event, as both recorders write it and `kubectl get events` reads it. Optional as in the API's JSON:
// the scheduler's events.k8s.io events read back with no source and null first/lastTimestamp.

import type { KubeObject } from '../../../kube'

export type EventType = 'Normal' | 'Warning'

export interface ObjectReference {
  apiVersion?: string
  kind?: string
  name?: string
  namespace?: string
  uid?: string
  resourceVersion?: string
  fieldPath?: string
}

export interface CoreEvent extends KubeObject {
  involvedObject?: ObjectReference
  reason?: string
  message?: string
  source?: { component?: string; host?: string }
  firstTimestamp?: string | null
  lastTimestamp?: string | null
  count?: number
  type?: string
  eventTime?: string | null
  series?: { count?: number; lastObservedTime?: string } | null
  action?: string
  reportingComponent?: string
  reportingInstance?: string
}
