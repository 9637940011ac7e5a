// NodeUnschedulable plugin: a cordoned node takes no pods unless they tolerate the unschedulable taint.
import type { Filter } from './filter'
import { tolerates } from './taint-toleration'

const UNSCHEDULABLE_TAINT = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }

export const nodeUnschedulable: Filter = (pod, { node }) => {
  if (!node.spec?.unschedulable) return null
  const tolerated = (pod.spec.tolerations ?? []).some((t) => tolerates(t, UNSCHEDULABLE_TAINT))
  return tolerated ? null : { reasons: ['node(s) were unschedulable'], unresolvable: true }
}
