// NodeName plugin: a pod that names its node (spec.nodeName) fits only that node
// (`node(s) didn't match the requested node name`).
import { reject, type FilterPlugin } from '../framework'

const NAME = 'NodeName'

export const nodeName: FilterPlugin = {
  name: NAME,
  filter(state, { node }) {
    const wanted = state.pod.spec.nodeName
    if (!wanted || wanted === node.metadata.name) return null
    return reject(NAME, 'UnschedulableAndUnresolvable', "node(s) didn't match the requested node name")
  },
  hint(event, pod) {
    return event.kind === 'NodeAdd' && event.node.metadata.name === pod.spec.nodeName
  },
}
