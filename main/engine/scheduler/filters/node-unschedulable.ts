// NodeUnschedulable plugin: a cordoned node takes no pods unless they tolerate the unschedulable taint.
import type { Filter } from './filter'

export const nodeUnschedulable: Filter = (pod, { node }) => {
  if (!node.spec.unschedulable) return null
  const tolerated = (pod.spec.tolerations ?? []).some(
    (t) => (t.key === 'node.kubernetes.io/unschedulable' || (!t.key && t.operator === 'Exists')) && (!t.effect || t.effect === 'NoSchedule'),
  )
  return tolerated ? null : { reasons: ['node(s) were unschedulable'], unresolvable: true }
}
