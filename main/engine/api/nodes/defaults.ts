// What the API server fills in on a Node it is sent: SetDefaults_NodeStatus (allocatable is the capacity when
// only the capacity is given, pkg/apis/core/v1/defaults.go) and the v1 <-> internal conversion of the pod CIDRs
// (Convert_v1_NodeSpec_To_core_NodeSpec: a lone podCIDR becomes podCIDRs; back: podCIDR is podCIDRs[0]).

import type { Node } from './types'

/** Fills `node` in place. */
export function defaultNode(node: Node): void {
  const status = node.status
  if (status?.capacity && !status.allocatable) status.allocatable = { ...status.capacity }
  const spec = node.spec
  if (!spec) return
  if ((!spec.podCIDRs || spec.podCIDRs.length === 0) && spec.podCIDR) spec.podCIDRs = [spec.podCIDR]
  if (spec.podCIDRs && spec.podCIDRs.length > 0) spec.podCIDR = spec.podCIDRs[0]
}
