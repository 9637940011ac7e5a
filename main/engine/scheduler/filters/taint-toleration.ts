// TaintToleration plugin, Filter: a NoSchedule or NoExecute taint keeps out every pod without a matching
// toleration (v1helper.FindMatchingUntoleratedTaint); the node lifecycle's node.kubernetes.io/not-ready and
// unreachable taints keep pods off nodes that are not Ready this way. The reason names the first untolerated
// taint: `node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }`.
import type { Taint } from '../../api/nodes/types'
import type { Toleration } from '../../api/pods/types'
import { reject, type FilterPlugin } from '../framework'

export const TAINT_TOLERATION = 'TaintToleration'

/** Toleration.ToleratesTaint (k8s.io/api core/v1 toleration.go): an empty operator is Equal. */
export function tolerates(t: Toleration, taint: { key: string; value?: string; effect: string }): boolean {
  if (t.effect && t.effect !== taint.effect) return false
  if (t.key && t.key !== taint.key) return false
  switch (t.operator ?? '') {
    case '':
    case 'Equal':
      return (t.value ?? '') === (taint.value ?? '')
    case 'Exists':
      return true
    default:
      return false
  }
}

export function untoleratedTaint(taints: readonly Taint[], tolerations: readonly Toleration[], effects: readonly string[]): Taint | undefined {
  return taints.find((taint) => effects.includes(taint.effect) && !tolerations.some((t) => tolerates(t, taint)))
}

const DO_NOT_SCHEDULE = ['NoSchedule', 'NoExecute']

export const taintTolerationFilter: FilterPlugin = {
  name: TAINT_TOLERATION,
  filter(state, { node }) {
    const taint = untoleratedTaint(node.spec?.taints ?? [], state.pod.spec.tolerations ?? [], DO_NOT_SCHEDULE)
    if (!taint) return null
    return reject(TAINT_TOLERATION, 'UnschedulableAndUnresolvable', `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`)
  },
  // isSchedulableAfterNodeChange: a new node, or one whose taints changed, that the pod now tolerates.
  hint(event, pod) {
    if (event.kind !== 'NodeAdd' && event.kind !== 'NodeUpdate') return false
    const tolerations = pod.spec.tolerations ?? []
    const now = untoleratedTaint(event.node.spec?.taints ?? [], tolerations, DO_NOT_SCHEDULE)
    if (now) return false
    return event.kind === 'NodeAdd' || Boolean(untoleratedTaint(event.old.spec?.taints ?? [], tolerations, DO_NOT_SCHEDULE))
  },
}
