// The zero value of each kind as the API server's `New()` encodes it, the live object a create is compared
// against (fieldmanager's Update with liveObj = scope.Creater.New). Go's non-pointer structs are there, empty,
// so a created Deployment's managedFields read `f:spec: {f:strategy: {f:type: {}}}` without `.: {}` on spec or
// strategy; nil lists are null, so `f:containers` holds items only. Written from k8s.io/api v0.32 types.go.

import type { KubeObject } from '../../../kube'

const TEMPLATE = { metadata: {}, spec: { containers: null } }

const ZERO: Record<string, () => Record<string, unknown>> = {
  'v1/Pod': () => ({ metadata: {}, spec: { containers: null }, status: {} }),
  'v1/Node': () => ({ metadata: {}, spec: {}, status: {} }),
  'v1/Namespace': () => ({ metadata: {}, spec: {}, status: {} }),
  'v1/Event': () => ({ metadata: {}, involvedObject: {}, source: {} }),
  'events.k8s.io/v1/Event': () => ({ metadata: {}, regarding: {} }),
  'apps/v1/Deployment': () => ({ metadata: {}, spec: { selector: null, template: structuredClone(TEMPLATE), strategy: {} }, status: {} }),
  'apps/v1/ReplicaSet': () => ({ metadata: {}, spec: { selector: null, template: structuredClone(TEMPLATE) }, status: {} }),
  'batch/v1/Job': () => ({ metadata: {}, spec: { template: structuredClone(TEMPLATE) }, status: {} }),
  'coordination.k8s.io/v1/Lease': () => ({ metadata: {}, spec: {} }),
}

/** The zero `kind` of `apiVersion` (a kind not listed: an object with empty metadata). */
export function zeroObject(apiVersion: string, kind: string): KubeObject {
  const make = ZERO[`${apiVersion}/${kind}`]
  return { apiVersion, kind, ...(make ? make() : { metadata: {} }) } as KubeObject
}
