// Which pods a ReplicaSet deletes when it has too many (kubernetes v1.32 pkg/controller/replicaset/
// replica_set.go getPodsToDelete and getPodsRankedByRelatedPodsOnSameNode): ranked by ActivePodsWithRanks,
// the rank being how many active pods of the same owner family (the ReplicaSets of one Deployment) share
// the pod's node.

import type { Pod } from '../../api/pods/types'
import { sortActivePodsWithRanks } from '../../controller/active-pods-ranking'
import { isPodActive } from '../../controller/pod-util'

/** The first `diff` pods to delete of `pods`; `related` are the pods of the set's whole family. `nowMs` in ms. */
export function getPodsToDelete(pods: readonly Pod[], related: readonly Pod[], diff: number, nowMs: number): Pod[] {
  // No need to rank when all of them go.
  if (diff >= pods.length) return pods.slice(0, diff)
  const onNode = new Map<string, number>()
  for (const pod of related) {
    if (!isPodActive(pod)) continue
    const node = pod.spec.nodeName ?? ''
    onNode.set(node, (onNode.get(node) ?? 0) + 1)
  }
  const ranks = pods.map((p) => onNode.get(p.spec.nodeName ?? '') ?? 0)
  return sortActivePodsWithRanks(pods, ranks, nowMs).slice(0, diff)
}
