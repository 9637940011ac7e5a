// kubectl's CordonHelper (k8s.io/kubectl/pkg/drain/cordon.go, v0.32) on the Engine face, for `kubectl
// cordon|uncordon|drain`: a node already as asked is left alone ("already cordoned"); otherwise spec.unschedulable
// is patched with the two-way strategic merge patch kubectl sends ({"spec":{"unschedulable":true}}, and null to
// uncordon, as false is omitted). The node lifecycle controller then adds or removes the
// node.kubernetes.io/unschedulable:NoSchedule taint. Evicting the pods is Engine.evict (pods/eviction).

import type { Engine } from '../engine'
import type { Node } from '../api/nodes/types'

/** Sets `name`'s spec.unschedulable to `desired`; false when it already was. Throws ApiError (NotFound). */
export function setUnschedulable(engine: Engine, name: string, desired: boolean): boolean {
  const node = engine.get('nodes', undefined, name) as Node
  if (Boolean(node.spec?.unschedulable) === desired) return false
  engine.patch('nodes', undefined, name, 'strategic', { spec: { unschedulable: desired ? true : null } })
  return true
}
