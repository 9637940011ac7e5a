// NodeUnschedulable plugin: a cordoned node (spec.unschedulable) takes no pods unless they tolerate the
// node.kubernetes.io/unschedulable:NoSchedule taint (`node(s) were unschedulable`).
import { reject, type FilterPlugin } from '../framework'
import { tolerates } from './taint-toleration'

const NAME = 'NodeUnschedulable'
const UNSCHEDULABLE_TAINT = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }

const toleratesUnschedulable = (tolerations: Parameters<typeof tolerates>[0][]) => tolerations.some((t) => tolerates(t, UNSCHEDULABLE_TAINT))

export const nodeUnschedulable: FilterPlugin = {
  name: NAME,
  filter(state, { node }) {
    if (!node.spec?.unschedulable || toleratesUnschedulable(state.pod.spec.tolerations ?? [])) return null
    return reject(NAME, 'UnschedulableAndUnresolvable', 'node(s) were unschedulable')
  },
  // isSchedulableAfterNodeChange: a node added schedulable, or uncordoned.
  hint(event) {
    if (event.kind === 'NodeAdd') return !event.node.spec?.unschedulable
    if (event.kind === 'NodeUpdate') return Boolean(event.old.spec?.unschedulable) && !event.node.spec?.unschedulable
    return false
  },
}
